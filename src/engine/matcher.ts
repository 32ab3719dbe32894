import defaultRuleBook from "../../data/matching-rules.json" with { type: "json" };
import { dayNumber, distanceKm } from "./encode.js";
import { TopK } from "./heap.js";
import { createAssigner } from "./matcher-assign.js";
import { commuteScore, evaluatePair, INFEASIBLE, occupationLevelScore, type PairContext } from "./pair.js";
import { type RuleBook, RuleSets, rulesOn } from "./rules.js";
import { CandidateColumns, districtIds, OccupationIds, OfferColumns } from "./snapshot.js";
import {
  type CandidateInput,
  type CandidateSuggestion,
  defaultWeights,
  type Flag,
  type OfferInput,
  type OfferSuggestion,
  type Reason,
  SCORE_UNITS,
  type Weights,
} from "./types.js";

/** Whom an answer may show: the user's districts (AGS), or any test on the id. */
export type Scope = ((id: string) => boolean) | { districts: readonly string[] };

export type MatcherOptions = {
  offers: OfferInput[];
  candidates: CandidateInput[];
  /** Rule book with validity periods; a pair is judged by the version valid on the offer's start date. Default: data/matching-rules.json. */
  rules?: RuleBook;
  weights?: Partial<Weights>;
  /** ISO date the matching is done on: lead times count from here (`setToday` moves it). */
  today: string;
  /** Pairs whose commute a counsellor checked by hand: the commute limits do not apply to them. */
  commuteChecks?: { candidateId: string; offerId: string }[];
};

export type { AssignOptions } from "./matcher-assign.js";

export type Matcher = ReturnType<typeof createMatcher>;

/** The reasons that make a pair infeasible (they carry no score). */
const hardCodes = new Set([
  "legal.work_ban",
  "legal.start_passed",
  "occupation.outside_wishes",
  "occupation.unrelated_field",
  "commute.beyond_max",
  "commute.too_far_without_car",
  "commute.no_public_transport",
  "requirements.driving_licence_missing",
]);

export function createMatcher(options: MatcherOptions) {
  const occupations = new OccupationIds();
  const companies = new OccupationIds();
  const book = options.rules ?? (defaultRuleBook as RuleBook);
  const ruleSets = new RuleSets(book);
  const O = new OfferColumns(occupations, companies, (day) => ruleSets.indexOn(day));
  const C = new CandidateColumns(occupations, companies);
  for (const o of options.offers) O.upsert(o);
  for (const c of options.candidates) C.upsert(c);
  const weights: Weights = { ...defaultWeights, ...options.weights };
  const rules = rulesOn(book, options.today);
  // Commute checks by id (slots move on upsert), both ways for the searches.
  const checkedOffers = new Map<string, Set<string>>();
  const checkedCandidates = new Map<string, Set<string>>();
  const setCheck = (candidateId: string, offerId: string, on: boolean) => {
    for (const [map, key, value] of [
      [checkedOffers, candidateId, offerId],
      [checkedCandidates, offerId, candidateId],
    ] as const) {
      const set = map.get(key) ?? new Set<string>();
      if (on) set.add(value);
      else set.delete(value);
      if (set.size > 0) map.set(key, set);
      else map.delete(key);
    }
  };
  for (const check of options.commuteChecks ?? []) setCheck(check.candidateId, check.offerId, true);
  const ctx: PairContext = {
    offers: O,
    candidates: C,
    ruleSets: ruleSets.sets,
    weights,
    weightSum: Object.values(weights).reduce((a, b) => a + b, 0),
    today: dayNumber(options.today),
    commuteChecked: (c, o) => checkedOffers.get(C.ids[c] as string)?.has(O.ids[o] as string) === true,
  };
  /** The widest commute without a car any rule set allows: the spatial searches must not cut shorter. */
  const maxWithoutCar = () => Math.max(rules.maxCommuteWithoutCarKm, ...ruleSets.sets.map((r) => r.maxCommuteWithoutCarKm));
  let seen = new Int32Array(16);
  let stamp = 0;
  const nextStamp = (n: number) => {
    if (seen.length < n) seen = new Int32Array(Math.max(n, seen.length * 2));
    return ++stamp;
  };

  const reachKm = (c: number) => {
    const mobile = C.car.data[c] === 1 && C.licence.data[c] === 1;
    const max = C.maxKm.data[c] as number;
    return mobile ? max : Math.min(max, maxWithoutCar());
  };
  const explain = (c: number, o: number) => {
    const reasons: Reason[] = [];
    const flags: Flag[] = [];
    const score = evaluatePair(ctx, c, o, reasons, flags);
    return { score, reasons, flags };
  };
  const slotsOf = (ids: Set<string> | undefined, slots: Map<string, number>) =>
    [...(ids ?? [])].map((id) => slots.get(id)).filter((x): x is number => x !== undefined);
  const hardOnly = (reasons: Reason[]) => reasons.filter((r) => hardCodes.has(r.code));

  // The best occupation score at each level (none, Bereich, Hauptgruppe, Gruppe, same occupation) and
  // with it the best total a pair of that level can reach: offers that cannot beat the k-th best so
  // far are never scored.
  const otherWeights = weights.commute + weights.german + weights.school + weights.start + weights.legal;
  const bestAtLevel = occupationLevelScore.map((o) => (weights.occupation * o + otherWeights) / ctx.weightSum);
  /** The best total at an occupation level and distance: the commute part is capped by the distance. */
  const bestAt = (level: number, d: number, reach: number, mobile: boolean) => {
    const near = reach > 0 ? Math.max(0, 1 - d / reach) : 0;
    const commute = commuteScore(near, 1, mobile);
    // Plus half a score unit: a pair is scored after quantisation, which may round it up.
    return (bestAtLevel[level] as number) - (weights.commute * (1 - commute)) / ctx.weightSum + 0.5 / SCORE_UNITS;
  };

  const topK = (k: number, before: (a: number, b: number) => boolean) => new TopK(k, before);
  /**
   * The user's scope as a test on a slot, asked before a pair is scored: districts by their interned
   * number (one array read), or any test on the id.
   */
  const scopeTest = (scope: Scope | undefined, ids: string[], district: { data: Int32Array }): ((slot: number) => boolean) | null => {
    if (!scope) return null;
    if (typeof scope === "function") return (slot) => scope(ids[slot] as string);
    const allowed = new Uint8Array(Math.max(1, ...scope.districts.map((d) => districtIds.of(d) + 1)));
    for (const d of scope.districts) allowed[districtIds.of(d)] = 1;
    return (slot) => allowed[district.data[slot] as number] === 1;
  };

  function suggestOffers(
    candidateId: string,
    k: number,
    scope?: Scope,
  ): { items: OfferSuggestion[]; infeasible: { offerId: string; reasons: Reason[] }[] } {
    const c = C.slot.get(candidateId);
    if (c === undefined) throw new Error(`unknown candidate ${candidateId}`);
    const before = (a: number, b: number) => (O.ids[a] as string) < (O.ids[b] as string);
    const top = topK(k, before);
    const blocked = topK(k, before);
    const allow = scopeTest(scope, O.ids, O.district);
    const lat = C.lat.data[c] as number;
    const lon = C.lon.data[c] as number;
    const reach = reachKm(c);
    const pass = nextStamp(O.count);
    const threshold = () => (top.size < k ? Number.NEGATIVE_INFINITY : (top.scores[0] as number));
    const w = CandidateColumns.maxWishes;
    const wishCount = C.wishCount.data[c] as number;
    const olat = O.lat.data;
    const olon = O.lon.data;
    const latReach = reach / 110.5;
    const mobile = C.car.data[c] === 1 && C.licence.data[c] === 1;

    // 0. Places whose commute a counsellor checked by hand, wherever they are.
    for (const o of slotsOf(checkedOffers.get(candidateId), O.slot)) {
      if (O.alive.data[o] !== 1 || (allow && !allow(o))) continue;
      seen[o] = pass;
      const score = evaluatePair(ctx, c, o, null);
      if (score >= 0) top.push(score, o);
      else blocked.push(-distanceKm(lat, lon, olat[o] as number, olon[o] as number), o);
    }

    // 1. Offers of the wished occupations, nationwide: in reach they are scored, out of reach the
    //    nearest explain why they are missing.
    for (let r = 0; r < wishCount; r++) {
      const list = O.byOccupation.get(C.wishOcc.data[c * w + r] as number);
      if (!list) continue;
      for (let x = 0; x < list.items.length; x++) {
        const o = list.items[x] as number;
        if (seen[o] === pass || (allow && !allow(o))) continue;
        seen[o] = pass;
        const d = distanceKm(lat, lon, list.lat[x] as number, list.lon[x] as number);
        const score = d > reach ? INFEASIBLE : evaluatePair(ctx, c, o, null);
        if (score >= 0) top.push(score, o);
        else blocked.push(-d, o);
      }
    }
    if (C.open.data[c] === 1) {
      // 2. The same Berufsgruppe as a wish.
      if ((bestAtLevel[3] as number) >= threshold()) {
        for (let r = 0; r < wishCount; r++) {
          const group = C.wishK3.data[c * w + r] as number;
          if (group < 0) continue;
          const list = O.byGroup.get(group);
          if (!list) continue;
          for (let x = 0; x < list.items.length; x++) {
            // Latitude alone rules most of the country out before any trigonometry.
            const dLat = (list.lat[x] as number) - lat;
            if (dLat > latReach || dLat < -latReach) continue;
            const o = list.items[x] as number;
            if (seen[o] === pass || (allow && !allow(o))) continue;
            seen[o] = pass;
            const d = distanceKm(lat, lon, list.lat[x] as number, list.lon[x] as number);
            if (d > reach || bestAt(3, d, reach, mobile) < threshold()) continue;
            const score = evaluatePair(ctx, c, o, null);
            if (score >= 0) top.push(score, o);
          }
        }
      }
      // 3. Related fields (Hauptgruppe, Bereich) in reach, only while they can still enter the top k.
      if ((bestAtLevel[2] as number) >= threshold()) {
        const alive = O.alive.data;
        for (const list of O.grid.cellsNear(lat, lon, reach)) {
          for (let x = 0; x < list.length; x++) {
            const o = list[x] as number;
            if (seen[o] === pass || alive[o] !== 1 || (allow && !allow(o))) continue;
            const d = distanceKm(lat, lon, olat[o] as number, olon[o] as number);
            if (d > reach || bestAt(2, d, reach, mobile) < threshold()) continue;
            if (bestAt(1, d, reach, mobile) < threshold() && !sharesMainGroup(c, o)) continue;
            const score = evaluatePair(ctx, c, o, null);
            if (score >= 0) top.push(score, o);
          }
        }
      }
    }
    return {
      items: top.sorted().map(({ score, item }) => {
        const { reasons, flags } = explain(c, item);
        return { offerId: O.ids[item] as string, score, reasons, flags };
      }),
      infeasible: blocked
        .sorted()
        .map(({ item }) => ({ item, ...explain(c, item) }))
        .filter((x) => x.score === INFEASIBLE)
        .map((x) => ({ offerId: O.ids[x.item] as string, reasons: hardOnly(x.reasons) })),
    };
  }

  function sharesMainGroup(c: number, o: number): boolean {
    const w = CandidateColumns.maxWishes;
    const k2 = O.k2.data[o] as number;
    if (k2 < 0) return false;
    for (let r = 0; r < (C.wishCount.data[c] as number); r++) if (C.wishK2.data[c * w + r] === k2) return true;
    return false;
  }

  /** One pair, explained: its score (null when a hard limit rules it out), every reason and its legal flags. */
  function explainPair(candidateId: string, offerId: string): { score: number | null; reasons: Reason[]; flags: Flag[] } {
    const c = C.slot.get(candidateId);
    const o = O.slot.get(offerId);
    if (c === undefined) throw new Error(`unknown candidate ${candidateId}`);
    if (o === undefined) throw new Error(`unknown offer ${offerId}`);
    const { score, reasons, flags } = explain(c, o);
    return { score: score === INFEASIBLE ? null : score, reasons, flags };
  }

  function suggestCandidates(
    offerId: string,
    k: number,
    scope?: Scope,
  ): { items: CandidateSuggestion[]; infeasible: { candidateId: string; reasons: Reason[] }[] } {
    const o = O.slot.get(offerId);
    if (o === undefined) throw new Error(`unknown offer ${offerId}`);
    const before = (a: number, b: number) => (C.ids[a] as string) < (C.ids[b] as string);
    const top = topK(k, before);
    const blocked = topK(k, before);
    const allow = scopeTest(scope, C.ids, C.district);
    const lat = O.lat.data[o] as number;
    const lon = O.lon.data[o] as number;
    const occ = O.occ.data[o] as number;
    const s = nextStamp(C.count);
    const threshold = () => (top.size < k ? Number.NEGATIVE_INFINITY : (top.scores[0] as number));
    const latReach = C.maxCommuteKm / 110.5;
    // 0. People whose commute to this place a counsellor checked by hand, wherever they live.
    for (const c of slotsOf(checkedCandidates.get(offerId), C.slot)) {
      if (seen[c] === s || C.alive.data[c] !== 1 || (allow && !allow(c))) continue;
      seen[c] = s;
      const score = evaluatePair(ctx, c, o, null);
      if (score >= 0) top.push(score, c);
    }
    // 1. Everyone who wishes this occupation, nationwide: in reach they are scored, out of reach (or
    //    ruled out otherwise) the nearest explain why they are missing.
    const wishing = C.byWish.get(occ);
    for (let x = 0; x < (wishing?.items.length ?? 0); x++) {
      const c = wishing?.items[x] as number;
      if (seen[c] === s || (allow && !allow(c))) continue;
      seen[c] = s;
      const score = evaluatePair(ctx, c, o, null);
      if (score >= 0) top.push(score, c);
      else blocked.push(-distanceKm(lat, lon, wishing?.lat[x] as number, wishing?.lon[x] as number), c);
    }
    // 2. People open to related fields whose wish shares the place's Berufsgruppe, then Hauptgruppe,
    //    then Bereich: each level only while its best possible score can still enter the top k.
    const keys = [O.k3.data[o] as number, O.k2.data[o] as number, O.k1.data[o] as number];
    for (const [at, key] of keys.entries()) {
      const level = 3 - at;
      const list = key >= 0 ? C.byWishLevel[at]?.get(key) : undefined;
      if (!list || (bestAtLevel[level] as number) < threshold()) continue;
      for (let x = 0; x < list.items.length; x++) {
        const dLat = (list.lat[x] as number) - lat;
        if (dLat > latReach || dLat < -latReach) continue;
        const c = list.items[x] as number;
        if (seen[c] === s || (allow && !allow(c))) continue;
        seen[c] = s;
        const reach = reachKm(c);
        const d = distanceKm(lat, lon, list.lat[x] as number, list.lon[x] as number);
        if (d > reach || bestAt(level, d, reach, C.car.data[c] === 1 && C.licence.data[c] === 1) < threshold()) continue;
        const score = evaluatePair(ctx, c, o, null);
        if (score >= 0) top.push(score, c);
      }
    }
    return {
      items: top.sorted().map(({ score, item }) => {
        const { reasons, flags } = explain(item, o);
        return { candidateId: C.ids[item] as string, score, reasons, flags };
      }),
      infeasible: blocked
        .sorted()
        .map(({ item }) => ({ item, ...explain(item, o) }))
        .filter((x) => x.score === INFEASIBLE)
        .map((x) => ({ candidateId: C.ids[x.item] as string, reasons: hardOnly(x.reasons) })),
    };
  }

  const assign = createAssigner({
    offers: O,
    candidates: C,
    ctx,
    reachOf: reachKm,
    checkedOf: (c) => slotsOf(checkedOffers.get(C.ids[c] as string), O.slot),
    maxStationKm: () => Math.max(rules.maxStationKm, ...ruleSets.sets.map((r) => r.maxStationKm)),
  });

  /** Keeps the snapshot current: upserts and removals touch only the changed records and their index cells. */
  function update(change: {
    offers?: OfferInput[];
    candidates?: CandidateInput[];
    removed?: { offerIds?: string[]; candidateIds?: string[] };
    commuteChecks?: { candidateId: string; offerId: string; checked: boolean }[];
  }) {
    for (const check of change.commuteChecks ?? []) setCheck(check.candidateId, check.offerId, check.checked);
    for (const id of change.removed?.offerIds ?? []) O.remove(id);
    for (const id of change.removed?.candidateIds ?? []) C.remove(id);
    for (const o of change.offers ?? []) O.upsert(o);
    for (const c of change.candidates ?? []) C.upsert(c);
  }

  /** Moves the day lead times count from (a long-running snapshot lives past midnight). */
  function setToday(day: string) {
    ctx.today = dayNumber(day);
  }

  const has = { candidate: (id: string) => C.slot.has(id), offer: (id: string) => O.slot.has(id) };
  /** An offer's number of places (0 when it is not in the snapshot). */
  const placesOf = (offerId: string) => {
    const o = O.slot.get(offerId);
    return o === undefined ? 0 : (O.places.data[o] as number);
  };
  const size = () => ({ offers: O.slot.size, candidates: C.slot.size });

  return {
    suggestOffers,
    suggestCandidates,
    explainPair,
    assign,
    update,
    setToday,
    has,
    placesOf,
    size,
    rules,
    rulesOn: (day: string) => rulesOn(book, day),
  };
}
