import type { BipartiteGraph } from "./assignment-types.js";
import { MinHeap } from "./heap.js";

/**
 * The flow behind sparse assignment. Rows have a supply (units to place), columns a capacity; a
 * unit goes along an edge (cost base − score) or to its row's "unplaced" edge (cost base). Minimum
 * cost = maximum total score. Successive shortest augmenting paths, one unit at a time, Dijkstra
 * with node potentials, stopping at the sink; relaxations that cannot beat the sink's current
 * distance are pruned; only settled nodes get new potentials.
 */
export type FlowResult = { edgeUsed: Uint8Array; unplaced: Int32Array; potentials: Float64Array; base: number };

export function maxScore(g: BipartiteGraph): number {
  let base = 1;
  for (let e = 0; e < g.edgeScore.length; e++) if ((g.edgeScore[e] as number) > base) base = g.edgeScore[e] as number;
  return base;
}

export function solveFlow(g: BipartiteGraph, supply: Int32Array): FlowResult {
  const R = g.rows;
  const M = g.cols;
  const sink = R + M;
  const N = R + M + 1;
  const INF = Number.POSITIVE_INFINITY;
  const base = maxScore(g);
  const { rowStart, edgeCol, edgeScore, capacity } = g;

  const pot = new Float64Array(N);
  const dist = new Float64Array(N).fill(INF);
  const settled = new Int32Array(N).fill(-1);
  const pred = new Int32Array(N);
  const predEdge = new Int32Array(N);
  const touched = new Int32Array(N);
  const settledList = new Int32Array(N);
  const path = new Int32Array(2 * N + 2);
  const heap = new MinHeap(1024);

  const edgeUsed = new Uint8Array(edgeCol.length);
  const unplaced = new Int32Array(R);
  const colStart = new Int32Array(M + 1);
  for (let j = 0; j < M; j++) colStart[j + 1] = (colStart[j] as number) + Math.max(0, capacity[j] as number);
  const colUsed = new Int32Array(M);
  // The units each column holds: slot → edge and slot → row (capacities are small, so a removal
  // scans the column's few slots instead of keeping an index per edge).
  const colEdge = new Int32Array(colStart[M] as number);
  const colRow = new Int32Array(colStart[M] as number);

  const addToCol = (e: number, r: number) => {
    const j = edgeCol[e] as number;
    const at = (colStart[j] as number) + (colUsed[j] as number);
    colEdge[at] = e;
    colRow[at] = r;
    colUsed[j] = (colUsed[j] as number) + 1;
    edgeUsed[e] = 1;
  };
  const removeFromCol = (e: number) => {
    const j = edgeCol[e] as number;
    const first = colStart[j] as number;
    const last = first + (colUsed[j] as number) - 1;
    let at = first;
    while (colEdge[at] !== e) at++;
    colEdge[at] = colEdge[last] as number;
    colRow[at] = colRow[last] as number;
    colUsed[j] = (colUsed[j] as number) - 1;
    edgeUsed[e] = 0;
  };

  // Rows with the best options go first, while columns have room and searches are short; weak rows
  // come last, when their own "unplaced" edge bounds the search early.
  const order = new Int32Array(R);
  const bestOf = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    order[r] = r;
    let b = 0;
    for (let e = rowStart[r] as number; e < (rowStart[r + 1] as number); e++) if ((edgeScore[e] as number) > b) b = edgeScore[e] as number;
    bestOf[r] = b;
  }
  order.sort((a, b) => (bestOf[b] as number) - (bestOf[a] as number) || a - b);

  let search = 0;
  for (let step = 0; step < R; step++) {
    const i = order[step] as number;
    for (let unit = 0; unit < (supply[i] as number); unit++, search++) {
      // Fast path: the cheapest unused edge leads to a column with room whose potential equals the
      // sink's and beats the unplaced edge: that one-hop path is a shortest one.
      const pi = pot[i] as number;
      let bestRc = INF;
      let bestE = -1;
      for (let e = rowStart[i] as number, end = rowStart[i + 1] as number; e < end; e++) {
        if (edgeUsed[e]) continue;
        const rc = base - (edgeScore[e] as number) + pi - (pot[R + (edgeCol[e] as number)] as number);
        if (rc < bestRc) {
          bestRc = rc;
          bestE = e;
        }
      }
      if (bestE >= 0) {
        const j = edgeCol[bestE] as number;
        if ((colUsed[j] as number) < (capacity[j] as number) && pot[R + j] === pot[sink] && bestRc < base + pi - (pot[sink] as number)) {
          pot[i] = pi - Math.max(0, bestRc);
          addToCol(bestE, i);
          continue;
        }
      }

      let nTouched = 0;
      let nSettled = 0;
      heap.clear();
      dist[i] = 0;
      touched[nTouched++] = i;
      pred[i] = -1;
      heap.push(0, i);
      let D = INF;
      while (heap.size > 0) {
        const d = heap.keys[0] as number;
        const u = heap.values[0] as number;
        heap.pop();
        if (settled[u] === search || d > (dist[u] as number)) continue;
        settled[u] = search;
        settledList[nSettled++] = u;
        if (u === sink) {
          D = d;
          break;
        }
        const pu = pot[u] as number;
        if (u < R) {
          let rcDummy = base + pu - (pot[sink] as number);
          if (rcDummy < 0) rcDummy = 0;
          if (d + rcDummy < (dist[sink] as number)) {
            if (dist[sink] === INF) touched[nTouched++] = sink;
            dist[sink] = d + rcDummy;
            pred[sink] = u;
            predEdge[sink] = -1;
            heap.push(d + rcDummy, sink);
          }
          for (let e = rowStart[u] as number, end = rowStart[u + 1] as number; e < end; e++) {
            if (edgeUsed[e]) continue;
            const v = R + (edgeCol[e] as number);
            if (settled[v] === search) continue;
            let rc = base - (edgeScore[e] as number) + pu - (pot[v] as number);
            if (rc < 0) rc = 0;
            const nd = d + rc;
            if (nd < (dist[v] as number) && nd < (dist[sink] as number)) {
              if (dist[v] === INF) touched[nTouched++] = v;
              dist[v] = nd;
              pred[v] = u;
              predEdge[v] = e;
              heap.push(nd, v);
              // A column with room reaches the sink at once: tighten the bound now, not when the
              // column is settled, so later relaxations are pruned sooner.
              const c = edgeCol[e] as number;
              if ((colUsed[c] as number) < (capacity[c] as number)) {
                let toSink = (pot[v] as number) - (pot[sink] as number);
                if (toSink < 0) toSink = 0;
                if (nd + toSink < (dist[sink] as number)) {
                  if (dist[sink] === INF) touched[nTouched++] = sink;
                  dist[sink] = nd + toSink;
                  pred[sink] = v;
                  predEdge[sink] = -1;
                  heap.push(nd + toSink, sink);
                }
              }
            }
          }
        } else {
          const j = u - R;
          if ((colUsed[j] as number) < (capacity[j] as number)) {
            let rc = pu - (pot[sink] as number);
            if (rc < 0) rc = 0;
            if (d + rc < (dist[sink] as number)) {
              if (dist[sink] === INF) touched[nTouched++] = sink;
              dist[sink] = d + rc;
              pred[sink] = u;
              predEdge[sink] = -1;
              heap.push(d + rc, sink);
            }
          }
          for (let s = colStart[j] as number, end = s + (colUsed[j] as number); s < end; s++) {
            const e = colEdge[s] as number;
            const r = colRow[s] as number;
            if (settled[r] === search) continue;
            let rc = -(base - (edgeScore[e] as number)) + pu - (pot[r] as number);
            if (rc < 0) rc = 0;
            const nd = d + rc;
            if (nd < (dist[r] as number) && nd < (dist[sink] as number)) {
              if (dist[r] === INF) touched[nTouched++] = r;
              dist[r] = nd;
              pred[r] = u;
              predEdge[r] = e;
              heap.push(nd, r);
            }
          }
        }
      }
      for (let s = 0; s < nSettled; s++) {
        const v = settledList[s] as number;
        pot[v] = (pot[v] as number) + (dist[v] as number) - D;
      }
      // Apply the path: released edges first, then the taken ones.
      let len = 0;
      for (let v = sink; v !== -1; v = pred[v] as number) path[len++] = v;
      for (let p = len - 2; p >= 1; p--) {
        const v = path[p - 1] as number;
        if (v < R && (path[p] as number) >= R) removeFromCol(predEdge[v] as number);
      }
      for (let p = len - 1; p >= 1; p--) {
        const u = path[p] as number;
        const v = path[p - 1] as number;
        if (u < R) {
          if (v === sink) unplaced[u] = (unplaced[u] as number) + 1;
          else addToCol(predEdge[v] as number, u);
        }
      }
      for (let t = 0; t < nTouched; t++) dist[touched[t] as number] = INF;
    }
  }
  return { edgeUsed, unplaced, potentials: pot, base };
}

/**
 * The dual certificate: with the potentials, every residual edge has a non-negative reduced cost,
 * so no improving exchange exists (LP duality). Returns the most negative reduced cost found.
 */
export function certifyFlow(g: BipartiteGraph, supply: Int32Array, f: FlowResult): number {
  const R = g.rows;
  const sink = R + g.cols;
  const pot = f.potentials;
  const base = f.base;
  const used = new Int32Array(g.cols);
  let worst = 0;
  const check = (rc: number) => {
    if (rc < worst) worst = rc;
  };
  for (let r = 0; r < R; r++) {
    const pr = pot[r] as number;
    let placed = 0;
    for (let e = g.rowStart[r] as number; e < (g.rowStart[r + 1] as number); e++) {
      const j = g.edgeCol[e] as number;
      const c = base - (g.edgeScore[e] as number);
      if (f.edgeUsed[e]) {
        placed++;
        used[j] = (used[j] as number) + 1;
        check(-c + (pot[R + j] as number) - pr);
      } else check(c + pr - (pot[R + j] as number));
    }
    if (placed + (f.unplaced[r] as number) !== (supply[r] as number)) return Number.NEGATIVE_INFINITY;
    if ((f.unplaced[r] as number) < (supply[r] as number)) check(base + pr - (pot[sink] as number));
    if ((f.unplaced[r] as number) > 0) check(-base + (pot[sink] as number) - pr);
  }
  for (let j = 0; j < g.cols; j++) {
    if ((used[j] as number) > (g.capacity[j] as number)) return Number.NEGATIVE_INFINITY;
    if ((used[j] as number) < (g.capacity[j] as number)) check((pot[R + j] as number) - (pot[sink] as number));
    if ((used[j] as number) > 0) check((pot[sink] as number) - (pot[R + j] as number));
  }
  return worst;
}
