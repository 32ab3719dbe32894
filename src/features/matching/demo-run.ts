import type { DemoMatchingEngine } from "../../db/demo-matching.js";
import { createMatcher, SCORE_UNITS } from "../../engine/index.js";
import { berlinDate } from "../../lib/berlin-date.js";
import type { Db } from "../../lib/context.js";
import { candidatesForMatching } from "../candidates/matching-input.js";
import { offersForMatching } from "../offers/matching-input.js";
import { matchingConsentIds } from "../privacy/service.js";
import { insertRun, placedCandidates, storeRunResult, takenPlaces } from "./repository.js";

/** When the demo's region run was asked for, before the seed's `now`, and how long it took. */
const runBefore = 2 * 3_600_000;
const runTook = 2_400;

/**
 * The matching engine for the demo seed (`seedDemoData` takes it; the database layer does not import
 * the engine): the scores of the demo matches, and a finished region run to look at. Both come from one
 * engine built as the snapshot builds it (open places, people with a valid matching consent), as of the
 * run's day, so a run pair's score is the score its suggestion shows.
 */
export async function demoMatchingEngine(db: Db, now: Date): Promise<DemoMatchingEngine> {
  const runAt = new Date(now.getTime() - runBefore);
  const today = berlinDate(runAt);
  const offers = await offersForMatching({ db }, today);
  const consenting = new Set(await matchingConsentIds({ db }));
  const candidates = (await candidatesForMatching({ db })).filter((c) => consenting.has(c.input.id));
  const matcher = createMatcher({ today, offers: offers.map((o) => o.input), candidates: candidates.map((c) => c.input) });
  return {
    score: (candidateId, offerId) =>
      matcher.has.candidate(candidateId) && matcher.has.offer(offerId) ? matcher.explainPair(candidateId, offerId).score : undefined,
    /** As a region run's job does it (runs.ts): placed people and taken places left out, optimal mode, every district. */
    async storeRun(trx, { requestedBy }) {
      const [taken, placed] = [await takenPlaces(trx), await placedCandidates(trx)];
      const candidateIds = candidates.map((c) => c.input.id).filter((id) => !placed.has(id));
      const offerIds = offers.map((o) => o.input.id).filter((id) => matcher.placesOf(id) - (taken.get(id) ?? 0) > 0);
      const result = matcher.assign({ mode: "optimal", candidateIds, offerIds, placesTaken: taken });
      const assigned = result.assignments.map((a) => ({
        candidateId: a.candidateId,
        offerId: a.offerId,
        units: Math.round(a.score * SCORE_UNITS),
        reason: null,
        feasible: 0,
      }));
      const unassigned = result.unassigned.map((u) => ({
        candidateId: u.candidateId,
        offerId: null,
        units: null,
        reason: u.reasons[0]?.code ?? null,
        feasible: Number(u.reasons[0]?.params?.feasibleOffers ?? 0),
      }));
      const runId = await insertRun(trx, { mode: "optimal", districts: null, by: requestedBy, at: runAt });
      await storeRunResult(trx, runId, [...assigned, ...unassigned], {
        candidates: candidateIds.length,
        offers: offerIds.length,
        places: offerIds.reduce((s, id) => s + matcher.placesOf(id) - (taken.get(id) ?? 0), 0),
        assigned: assigned.length,
        totalUnits: assigned.reduce((s, a) => s + a.units, 0),
        blockingPairs: null,
        at: new Date(runAt.getTime() + runTook),
      });
      return { runId, assigned: assigned.length, unassigned: unassigned.length };
    },
  };
}
