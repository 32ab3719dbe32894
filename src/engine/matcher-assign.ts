import { type BipartiteGraph, solveAssignment } from "./assignment.js";
import { distanceKm } from "./encode.js";
import { GridIndex } from "./grid-index.js";
import { evaluatePair, type PairContext } from "./pair.js";
import { CandidateColumns, type OfferColumns } from "./snapshot.js";
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
  /** How far a candidate may commute (car or not), in km. */
  reachOf: (c: number) => number;
  /** Offers whose commute a counsellor checked by hand for this candidate (feasible at any distance). */
  checkedOf: (c: number) => number[];
  /** The widest station distance any rule set accepts for public transport. */
  maxStationKm: () => number;
};

/** Grid cells of about 10 × 10 km (as the snapshot's grid), to order a run's places by place. */
const cellOf = (lat: number, lon: number) => Math.floor((lat + 90) / 0.1) * 10_000 + Math.floor((lon + 180) / 0.15);

/**
 * The run's places, copied into compact columns ordered by KldB Berufsbereich and grid cell (a pair
 * outside the wishes' Bereiche is never feasible, and neighbours sit side by side in memory), with a
 * spatial grid per Bereich split by whether the place has a railway station in reach (a place without
 * one is feasible without a car only within twice the station distance).
 */
function indexRunOffers(offers: OfferColumns, colSlots: number[], maxStationKm: number) {
  const keyOf = (j: number) => {
    const o = colSlots[j] as number;
    return (offers.k1.data[o] as number) * 2 + ((offers.stationKm.data[o] as number) > maxStationKm ? 1 : 0);
  };
  const cell = (j: number) => cellOf(offers.lat.data[colSlots[j] as number] as number, offers.lon.data[colSlots[j] as number] as number);
  const order = Int32Array.from(colSlots, (_, j) => j).sort((x, y) => keyOf(x) - keyOf(y) || cell(x) - cell(y) || x - y);
  const local = offers.subset(Array.from(order, (j) => colSlots[j] as number));
  const localOfCol = new Int32Array(colSlots.length);
  order.forEach((j, l) => {
    localOfCol[j] = l;
  });
  const grids = new Map<number, GridIndex>();
  order.forEach((j, l) => {
    const key = keyOf(j);
    let grid = grids.get(key);
    if (!grid) {
      grid = new GridIndex();
      grids.set(key, grid);
    }
    grid.insert(l, local.lat.data[l] as number, local.lon.data[l] as number);
  });
  return { local, colOfLocal: order, localOfCol, grids };
}

/** Global assignment over the snapshot: the optimal one (maximum total score) or the stable one. */
export function createAssigner({ offers, candidates, ctx, reachOf, checkedOf, maxStationKm }: Snapshot) {
  /** The feasible pairs of the selected candidates and offers as a compressed graph (rows and columns in id order: deterministic). */
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
    const stationKm = maxStationKm();
    const { local, colOfLocal, localOfCol, grids } = indexRunOffers(offers, colSlots, stationKm);
    const localCtx: PairContext = {
      ...ctx,
      offers: local,
      commuteChecked: (c, l) => ctx.commuteChecked(c, colSlots[colOfLocal[l] as number] as number),
    };
    const seen = new Int32Array(colSlots.length).fill(-1);
    const rowStart = new Int32Array(rowSlots.length + 1);
    // Edges in typed buffers (millions of them: no object per edge), a row's columns sorted as numbers.
    let cols = new Int32Array(Math.max(1 << 16, 64 * rowSlots.length));
    let scores = new Float64Array(cols.length);
    let edges = 0;
    const rowCols = new Int32Array(colSlots.length);
    const rowScore = new Float64Array(colSlots.length);
    const w = CandidateColumns.maxWishes;
    const { lat: clat, lon: clon, wishK1, wishOcc, wishCount } = candidates;
    const { lat: olat, lon: olon, occ: oocc } = local;
    rowSlots.forEach((c, i) => {
      let found = 0;
      const consider = (l: number) => {
        if (seen[l] === i) return;
        seen[l] = i;
        const score = evaluatePair(localCtx, c, l, null);
        if (score < 0) return;
        const j = colOfLocal[l] as number;
        rowCols[found++] = j;
        rowScore[j] = score;
      };
      const checked = checkedOf(c);
      for (const o of checked) {
        const j = colOfSlot[o] as number;
        if (j >= 0) consider(localOfCol[j] as number);
      }
      const lat = clat.data[c] as number;
      const lon = clon.data[c] as number;
      const reach = reachOf(c);
      const mobile = candidates.car.data[c] === 1 && candidates.licence.data[c] === 1;
      // Without a car and without a station near home, only places within twice the station distance remain.
      const transitReach = !mobile && (candidates.stationKm.data[c] as number) > stationKm ? Math.min(reach, 2 * stationKm) : reach;
      const open = candidates.open.data[c] === 1;
      const wishes = wishCount.data[c] as number;
      for (let r = 0; r < wishes; r++) {
        const area = wishK1.data[c * w + r] as number;
        let again = false;
        for (let q = 0; q < r; q++) if (wishK1.data[c * w + q] === area) again = true;
        if (again) continue;
        for (let noStation = 0; noStation < 2; noStation++) {
          const grid = grids.get(area * 2 + noStation);
          if (!grid) continue;
          const radius = noStation && !mobile ? Math.min(transitReach, 2 * stationKm) : transitReach;
          for (const list of grid.cellsNear(lat, lon, radius)) {
            for (let x = 0; x < list.length; x++) {
              const l = list[x] as number;
              if (!open) {
                // Not open to related fields: only the wished occupations themselves.
                let wished = false;
                for (let q = 0; q < wishes; q++) if (wishOcc.data[c * w + q] === oocc.data[l]) wished = true;
                if (!wished) continue;
              }
              if (distanceKm(lat, lon, olat.data[l] as number, olon.data[l] as number) > radius) continue;
              consider(l);
            }
          }
        }
      }
      if (edges + found > cols.length) {
        const size = Math.max(Math.ceil(1.5 * cols.length), edges + found);
        const grownCols = new Int32Array(size);
        grownCols.set(cols);
        cols = grownCols;
        const grownScores = new Float64Array(size);
        grownScores.set(scores);
        scores = grownScores;
      }
      // The places are visited in a fixed order (Bereich, cell, id); only hand-checked ones come first, in no fixed order.
      const row = checked.length ? rowCols.subarray(0, found).sort() : rowCols.subarray(0, found);
      for (let x = 0; x < found; x++) {
        const j = row[x] as number;
        cols[edges] = j;
        scores[edges++] = rowScore[j] as number;
      }
      rowStart[i + 1] = edges;
    });
    const graph: BipartiteGraph = {
      rows: rowSlots.length,
      cols: colSlots.length,
      capacity: Int32Array.from(colSlots, (o) =>
        Math.max(0, (offers.places.data[o] as number) - (opts.placesTaken?.get(offers.ids[o] as string) ?? 0)),
      ),
      rowStart,
      edgeCol: cols.subarray(0, edges),
      edgeScore: scores.subarray(0, edges),
    };
    return { graph, rowSlots, colSlots };
  }

  /**
   * Preferences from scores: each row ranks its columns best score first (ties: lower column), each
   * column prefers the higher score. Sorted as numbers (score units and column packed in one key), not
   * as objects: a region run has millions of edges.
   */
  function preferencesFromScores(graph: BipartiteGraph): Preferences {
    const n = graph.edgeCol.length;
    const prefCol = new Int32Array(n);
    const prefPriority = new Float64Array(n);
    const keys = new Float64Array(n);
    const span = 2 ** 21; // more columns than a run can have
    for (let e = 0; e < n; e++) {
      keys[e] = (SCORE_UNITS - Math.round((graph.edgeScore[e] as number) * SCORE_UNITS)) * span + (graph.edgeCol[e] as number);
    }
    for (let r = 0; r < graph.rows; r++) {
      const from = graph.rowStart[r] as number;
      const to = graph.rowStart[r + 1] as number;
      const row = keys.subarray(from, to).sort();
      for (let x = 0; x < row.length; x++) {
        const key = row[x] as number;
        const j = key % span;
        prefCol[from + x] = j;
        prefPriority[from + x] = (SCORE_UNITS - (key - j) / span) / SCORE_UNITS;
      }
    }
    return { rows: graph.rows, cols: graph.cols, capacity: graph.capacity, prefStart: graph.rowStart, prefCol, prefPriority };
  }

  function preferencesFrom(graph: BipartiteGraph, rowSlots: number[], colSlots: number[], opts: AssignOptions): Preferences {
    if (!opts.rankings) return preferencesFromScores(graph);
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
