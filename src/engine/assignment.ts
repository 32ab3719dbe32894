import { solveDenseAssignment } from "./assignment-dense.js";
import { certifyFlow, type FlowResult, solveFlow } from "./assignment-sparse.js";
import type { AssignmentSolution, BipartiteGraph } from "./assignment-types.js";

export type { AssignmentSolution, BipartiteGraph };

/**
 * Maximum-score assignment: dense graphs (most pairs feasible, small enough to hold as a matrix)
 * go to the Hungarian scan, sparse ones to shortest augmenting paths over the edges.
 */
export function solveAssignment(g: BipartiteGraph): AssignmentSolution {
  const dense = g.edgeCol.length >= 0.25 * g.rows * g.cols && g.rows * totalPlaces(g) <= 25_000_000;
  return dense ? solveDenseAssignment(g) : solveSparseAssignment(g);
}

function totalPlaces(g: BipartiteGraph): number {
  let places = 0;
  for (let j = 0; j < g.cols; j++) places += Math.max(0, g.capacity[j] as number);
  return places;
}

/** The same graph seen from the columns: column j becomes a row with supply capacity[j]. */
function transpose(g: BipartiteGraph): { t: BipartiteGraph; edgeOf: Int32Array } {
  const rowStart = new Int32Array(g.cols + 1);
  for (let e = 0; e < g.edgeCol.length; e++)
    rowStart[(g.edgeCol[e] as number) + 1] = (rowStart[(g.edgeCol[e] as number) + 1] as number) + 1;
  for (let j = 0; j < g.cols; j++) rowStart[j + 1] = (rowStart[j + 1] as number) + (rowStart[j] as number);
  const fill = Int32Array.from(rowStart.subarray(0, g.cols));
  const edgeCol = new Int32Array(g.edgeCol.length);
  const edgeScore = new Float64Array(g.edgeCol.length);
  const edgeOf = new Int32Array(g.edgeCol.length);
  for (let r = 0; r < g.rows; r++) {
    for (let e = g.rowStart[r] as number; e < (g.rowStart[r + 1] as number); e++) {
      const j = g.edgeCol[e] as number;
      const at = fill[j] as number;
      fill[j] = at + 1;
      edgeCol[at] = r;
      edgeScore[at] = g.edgeScore[e] as number;
      edgeOf[at] = e;
    }
  }
  return { t: { rows: g.cols, cols: g.rows, capacity: new Int32Array(g.rows).fill(1), rowStart, edgeCol, edgeScore }, edgeOf };
}

/**
 * Sparse graphs: the side with fewer units is inserted one unit at a time, so the other side always
 * has free nodes to end a search at. With fewer places than candidates the offers' places are
 * inserted and candidates are the columns; otherwise the candidates.
 */
export function solveSparseAssignment(g: BipartiteGraph): AssignmentSolution {
  const transposed = totalPlaces(g) < g.rows;
  let flow: FlowResult;
  let edgeUsedInG: Uint8Array;
  if (transposed) {
    const { t, edgeOf } = transpose(g);
    flow = solveFlow(t, g.capacity);
    edgeUsedInG = new Uint8Array(g.edgeCol.length);
    for (let e = 0; e < t.edgeCol.length; e++) if (flow.edgeUsed[e]) edgeUsedInG[edgeOf[e] as number] = 1;
  } else {
    flow = solveFlow(g, new Int32Array(g.rows).fill(1));
    edgeUsedInG = flow.edgeUsed;
  }
  const colOfRow = new Int32Array(g.rows).fill(-1);
  const edgeOfRow = new Int32Array(g.rows).fill(-1);
  let total = 0;
  for (let r = 0; r < g.rows; r++) {
    for (let e = g.rowStart[r] as number; e < (g.rowStart[r + 1] as number); e++) {
      if (!edgeUsedInG[e]) continue;
      colOfRow[r] = g.edgeCol[e] as number;
      edgeOfRow[r] = e;
      total += g.edgeScore[e] as number;
    }
  }
  return { colOfRow, edgeOfRow, total, potentials: flow.potentials, flow: { transposed, result: flow } };
}

/**
 * Checks the sparse solver's dual certificate (see certifyFlow) on the network it solved. Returns
 * the most negative reduced cost (optimal when ≥ −tolerance), NaN for a solution without one.
 * A solution whose assignment was changed after solving fails the check.
 */
export function certifyOptimality(g: BipartiteGraph, s: AssignmentSolution): number {
  if (!s.flow) return Number.NaN;
  // The certificate speaks of the solved flow; the assignment handed in must be that flow.
  const edgeUsed = new Uint8Array(g.edgeCol.length);
  for (let r = 0; r < g.rows; r++) if ((s.edgeOfRow[r] as number) >= 0) edgeUsed[s.edgeOfRow[r] as number] = 1;
  if (s.flow.transposed) {
    const { t, edgeOf } = transpose(g);
    const used = new Uint8Array(t.edgeCol.length);
    const unplaced = Int32Array.from(g.capacity);
    for (let e = 0; e < t.edgeCol.length; e++) if (edgeUsed[edgeOf[e] as number]) used[e] = 1;
    for (let j = 0; j < t.rows; j++)
      for (let e = t.rowStart[j] as number; e < (t.rowStart[j + 1] as number); e++) if (used[e]) unplaced[j] = (unplaced[j] as number) - 1;
    return certifyFlow(t, g.capacity, { ...s.flow.result, edgeUsed: used, unplaced });
  }
  const unplaced = new Int32Array(g.rows);
  for (let r = 0; r < g.rows; r++) if ((s.edgeOfRow[r] as number) < 0) unplaced[r] = 1;
  return certifyFlow(g, new Int32Array(g.rows).fill(1), { ...s.flow.result, edgeUsed, unplaced });
}
