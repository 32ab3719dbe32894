import { solveDenseAssignment } from "./assignment-dense.js";
import type { AssignmentSolution, BipartiteGraph } from "./assignment-types.js";
import { MinHeap } from "./heap.js";

export type { AssignmentSolution, BipartiteGraph };

/**
 * Maximum-score assignment: dense graphs (most pairs feasible, small enough to hold as a matrix)
 * go to the Hungarian scan, sparse ones to shortest augmenting paths over the edges.
 */
export function solveAssignment(g: BipartiteGraph): AssignmentSolution {
  let places = 0;
  for (let j = 0; j < g.cols; j++) places += Math.max(0, g.capacity[j] as number);
  const dense = g.edgeCol.length >= 0.25 * g.rows * g.cols && g.rows * places <= 25_000_000;
  return dense ? solveDenseAssignment(g) : solveSparseAssignment(g);
}

const UNSET = -1;
const DUMMY = -2;

/**
 * Maximum-score assignment with capacities and "unassigned" allowed: successive shortest augmenting
 * paths with node potentials (Dijkstra), one row inserted at a time, working on the capacities
 * directly (no column copies). As a min-cost flow: row → column costs base − score, each row may
 * instead take its own "unassigned" edge at cost base, a column with room reaches the sink at 0.
 * Each search stops as soon as the sink is reached and only the nodes it settled get new potentials,
 * so the work follows the local structure of sparse graphs. Deterministic.
 */
export function solveSparseAssignment(g: BipartiteGraph): AssignmentSolution {
  const R = g.rows;
  const M = g.cols;
  const sink = R + M;
  const N = R + M + 1;
  let base = 1;
  for (let e = 0; e < g.edgeScore.length; e++) if ((g.edgeScore[e] as number) > base) base = g.edgeScore[e] as number;

  const pot = new Float64Array(N);
  const dist = new Float64Array(N).fill(Number.POSITIVE_INFINITY);
  const settled = new Int32Array(N).fill(-1);
  const pred = new Int32Array(N);
  const predEdge = new Int32Array(N);
  const touched = new Int32Array(N);
  const settledList = new Int32Array(N);

  const rowCol = new Int32Array(R).fill(UNSET);
  const rowEdge = new Int32Array(R).fill(-1);
  const rowCost = new Float64Array(R);
  const colStart = new Int32Array(M + 1);
  for (let j = 0; j < M; j++) colStart[j + 1] = (colStart[j] as number) + Math.max(0, g.capacity[j] as number);
  const colUsed = new Int32Array(M);
  const colRows = new Int32Array(colStart[M] as number);
  const posInCol = new Int32Array(R);

  const heap = new MinHeap(1024);
  const path = new Int32Array(2 * N + 2);
  const { rowStart, edgeCol, edgeScore, capacity } = g;

  // Rows with the best options go first, while places are free and their searches short; rows whose
  // options are weak come last, when their own "unassigned" edge bounds the search early.
  const order = new Int32Array(R);
  const bestOf = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    order[r] = r;
    let b = 0;
    for (let e = rowStart[r] as number; e < (rowStart[r + 1] as number); e++) if ((edgeScore[e] as number) > b) b = edgeScore[e] as number;
    bestOf[r] = b;
  }
  order.sort((a, b) => (bestOf[b] as number) - (bestOf[a] as number) || a - b);

  for (let step = 0; step < R; step++) {
    const i = order[step] as number;
    // Fast path: the row's cheapest edge leads to a column with room whose potential equals the
    // sink's, and beats the row's "unassigned" edge: that one-hop path is the shortest one.
    {
      let bestRc = Number.POSITIVE_INFINITY;
      let bestE = -1;
      const pi = pot[i] as number;
      for (let e = rowStart[i] as number, end = rowStart[i + 1] as number; e < end; e++) {
        const rc = base - (edgeScore[e] as number) + pi - (pot[R + (edgeCol[e] as number)] as number);
        if (rc < bestRc) {
          bestRc = rc;
          bestE = e;
        }
      }
      if (bestE >= 0) {
        const j = edgeCol[bestE] as number;
        if ((colUsed[j] as number) < (capacity[j] as number) && pot[R + j] === pot[sink] && bestRc < base + pi - (pot[sink] as number)) {
          pot[i] = pi - (bestRc < 0 ? 0 : bestRc);
          rowCol[i] = j;
          rowEdge[i] = bestE;
          rowCost[i] = base - (edgeScore[bestE] as number);
          const at = (colStart[j] as number) + (colUsed[j] as number);
          colRows[at] = i;
          posInCol[i] = at;
          colUsed[j] = (colUsed[j] as number) + 1;
          continue;
        }
      }
    }
    let nTouched = 0;
    let nSettled = 0;
    heap.clear();
    dist[i] = 0;
    touched[nTouched++] = i;
    pred[i] = -1;
    heap.push(0, i);
    let D = Number.POSITIVE_INFINITY;
    while (heap.size > 0) {
      const d = heap.keys[0] as number;
      const u = heap.values[0] as number;
      heap.pop();
      if (settled[u] === step || d > (dist[u] as number)) continue;
      settled[u] = step;
      settledList[nSettled++] = u;
      if (u === sink) {
        D = d;
        break;
      }
      const pu = pot[u] as number;
      if (u < R) {
        // The row's own "unassigned" edge first: it bounds what the other edges must beat.
        let rcDummy = base + pu - (pot[sink] as number);
        if (rcDummy < 0) rcDummy = 0;
        if (d + rcDummy < (dist[sink] as number)) {
          if (dist[sink] === Number.POSITIVE_INFINITY) touched[nTouched++] = sink;
          dist[sink] = d + rcDummy;
          pred[sink] = u;
          predEdge[sink] = -1;
          heap.push(d + rcDummy, sink);
        }
        const own = rowCol[u] as number;
        for (let e = rowStart[u] as number, end = rowStart[u + 1] as number; e < end; e++) {
          const j = edgeCol[e] as number;
          if (j === own) continue;
          const v = R + j;
          if (settled[v] === step) continue;
          let rc = base - (edgeScore[e] as number) + pu - (pot[v] as number);
          if (rc < 0) rc = 0;
          const nd = d + rc;
          if (nd < (dist[v] as number) && nd < (dist[sink] as number)) {
            if (dist[v] === Number.POSITIVE_INFINITY) touched[nTouched++] = v;
            dist[v] = nd;
            pred[v] = u;
            predEdge[v] = e;
            heap.push(nd, v);
          }
        }
      } else {
        const j = u - R;
        if ((colUsed[j] as number) < (capacity[j] as number)) {
          let rc = pu - (pot[sink] as number);
          if (rc < 0) rc = 0;
          const nd = d + rc;
          if (nd < (dist[sink] as number)) {
            if (dist[sink] === Number.POSITIVE_INFINITY) touched[nTouched++] = sink;
            dist[sink] = nd;
            pred[sink] = u;
            predEdge[sink] = -1;
            heap.push(nd, sink);
          }
        }
        for (let s = colStart[j] as number, end = s + (colUsed[j] as number); s < end; s++) {
          const r = colRows[s] as number;
          if (settled[r] === step) continue;
          let rc = -(rowCost[r] as number) + pu - (pot[r] as number);
          if (rc < 0) rc = 0;
          const nd = d + rc;
          if (nd < (dist[r] as number) && nd < (dist[sink] as number)) {
            if (dist[r] === Number.POSITIVE_INFINITY) touched[nTouched++] = r;
            dist[r] = nd;
            pred[r] = u;
            heap.push(nd, r);
          }
        }
      }
    }

    // New potentials for the settled nodes only (the others shift by a constant that cancels).
    for (let s = 0; s < nSettled; s++) {
      const v = settledList[s] as number;
      pot[v] = (pot[v] as number) + (dist[v] as number) - D;
    }

    // Walk the path back from the sink and apply it.
    let len = 0;
    for (let v = sink; v !== -1; v = pred[v] as number) path[len++] = v;
    // path[len-1] = i … path[0] = sink
    for (let p = len - 1; p >= 1; p--) {
      const u = path[p] as number;
      const v = path[p - 1] as number;
      if (u >= R && v < R && u !== sink) {
        // Column u gives row v away.
        const j = u - R;
        const at = posInCol[v] as number;
        const last = (colStart[j] as number) + (colUsed[j] as number) - 1;
        const moved = colRows[last] as number;
        colRows[at] = moved;
        posInCol[moved] = at;
        colUsed[j] = (colUsed[j] as number) - 1;
      }
    }
    for (let p = len - 1; p >= 1; p--) {
      const u = path[p] as number;
      const v = path[p - 1] as number;
      if (u < R) {
        if (v === sink) {
          rowCol[u] = DUMMY;
          rowEdge[u] = -1;
          rowCost[u] = base;
        } else {
          const j = v - R;
          const e = predEdge[v] as number;
          rowCol[u] = j;
          rowEdge[u] = e;
          rowCost[u] = base - (edgeScore[e] as number);
          const at = (colStart[j] as number) + (colUsed[j] as number);
          colRows[at] = u;
          posInCol[u] = at;
          colUsed[j] = (colUsed[j] as number) + 1;
        }
      }
    }
    for (let t = 0; t < nTouched; t++) dist[touched[t] as number] = Number.POSITIVE_INFINITY;
  }

  let total = 0;
  const colOfRow = new Int32Array(R).fill(-1);
  for (let r = 0; r < R; r++) {
    if ((rowCol[r] as number) >= 0) {
      colOfRow[r] = rowCol[r] as number;
      total += edgeScore[rowEdge[r] as number] as number;
    }
  }
  return { colOfRow, edgeOfRow: rowEdge, total, potentials: pot };
}

/**
 * Checks the dual certificate: with the returned potentials, every edge of the residual graph has a
 * non-negative reduced cost, so no improving exchange exists (LP duality). Returns the most negative
 * reduced cost found; optimal when it is ≥ −tolerance. Needs no second solver.
 */
export function certifyOptimality(g: BipartiteGraph, s: AssignmentSolution): number {
  const R = g.rows;
  const sink = R + g.cols;
  const pot = s.potentials;
  if (pot.length !== R + g.cols + 1) return Number.NaN; // no certificate (dense solver)
  let base = 1;
  for (let e = 0; e < g.edgeScore.length; e++) if ((g.edgeScore[e] as number) > base) base = g.edgeScore[e] as number;
  const used = new Int32Array(g.cols);
  let worst = 0;
  const check = (rc: number) => {
    if (rc < worst) worst = rc;
  };
  for (let r = 0; r < R; r++) {
    const own = s.colOfRow[r] as number;
    const pr = pot[r] as number;
    for (let e = g.rowStart[r] as number; e < (g.rowStart[r + 1] as number); e++) {
      const j = g.edgeCol[e] as number;
      const c = base - (g.edgeScore[e] as number);
      if (j === own) check(-c + (pot[R + j] as number) - pr);
      else check(c + pr - (pot[R + j] as number));
    }
    if (own >= 0) {
      used[own] = (used[own] as number) + 1;
      check(base + pr - (pot[sink] as number));
    } else check(-base + (pot[sink] as number) - pr);
  }
  for (let j = 0; j < g.cols; j++) {
    if ((used[j] as number) > (g.capacity[j] as number)) return Number.NEGATIVE_INFINITY;
    if ((used[j] as number) < (g.capacity[j] as number)) check((pot[R + j] as number) - (pot[sink] as number));
    if ((used[j] as number) > 0) check((pot[sink] as number) - (pot[R + j] as number));
  }
  return worst;
}
