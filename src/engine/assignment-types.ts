/**
 * A bipartite graph in compressed rows: row r's edges are rowStart[r] .. rowStart[r+1]-1, each to a
 * column with a score. Columns have capacities; a row takes at most one column.
 */
export type BipartiteGraph = {
  rows: number;
  cols: number;
  capacity: Int32Array;
  rowStart: Int32Array;
  edgeCol: Int32Array;
  edgeScore: Float64Array;
};

export type AssignmentSolution = {
  colOfRow: Int32Array;
  edgeOfRow: Int32Array;
  total: number;
  /** Node potentials (rows, then columns, then the sink) of the sparse solver: its dual certificate. Empty from the dense solver. */
  potentials: Float64Array;
  /** The flow the sparse solver solved (from the rows' or the columns' side), for the certificate. */
  flow?: {
    transposed: boolean;
    result: { edgeUsed: Uint8Array; unplaced: Int32Array; potentials: Float64Array; base: number };
  };
};
