import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { candidate, offer } from "./fixtures.test-support.js";
import { createMatcher } from "./index.js";
import { reasonMessages } from "./reason-messages.test-support.js";

const today = "2026-11-24";

describe("matching on real places of the region", () => {
  it("a candidate in Jessen without car or licence, 40 km at most, gets the Wittenberg place and not the one in Zeitz", () => {
    const m = createMatcher({
      today,
      offers: [offer("wittenberg", "06886", "Tischler/-in"), offer("zeitz", "06712", "Tischler/-in")],
      candidates: [candidate("jessen", "06917", ["Tischler/-in"], { hasCar: false, hasDrivingLicence: false, maxCommuteKm: 40 })],
    });
    const result = m.suggestOffers("jessen", 5);
    expect(result.items.map((i) => i.offerId)).toEqual(["wittenberg"]);
    const zeitz = result.infeasible.find((i) => i.offerId === "zeitz");
    expect(zeitz?.reasons).toEqual([
      { criterion: "commute", code: "commute.too_far_without_car", params: { km: expect.any(Number), maxKm: 40 } },
    ]);
    expect(zeitz?.reasons[0]?.params?.km).toBeGreaterThan(100);
    const commute = result.items[0]?.reasons.find((r) => r.criterion === "commute");
    expect(commute?.code).toBe("commute.public_transport");
  });

  it("a Duldung whose work needs approval keeps a place starting in three weeks, flagged with the permit due today; a place in eight months has no such flag", () => {
    const m = createMatcher({
      today,
      offers: [
        offer("soon", "06108", "Koch/Köchin", { startDate: "2026-12-15" }),
        offer("later", "06108", "Koch/Köchin", { startDate: "2027-07-24" }),
      ],
      candidates: [candidate("d", "06108", ["Koch/Köchin"], { residence: { status: "duldung", workPermission: "needs_approval" } })],
    });
    const result = m.suggestOffers("d", 5);
    expect(result.items.map((i) => i.offerId)).toEqual(["later", "soon"]);
    expect(result.infeasible).toEqual([]);
    const soon = result.items.find((i) => i.offerId === "soon");
    const later = result.items.find((i) => i.offerId === "later");
    expect(soon?.flags.find((f) => f.code === "legal.permit_apply_now")).toEqual({
      code: "legal.permit_apply_now",
      dueDate: today,
      params: { daysLeft: 21, neededDays: 56 },
    });
    expect(later?.flags.map((f) => f.code)).not.toContain("legal.permit_apply_now");
    // Lower legal score for the short lead time: 0.5 + (21 - 56) / 120 against a full 1 eight months ahead.
    expect(soon?.reasons.find((r) => r.criterion === "legal")).toMatchObject({ code: "legal.permit_lead_short", score: 0.208 });
    expect(later?.reasons.find((r) => r.criterion === "legal")).toMatchObject({
      code: "legal.permit_needed",
      score: 1,
      params: { applyBy: "2027-05-29" },
    });
  });

  it("for an offer asking B1, a B1 candidate ranks above an otherwise equal A2 one", () => {
    const m = createMatcher({
      today,
      offers: [offer("o", "06618", "Kaufmann/-frau für Büromanagement", { requirements: { minGermanLevel: "B1" } })],
      candidates: [
        candidate("a2", "06618", ["Kaufmann/-frau für Büromanagement"], { germanLevel: "A2" }),
        candidate("b1", "06618", ["Kaufmann/-frau für Büromanagement"], { germanLevel: "B1" }),
      ],
    });
    const result = m.suggestCandidates("o", 5);
    expect(result.items.map((i) => i.candidateId)).toEqual(["b1", "a2"]);
    // The gap can be closed by a course before the start: lower, but feasible.
    expect(result.items[1]?.reasons.find((r) => r.criterion === "german")?.code).toBe("german.gap_closable");
  });

  it("a wish for Fachkraft für Lagerlogistik ranks that occupation above Fachlagerist/-in; a carpentry wish without openness gets no logistics place", () => {
    const m = createMatcher({
      today,
      offers: [offer("lager", "06766", "Fachkraft für Lagerlogistik"), offer("fachlagerist", "06766", "Fachlagerist/-in")],
      candidates: [
        candidate("open", "06766", ["Fachkraft für Lagerlogistik"], { openToRelatedFields: true }),
        candidate("tischler", "06766", ["Tischler/-in"], { openToRelatedFields: false }),
      ],
    });
    const open = m.suggestOffers("open", 5);
    expect(open.items.map((i) => i.offerId)).toEqual(["lager", "fachlagerist"]);
    expect(open.items[1]?.reasons.find((r) => r.criterion === "occupation")?.code).toBe("occupation.same_group");
    expect(m.suggestOffers("tischler", 5).items).toEqual([]);
    const view = m.suggestCandidates("lager", 5);
    expect(view.items.map((i) => i.candidateId)).toEqual(["open"]);
  });

  it("a pair scores the same from both sides", () => {
    const m = createMatcher({
      today,
      offers: [offer("o1", "06110", "Mechatroniker/-in", { requirements: { minSchoolCertificate: "intermediate", minGermanLevel: "B2" } })],
      candidates: [candidate("c1", "06184", ["Elektroniker/-in für Betriebstechnik"], { openToRelatedFields: true, germanLevel: "A2" })],
    });
    expect(m.suggestOffers("c1", 1).items[0]?.score).toBe(m.suggestCandidates("o1", 1).items[0]?.score);
  });

  it("only the recorded work note decides: a safe country of origin with work allowed keeps the place with a flag; 'forbidden' rules out every place", () => {
    const m = createMatcher({
      today,
      offers: [
        offer("o", "06842", "Berufskraftfahrer/-in", { requirements: { drivingLicence: true } }),
        offer("p", "06842", "Berufskraftfahrer/-in"),
      ],
      candidates: [
        candidate("safe", "06842", ["Berufskraftfahrer/-in"], {
          residence: { status: "gestattung", workPermission: "needs_approval", safeCountryOfOrigin: true },
        }),
        candidate("ban", "06842", ["Berufskraftfahrer/-in"], { residence: { status: "duldung", workPermission: "forbidden" } }),
        candidate("nolicence", "06842", ["Berufskraftfahrer/-in"], { hasDrivingLicence: false, hasCar: false }),
      ],
    });
    const result = m.suggestCandidates("o", 5);
    expect(result.items.map((i) => i.candidateId)).toEqual(["safe"]);
    expect(result.items[0]?.flags.map((f) => f.code)).toContain("legal.safe_country");
    const codes = Object.fromEntries(result.infeasible.map((i) => [i.candidateId, i.reasons.map((r) => r.code)]));
    expect(codes).toEqual({ ban: ["legal.work_ban"], nolicence: ["requirements.driving_licence_missing"] });
    const banned = m.suggestOffers("ban", 5);
    expect(banned.items).toEqual([]);
    expect(banned.infeasible.map((i) => [i.offerId, i.reasons.map((r) => r.code)])).toEqual([
      ["o", ["legal.work_ban"]],
      ["p", ["legal.work_ban"]],
    ]);
  });

  it("EQ lasts 6–12 months before 01.04.2024 and 4–12 months since: the rule valid on the day applies", () => {
    expect(createMatcher({ today: "2024-03-31", offers: [], candidates: [] }).rules.eqMinMonths).toBe(6);
    expect(createMatcher({ today: "2024-04-01", offers: [], candidates: [] }).rules.eqMinMonths).toBe(4);
    expect(createMatcher({ today: "2024-02-29", offers: [], candidates: [] }).rules.section16gAvailable).toBe(0);
    expect(createMatcher({ today: "2024-03-01", offers: [], candidates: [] }).rules.section16gAvailable).toBe(1);
  });

  it("every reason code the engine gives has a German sentence", () => {
    const m = createMatcher({
      today,
      offers: [
        offer("a", "06886", "Tischler/-in", {
          kind: "entry_qualification",
          requirements: { minGermanLevel: "C1", minSchoolCertificate: "upper_secondary", drivingLicence: true },
        }),
        offer("b", "06712", "Maurer/-in", { startDate: "2026-12-01" }),
        offer("c", "06917", "Koch/Köchin"),
      ],
      candidates: [
        candidate("x", "06917", ["Tischler/-in", "Zimmerer/Zimmerin"], {
          openToRelatedFields: true,
          germanLevel: "A1",
          schoolCertificate: "none",
          hasCar: false,
          hasDrivingLicence: false,
          availableFrom: "2027-10-01",
          residence: { status: "duldung", workPermission: "needs_approval", validUntil: "2027-01-31" },
        }),
      ],
    });
    const codes = new Set<string>();
    const { items, infeasible } = m.suggestOffers("x", 10);
    for (const i of [...items, ...infeasible]) for (const r of i.reasons) codes.add(r.code);
    for (const a of m.assign({ mode: "optimal" }).unassigned) for (const r of a.reasons) codes.add(r.code);
    expect(codes.size).toBeGreaterThan(5);
    for (const code of codes) expect(reasonMessages[code], code).toMatch(/\S/);
  });

  it("the message table covers every reason code written in the engine's source", () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const codes = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.includes(".test"))) {
      for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(
        /"((?:legal|occupation|commute|requirements|german|school|start|assignment)\.[a-z_]+)"/g,
      )) {
        codes.add(m[1] as string);
      }
    }
    expect(codes.size).toBeGreaterThan(20);
    for (const code of codes) expect(reasonMessages[code], code).toMatch(/\S/);
  });
});
