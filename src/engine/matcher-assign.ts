import { type BipartiteGraph, solveAssignment } from "./assignment.js";
import { evaluatePair, type PairContext } from "./pair.js";
import type { CandidateColumns, OfferColumns } from "./snapshot.js";
import { countBlockingPairs, deferredAcceptance, lottery, type Preferences } from "./stable.js";
import { type AssignmentResult, SCORE_UNITS } from "./types.js";

export type AssignOptions = {
  mode: "optimal" | "stable";
  candidateIds?: string[];
  offerIds?: string[];
  /** Stable mode: rankings both sides gave (after a speed-dating event) instead of scores. */
  rankings?: { candidates: Record<string, string[]>; offers: Record<string, string[]> };
  /** Stable mode: seed of the lottery that breaks ties. */
  seed?: number;
  /** Places already taken per offer id (matches at contract or later): only the rest is assigned. */
  placesTaken?: Map<string, number>;
};

type Snapshot = {
  offers: OfferColumns;
  candidates: CandidateColumns;
  ctx: PairContext;
  forEachReachableOffer: (c: number, visit: (o: number) => void) => number;
};

/** Global assignment over the snapshot: the optimal one (maximum total score) or the stable one. */
export function createAssigner({ offers, candidates, ctx, forEachReachableOffer }: Snapshot) {
  /** The feasible pairs of the selected candidates and offers as a compressed graph (ids sorted: deterministic). */
  function buildGraph(opts: AssignOptions) {
    const rowSlots = (
      opts.candidateIds ??
      candidates.ids.filter((id, i) => id !== undefined && candidates.alive.data[i] === 1 && candidates.slot.get(id) === i)
    )
      .map((id) => candidates.slot.get(id))
      .filter((x): x is number => x !== undefined)
      .sort((a, b) => ((candidates.ids[a] as string) < (candidates.ids[b] as string) ? -1 : 1));
    const colSlots = (
      opts.offerIds ?? offers.ids.filter((id, i) => id !== undefined && offers.alive.data[i] === 1 && offers.slot.get(id) === i)
    )
      .map((id) => offers.slot.get(id))
      .filter((x): x is number => x !== undefined)
      .sort((a, b) => ((offers.ids[a] as string) < (offers.ids[b] as string) ? -1 : 1));
    const colOfSlot = new Int32Array(offers.count).fill(-1);
    colSlots.forEach((o, j) => {
      colOfSlot[o] = j;
    });
    const rowStart = new Int32Array(rowSlots.length + 1);
    const cols: number[] = [];
    const scores: number[] = [];
    rowSlots.forEach((c, i) => {
      const found: [number, number][] = [];
      forEachReachableOffer(c, (o) => {
        const j = colOfSlot[o] as number;
        if (j < 0) return;
        const score = evaluatePair(ctx, c, o, null);
        if (score >= 0) found.push([j, score]);
      });
      found.sort((a, b) => a[0] - b[0]);
      for (const [j, score] of found) {
        cols.push(j);
        scores.push(score);
      }
      rowStart[i + 1] = cols.length;
    });
    const graph: BipartiteGraph = {
      rows: rowSlots.length,
      cols: colSlots.length,
      capacity: Int32Array.from(colSlots, (o) =>
        Math.max(0, (offers.places.data[o] as number) - (opts.placesTaken?.get(offers.ids[o] as string) ?? 0)),
      ),
      rowStart,
      edgeCol: Int32Array.from(cols),
      edgeScore: Float64Array.from(scores),
    };
    return { graph, rowSlots, colSlots };
  }

  function preferencesFrom(graph: BipartiteGraph, rowSlots: number[], colSlots: number[], opts: AssignOptions): Preferences {
    const prefStart = new Int32Array(graph.rows + 1);
    const prefCol: number[] = [];
    const prefPriority: number[] = [];
    const rankOf = (list: string[] | undefined, id: string) => {
      const i = list ? list.indexOf(id) : -1;
      return i;
    };
    for (let r = 0; r < graph.rows; r++) {
      const edges: { j: number; rank: number; priority: number }[] = [];
      const cid = candidates.ids[rowSlots[r] as number] as string;
      for (let e = graph.rowStart[r] as number; e < (graph.rowStart[r + 1] as number); e++) {
        const j = graph.edgeCol[e] as number;
        const score = graph.edgeScore[e] as number;
        if (opts.rankings) {
          const oid = offers.ids[colSlots[j] as number] as string;
          const candRank = rankOf(opts.rankings.candidates[cid], oid);
          const offerRank = rankOf(opts.rankings.offers[oid], cid);
          if (candRank < 0 || offerRank < 0) continue; // only pairs both sides ranked
          edges.push({ j, rank: candRank, priority: -offerRank });
        } else {
          edges.push({ j, rank: -score, priority: score });
        }
      }
      edges.sort((a, b) => a.rank - b.rank || a.j - b.j);
      for (const e of edges) {
        prefCol.push(e.j);
        prefPriority.push(e.priority);
      }
      prefStart[r + 1] = prefCol.length;
    }
    return {
      rows: graph.rows,
      cols: graph.cols,
      capacity: graph.capacity,
      prefStart,
      prefCol: Int32Array.from(prefCol),
      prefPriority: Float64Array.from(prefPriority),
    };
  }

  function assign(opts: AssignOptions): AssignmentResult & { blockingPairs?: number } {
    const { graph, rowSlots, colSlots } = buildGraph(opts);
    let colOfRow: Int32Array;
    let blockingPairs: number | undefined;
    const scoreOf = new Map<number, number>();
    if (opts.mode === "optimal") {
      const solution = solveAssignment(graph);
      colOfRow = solution.colOfRow;
      solution.edgeOfRow.forEach((e, r) => {
        if (e >= 0) scoreOf.set(r, graph.edgeScore[e] as number);
      });
    } else {
      const prefs = preferencesFrom(graph, rowSlots, colSlots, opts);
      const lot = lottery(graph.rows, opts.seed ?? 1);
      const solution = deferredAcceptance(prefs, lot);
      blockingPairs = countBlockingPairs(prefs, lot, solution);
      colOfRow = solution.colOfRow;
      for (let r = 0; r < graph.rows; r++) {
        const j = colOfRow[r] as number;
        if (j < 0) continue;
        for (let e = graph.rowStart[r] as number; e < (graph.rowStart[r + 1] as number); e++) {
          if (graph.edgeCol[e] === j) scoreOf.set(r, graph.edgeScore[e] as number);
        }
      }
    }
    const assignments: AssignmentResult["assignments"] = [];
    const unassigned: AssignmentResult["unassigned"] = [];
    let totalUnits = 0;
    for (let r = 0; r < graph.rows; r++) {
      const cid = candidates.ids[rowSlots[r] as number] as string;
      const j = colOfRow[r] as number;
      if (j >= 0) {
        const score = scoreOf.get(r) as number;
        totalUnits += Math.round(score * SCORE_UNITS);
        assignments.push({ candidateId: cid, offerId: offers.ids[colSlots[j] as number] as string, score });
      } else {
        const none = graph.rowStart[r] === graph.rowStart[r + 1];
        unassigned.push({
          candidateId: cid,
          reasons: [
            {
              criterion: "occupation",
              code: none ? "assignment.no_feasible_offer" : "assignment.places_taken",
              params: { feasibleOffers: (graph.rowStart[r + 1] as number) - (graph.rowStart[r] as number) },
            },
          ],
        });
      }
    }
    return { totalScore: totalUnits / SCORE_UNITS, assignments, unassigned, ...(blockingPairs !== undefined ? { blockingPairs } : {}) };
  }

  return assign;
}
