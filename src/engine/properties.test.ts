import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { certifyOptimality, solveAssignment, solveSparseAssignment } from "./assignment.js";
import { solveDenseAssignment } from "./assignment-dense.js";
import { type CandidateInput, createMatcher, type OfferInput } from "./index.js";
import { countBlockingPairs, deferredAcceptance, lottery, type Preferences } from "./stable.js";

const today = "2026-11-24";
const occupations = [
  { id: "tischler", kldb: "22342" },
  { id: "zimmerer", kldb: "331" },
  { id: "lagerlogistik", kldb: "513" },
  { id: "fachlagerist", kldb: "513" },
  { id: "koch", kldb: "29302" },
  { id: "buero", kldb: "71402" },
];

const offerArb = (i: number) =>
  fc.record({
    id: fc.constant(`o${i}`),
    kind: fc.constantFrom("training", "entry_qualification", "internship"),
    occupation: fc.constantFrom(...occupations),
    places: fc.integer({ min: 0, max: 3 }),
    startDate: fc.constantFrom("2026-12-10", "2027-03-01", "2027-08-01"),
    lat: fc.double({ min: 51.3, max: 51.6, noNaN: true }),
    lon: fc.double({ min: 11.8, max: 12.2, noNaN: true }),
    stationKm: fc.double({ min: 0, max: 6, noNaN: true }),
    requirements: fc.record({
      minGermanLevel: fc.constantFrom(null, "A2", "B1", "B2"),
      minSchoolCertificate: fc.constantFrom(null, "lower_secondary", "intermediate"),
      drivingLicence: fc.constantFrom(false, false, false, true),
    }),
  }) as fc.Arbitrary<OfferInput>;

const candidateArb = (i: number) =>
  fc.record({
    id: fc.constant(`c${i}`),
    lat: fc.double({ min: 51.3, max: 51.6, noNaN: true }),
    lon: fc.double({ min: 11.8, max: 12.2, noNaN: true }),
    stationKm: fc.double({ min: 0, max: 6, noNaN: true }),
    germanLevel: fc.constantFrom("A1", "A2", "B1", "B2", "C1"),
    schoolCertificate: fc.constantFrom("none", "lower_secondary", "intermediate", "upper_secondary"),
    desiredOccupations: fc.uniqueArray(fc.constantFrom(...occupations), { minLength: 1, maxLength: 3, selector: (o) => o.id }),
    openToRelatedFields: fc.constantFrom(true, true, false),
    hasDrivingLicence: fc.constantFrom(true, true, false),
    hasCar: fc.constantFrom(true, true, false),
    maxCommuteKm: fc.integer({ min: 5, max: 60 }),
    availableFrom: fc.constantFrom("2026-12-01", "2027-05-01"),
    residence: fc.record({
      status: fc.constantFrom("citizen", "permit_work_allowed", "gestattung", "duldung", "ausbildungsduldung", "permit_16g", "other"),
      workPermission: fc.constantFrom("allowed", "allowed", "allowed", "needs_approval", "forbidden"),
      validUntil: fc.constantFrom(null, "2027-01-31", "2029-12-31"),
      safeCountryOfOrigin: fc.constantFrom(false, false, false, true),
    }),
  }) as fc.Arbitrary<CandidateInput>;

const worldArb = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 5 })).chain(([nc, no]) =>
  fc.record({
    candidates: fc.tuple(...Array.from({ length: nc }, (_, i) => candidateArb(i))),
    offers: fc.tuple(...Array.from({ length: no }, (_, i) => offerArb(i))),
  }),
);

/** Exhaustive optimum of a small assignment instance. */
function bruteForce(rows: number, rowEdges: [number, number][][], capacity: number[]): number {
  let best = 0;
  const used = capacity.map(() => 0);
  const go = (r: number, acc: number) => {
    if (r === rows) {
      best = Math.max(best, acc);
      return;
    }
    go(r + 1, acc);
    for (const [j, s] of rowEdges[r] ?? []) {
      if ((used[j] as number) < (capacity[j] as number)) {
        used[j] = (used[j] as number) + 1;
        go(r + 1, acc + s);
        used[j] = (used[j] as number) - 1;
      }
    }
  };
  go(0, 0);
  return best;
}

const graphArb = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 4 })).chain(([rows, cols]) =>
  fc.record({
    rows: fc.constant(rows),
    capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
    edges: fc.array(
      fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: cols - 1 }), fc.double({ min: 0, max: 1, noNaN: true })), {
        selector: (e) => e[0],
        maxLength: cols,
      }),
      {
        minLength: rows,
        maxLength: rows,
      },
    ),
  }),
);

function toGraph(g: { rows: number; capacity: number[]; edges: [number, number][][] }) {
  const rowStart = new Int32Array(g.rows + 1);
  const cols: number[] = [];
  const scores: number[] = [];
  g.edges.forEach((list, r) => {
    for (const [j, s] of list) {
      cols.push(j);
      scores.push(s);
    }
    rowStart[r + 1] = cols.length;
  });
  return {
    rows: g.rows,
    cols: g.capacity.length,
    capacity: Int32Array.from(g.capacity),
    rowStart,
    edgeCol: Int32Array.from(cols),
    edgeScore: Float64Array.from(scores),
  };
}

describe("optimal assignment", () => {
  it("equals the exhaustive optimum, respects capacities and uses only given pairs", () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const graph = toGraph(g);
        const s = solveAssignment(graph);
        const optimum = bruteForce(g.rows, g.edges, g.capacity);
        expect(s.total).toBeCloseTo(optimum, 9);
        // Both solvers, whichever the density picks.
        expect(solveSparseAssignment(graph).total).toBeCloseTo(optimum, 9);
        expect(solveDenseAssignment(graph).total).toBeCloseTo(optimum, 9);
        const used = g.capacity.map(() => 0);
        s.colOfRow.forEach((j, r) => {
          if (j < 0) return;
          used[j] = (used[j] as number) + 1;
          expect(g.edges[r]?.some(([c]) => c === j)).toBe(true);
        });
        used.forEach((u, j) => {
          expect(u).toBeLessThanOrEqual(g.capacity[j] as number);
        });
      }),
      { numRuns: 400 },
    );
  });

  let contested = 0;
  it("through the matcher: only feasible pairs, each candidate once, each offer up to its places, the exhaustive optimum", () => {
    fc.assert(
      fc.property(worldArb, ({ candidates, offers }) => {
        const m = createMatcher({ today, offers, candidates });
        const result = m.assign({ mode: "optimal" });
        contested +=
          result.assignments.length > 0 && result.unassigned.some((u) => u.reasons[0]?.code === "assignment.places_taken") ? 1 : 0;
        const perOffer = new Map<string, number>();
        const seen = new Set<string>();
        const rowEdges: [number, number][][] = [];
        // Every pair, explained one by one (no index, no pruning): the run's graph must lose none of them.
        candidates.forEach((c) => {
          const edges: [number, number][] = [];
          offers.forEach((o, j) => {
            const { score } = m.explainPair(c.id, o.id);
            if (score !== null) edges.push([j, score]);
          });
          rowEdges.push(edges);
        });
        for (const a of result.assignments) {
          expect(seen.has(a.candidateId)).toBe(false);
          seen.add(a.candidateId);
          perOffer.set(a.offerId, (perOffer.get(a.offerId) ?? 0) + 1);
          expect(m.explainPair(a.candidateId, a.offerId).score).toBe(a.score);
        }
        for (const o of offers) expect(perOffer.get(o.id) ?? 0).toBeLessThanOrEqual(o.places);
        expect(result.assignments.length + result.unassigned.length).toBe(candidates.length);
        // Suggestion scores are rounded to 4 places: compare the optimum at that precision.
        expect(result.totalScore).toBeCloseTo(
          bruteForce(
            candidates.length,
            rowEdges,
            offers.map((o) => o.places),
          ),
          3,
        );
      }),
      // A fixed seed: the share of contested instances checked below must not depend on chance.
      { numRuns: 150, seed: 20261124 },
    );
    // The instances must be interesting: places contested in a good share of them.
    expect(contested).toBeGreaterThanOrEqual(5);
  });
});

describe("a run's pairs", () => {
  it("a run pairs one person and one place exactly when the pair is feasible (stations, car, wishes, hand-checked commutes)", () => {
    // Close together (a few km), so that the railway-station rule (3 km to a station, else 6 km at most) decides often.
    const near = (arb: fc.Arbitrary<OfferInput> | fc.Arbitrary<CandidateInput>) =>
      arb.chain((x) =>
        fc
          .record({ lat: fc.double({ min: 51.45, max: 51.53, noNaN: true }), lon: fc.double({ min: 11.9, max: 12.02, noNaN: true }) })
          .map((p) => ({ ...x, ...p })),
      );
    let feasibleSeen = 0;
    let infeasibleSeen = 0;
    let byTrainFarFromStation = 0;
    fc.assert(
      fc.property(
        near(candidateArb(0)) as fc.Arbitrary<CandidateInput>,
        near(offerArb(0)) as fc.Arbitrary<OfferInput>,
        fc.boolean(),
        (c, o, checked) => {
          const m = createMatcher({
            today,
            offers: [{ ...o, places: 1 }],
            candidates: [c],
            commuteChecks: checked ? [{ candidateId: c.id, offerId: o.id }] : [],
          });
          const pair = m.explainPair(c.id, o.id);
          const feasible = pair.score !== null;
          const commute = pair.reasons.find((r) => r.criterion === "commute");
          // The edge case: without a car, a station more than 3 km off, between 4.5 and 6 km away.
          if (
            feasible &&
            commute?.code === "commute.public_transport" &&
            Number(commute.params?.stationKm) > 3 &&
            Number(commute.params?.km) > 4.5
          )
            byTrainFarFromStation++;
          if (feasible) feasibleSeen++;
          else infeasibleSeen++;
          expect(m.assign({ mode: "optimal" }).assignments.length).toBe(feasible ? 1 : 0);
          expect(m.assign({ mode: "stable" }).assignments.length).toBe(feasible ? 1 : 0);
        },
      ),
      { numRuns: 3000, seed: 20261207 },
    );
    expect(feasibleSeen).toBeGreaterThan(100);
    expect(infeasibleSeen).toBeGreaterThan(100);
    expect(byTrainFarFromStation).toBeGreaterThan(5);
  });
});

describe("stable matching", () => {
  const prefsArb = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 })).chain(([rows, cols]) =>
    fc.record({
      rows: fc.constant(rows),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
      lists: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: cols - 1 }), { maxLength: cols }), { minLength: rows, maxLength: rows }),
      priority: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: rows * cols, maxLength: rows * cols }),
      seed: fc.integer(),
    }),
  );

  it("leaves no blocking pair (checked by brute force, with ties broken by the lottery)", () => {
    fc.assert(
      fc.property(prefsArb, (p) => {
        const cols = p.capacity.length;
        const prefStart = new Int32Array(p.rows + 1);
        const prefCol: number[] = [];
        const prefPriority: number[] = [];
        p.lists.forEach((list, r) => {
          for (const j of list) {
            prefCol.push(j);
            prefPriority.push(p.priority[r * cols + j] as number);
          }
          prefStart[r + 1] = prefCol.length;
        });
        const prefs: Preferences = {
          rows: p.rows,
          cols,
          capacity: Int32Array.from(p.capacity),
          prefStart,
          prefCol: Int32Array.from(prefCol),
          prefPriority: Float64Array.from(prefPriority),
        };
        const lot = lottery(p.rows, p.seed);
        const s = deferredAcceptance(prefs, lot);
        expect(countBlockingPairs(prefs, lot, s)).toBe(0);
        // Independent check.
        const wants = (j: number, a: number, b: number) => {
          const pa = p.priority[a * cols + j] as number;
          const pb = p.priority[b * cols + j] as number;
          return pa > pb || (pa === pb && (lot[a] as number) > (lot[b] as number));
        };
        for (let r = 0; r < p.rows; r++) {
          const list = p.lists[r] as number[];
          const mine = s.colOfRow[r] as number;
          if (mine >= 0) expect(list).toContain(mine);
          for (const j of mine >= 0 ? list.slice(0, list.indexOf(mine)) : list) {
            const held = [...s.colOfRow.keys()].filter((x) => s.colOfRow[x] === j);
            const blocks = held.length < (p.capacity[j] as number) || held.some((h) => wants(j, r, h));
            expect(blocks).toBe(false);
          }
        }
        for (let j = 0; j < cols; j++) expect([...s.colOfRow].filter((x) => x === j).length).toBeLessThanOrEqual(p.capacity[j] as number);
      }),
      { numRuns: 400 },
    );
  });

  it("through the matcher, with scores or with rankings, is stable", () => {
    fc.assert(
      fc.property(worldArb, fc.integer(), ({ candidates, offers }, seed) => {
        const m = createMatcher({ today, offers, candidates });
        expect(m.assign({ mode: "stable", seed }).blockingPairs).toBe(0);
        const rankings = {
          candidates: Object.fromEntries(candidates.map((c) => [c.id, offers.map((o) => o.id).reverse()])),
          offers: Object.fromEntries(offers.map((o) => [o.id, candidates.map((c) => c.id)])),
        };
        expect(m.assign({ mode: "stable", rankings, seed }).blockingPairs).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe("protected attributes", () => {
  const protectedArb = fc.record({
    nationality: fc.constantFrom("SY", "AF", "UA", "DE", "ER", "TR"),
    countryOfOrigin: fc.constantFrom("Syrien", "Afghanistan", "Ukraine", "Eritrea"),
    ethnicOrigin: fc.string(),
    religion: fc.constantFrom("islam", "christian", "none", "yazidi"),
    sex: fc.constantFrom("female", "male", "diverse"),
    disability: fc.boolean(),
    age: fc.integer({ min: 16, max: 35 }),
    birthDate: fc.constantFrom("2005-01-01", "2008-06-30", "2011-09-15", "2012-02-29"),
  });
  /** Scores, rankings and reasons; not the legal flags, which do read the birth date (age 15, J1 under 18). */
  const withoutFlags = <T extends { items: { flags: unknown }[] }>(r: T) => ({
    ...r,
    items: r.items.map(({ flags: _flags, ...rest }) => rest),
  });

  // CandidateInput has no field for nationality, origin, religion, sex or disability (the input type is
  // the guarantee); the birth date is an input, read only for the legal flags (minimum age 15, the J1
  // check under 18). This test catches the day any of these reaches a score, a ranking or an
  // assignment. It does not see proxies (a name, a postcode).
  it("changing nationality, origin, religion, sex, disability or age (birth date) changes no score, ranking or assignment", () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.array(protectedArb, { minLength: 7, maxLength: 7 }),
        fc.array(protectedArb, { minLength: 7, maxLength: 7 }),
        ({ candidates, offers }, a, b) => {
          const withA = candidates.map((c, i) => ({ ...c, ...a[i] }));
          const withB = candidates.map((c, i) => ({ ...c, ...b[i] }));
          const ma = createMatcher({ today, offers, candidates: withA });
          const mb = createMatcher({ today, offers, candidates: withB });
          for (const c of candidates) expect(withoutFlags(ma.suggestOffers(c.id, 10))).toEqual(withoutFlags(mb.suggestOffers(c.id, 10)));
          for (const o of offers)
            expect(withoutFlags(ma.suggestCandidates(o.id, 10))).toEqual(withoutFlags(mb.suggestCandidates(o.id, 10)));
          expect(ma.assign({ mode: "optimal" })).toEqual(mb.assign({ mode: "optimal" }));
          expect(ma.assign({ mode: "stable", seed: 7 })).toEqual(mb.assign({ mode: "stable", seed: 7 }));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("update()", () => {
  it("gives the same answers as a rebuild from the changed data", () => {
    fc.assert(
      fc.property(worldArb, worldArb, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 }), (first, second, dropC, dropO) => {
        const m = createMatcher({ today, offers: first.offers, candidates: first.candidates });
        const removedC = first.candidates.slice(0, dropC).map((c) => c.id);
        const removedO = first.offers.slice(0, dropO).map((o) => o.id);
        // Second world re-uses ids: some records change, some are new.
        const changedC = second.candidates.map((c) => ({ ...c, id: `${c.id}${c.lat > 51.45 ? "" : "n"}` }));
        const changedO = second.offers.map((o) => ({ ...o, id: `${o.id}${o.lat > 51.45 ? "" : "n"}` }));
        m.update({ removed: { candidateIds: removedC, offerIds: removedO }, candidates: changedC, offers: changedO });
        const finalC = new Map(first.candidates.filter((c) => !removedC.includes(c.id)).map((c) => [c.id, c]));
        for (const c of changedC) finalC.set(c.id, c);
        const finalO = new Map(first.offers.filter((o) => !removedO.includes(o.id)).map((o) => [o.id, o]));
        for (const o of changedO) finalO.set(o.id, o);
        const rebuilt = createMatcher({ today, offers: [...finalO.values()], candidates: [...finalC.values()] });
        for (const id of finalC.keys()) expect(m.suggestOffers(id, 10)).toEqual(rebuilt.suggestOffers(id, 10));
        for (const id of finalO.keys()) expect(m.suggestCandidates(id, 10)).toEqual(rebuilt.suggestCandidates(id, 10));
        expect(m.assign({ mode: "optimal" })).toEqual(rebuilt.assign({ mode: "optimal" }));
      }),
      { numRuns: 100 },
    );
  });
});

describe("optimality certificate", () => {
  it("the solver's potentials certify its optimum, and a worse assignment fails the check", () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        const graph = toGraph(g);
        const s = solveSparseAssignment(graph);
        expect(certifyOptimality(graph, s)).toBeGreaterThanOrEqual(-1e-9);
        // Dropping the best assigned pair makes the certificate fail (an improving path exists).
        const r = [...s.colOfRow.keys()].find(
          (x) => (s.colOfRow[x] as number) >= 0 && (graph.edgeScore[s.edgeOfRow[x] as number] as number) > 1e-6,
        );
        if (r === undefined) return;
        const worse = { ...s, colOfRow: Int32Array.from(s.colOfRow), edgeOfRow: Int32Array.from(s.edgeOfRow) };
        worse.colOfRow[r] = -1;
        worse.edgeOfRow[r] = -1;
        expect(certifyOptimality(graph, worse)).toBeLessThan(-1e-9);
      }),
      { numRuns: 300 },
    );
  });
});

describe("suggestions", () => {
  it("the top k equal a plain scan of every pair's score, from both sides (the pruning loses nothing)", () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 1, max: 4 }), ({ candidates, offers }, k) => {
        const m = createMatcher({ today, offers, candidates });
        const byScore = (a: { id: string; score: number }, b: { id: string; score: number }) => b.score - a.score || (a.id < b.id ? -1 : 1);
        for (const c of candidates) {
          const plain = offers
            .map((o) => ({ id: o.id, score: m.explainPair(c.id, o.id).score }))
            .filter((x): x is { id: string; score: number } => x.score !== null)
            .sort(byScore)
            .slice(0, k);
          const items = m.suggestOffers(c.id, k).items;
          // Scores are rounded to 4 places: compare the scores (ties may order differently) and each item's own score.
          expect(items.map((i) => i.score)).toEqual(plain.map((p) => p.score));
          for (const i of items) expect(m.explainPair(c.id, i.offerId).score).toBe(i.score);
        }
        for (const o of offers) {
          const plain = candidates
            .map((c) => ({ id: c.id, score: m.explainPair(c.id, o.id).score }))
            .filter((x): x is { id: string; score: number } => x.score !== null)
            .sort(byScore)
            .slice(0, k);
          const items = m.suggestCandidates(o.id, k).items;
          expect(items.map((i) => i.score)).toEqual(plain.map((p) => p.score));
          for (const i of items) expect(m.explainPair(i.candidateId, o.id).score).toBe(i.score);
        }
      }),
      { numRuns: 200 },
    );
  });
});
