/**
 * Preferences in compressed rows: row r ranks the columns prefCol[prefStart[r] .. prefStart[r+1]-1],
 * best first; prefPriority[e] is how much column prefCol[e] wants row r (higher is better).
 * Ties in priority are broken by a seeded lottery number per row (single tie-breaking).
 */
export type Preferences = {
  rows: number;
  cols: number;
  capacity: Int32Array;
  prefStart: Int32Array;
  prefCol: Int32Array;
  prefPriority: Float64Array;
};

export type StableSolution = { colOfRow: Int32Array; edgeOfRow: Int32Array };

/** Deterministic 32-bit generator (mulberry32) for the lottery. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function lottery(rows: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = random();
  return out;
}

/**
 * Candidate-proposing deferred acceptance with capacities (Gale–Shapley): the result is stable
 * and the best stable outcome for every candidate. Each column keeps its held rows in a min-heap
 * ordered by (priority, lottery), so a rejection costs O(log capacity).
 */
export function deferredAcceptance(p: Preferences, lot: Float64Array): StableSolution {
  const { rows, cols, capacity, prefStart, prefCol, prefPriority } = p;
  const colStart = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) colStart[j + 1] = (colStart[j] as number) + Math.max(0, capacity[j] as number);
  const heldRow = new Int32Array(colStart[cols] as number);
  const heldPri = new Float64Array(colStart[cols] as number);
  const heldLot = new Float64Array(colStart[cols] as number);
  const heldEdge = new Int32Array(colStart[cols] as number);
  const heldCount = new Int32Array(cols);
  const next = new Int32Array(rows);
  const stack = new Int32Array(rows);
  let top = 0;
  for (let r = rows - 1; r >= 0; r--) stack[top++] = r;

  const less = (a: number, b: number) =>
    (heldPri[a] as number) < (heldPri[b] as number) ||
    ((heldPri[a] as number) === (heldPri[b] as number) && (heldLot[a] as number) < (heldLot[b] as number));
  const swap = (a: number, b: number) => {
    const r = heldRow[a] as number;
    heldRow[a] = heldRow[b] as number;
    heldRow[b] = r;
    const pr = heldPri[a] as number;
    heldPri[a] = heldPri[b] as number;
    heldPri[b] = pr;
    const l = heldLot[a] as number;
    heldLot[a] = heldLot[b] as number;
    heldLot[b] = l;
    const e = heldEdge[a] as number;
    heldEdge[a] = heldEdge[b] as number;
    heldEdge[b] = e;
  };

  while (top > 0) {
    const r = stack[--top] as number;
    const e = (prefStart[r] as number) + (next[r] as number);
    if (e >= (prefStart[r + 1] as number)) continue; // list exhausted: stays unmatched
    next[r] = (next[r] as number) + 1;
    const j = prefCol[e] as number;
    const cap = capacity[j] as number;
    if (cap <= 0) {
      stack[top++] = r;
      continue;
    }
    const base = colStart[j] as number;
    const pri = prefPriority[e] as number;
    const lo = lot[r] as number;
    const n = heldCount[j] as number;
    if (n < cap) {
      let i = base + n;
      heldRow[i] = r;
      heldPri[i] = pri;
      heldLot[i] = lo;
      heldEdge[i] = e;
      heldCount[j] = n + 1;
      while (i > base) {
        const parent = base + ((i - base - 1) >> 1);
        if (!less(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
      continue;
    }
    // Full: the weakest held row (the root) is replaced when the newcomer is preferred.
    const wp = heldPri[base] as number;
    if (pri > wp || (pri === wp && lo > (heldLot[base] as number))) {
      stack[top++] = heldRow[base] as number;
      heldRow[base] = r;
      heldPri[base] = pri;
      heldLot[base] = lo;
      heldEdge[base] = e;
      let i = base;
      for (;;) {
        let c = base + 2 * (i - base) + 1;
        if (c >= base + cap) break;
        if (c + 1 < base + cap && less(c + 1, c)) c++;
        if (!less(c, i)) break;
        swap(c, i);
        i = c;
      }
    } else {
      stack[top++] = r;
    }
  }

  const colOfRow = new Int32Array(rows).fill(-1);
  const edgeOfRow = new Int32Array(rows).fill(-1);
  for (let j = 0; j < cols; j++) {
    for (let i = colStart[j] as number, end = i + (heldCount[j] as number); i < end; i++) {
      colOfRow[heldRow[i] as number] = j;
      edgeOfRow[heldRow[i] as number] = heldEdge[i] as number;
    }
  }
  return { colOfRow, edgeOfRow };
}

/**
 * Counts blocking pairs: a row and a column it prefers to its match, where the column has room or
 * holds a row it wants less. Zero means stable.
 */
export function countBlockingPairs(p: Preferences, lot: Float64Array, s: StableSolution): number {
  const weakestPri = new Float64Array(p.cols).fill(Number.NEGATIVE_INFINITY);
  const weakestLot = new Float64Array(p.cols).fill(Number.NEGATIVE_INFINITY);
  const held = new Int32Array(p.cols);
  for (let r = 0; r < p.rows; r++) {
    const e = s.edgeOfRow[r] as number;
    if (e < 0) continue;
    const j = p.prefCol[e] as number;
    const pri = p.prefPriority[e] as number;
    const lo = lot[r] as number;
    if (held[j] === 0 || pri < (weakestPri[j] as number) || (pri === weakestPri[j] && lo < (weakestLot[j] as number))) {
      weakestPri[j] = pri;
      weakestLot[j] = lo;
    }
    held[j] = (held[j] as number) + 1;
  }
  let blocking = 0;
  for (let r = 0; r < p.rows; r++) {
    const end = (s.edgeOfRow[r] as number) >= 0 ? (s.edgeOfRow[r] as number) : (p.prefStart[r + 1] as number);
    for (let e = p.prefStart[r] as number; e < end; e++) {
      const j = p.prefCol[e] as number;
      if ((p.capacity[j] as number) <= 0) continue;
      const pri = p.prefPriority[e] as number;
      if ((held[j] as number) < (p.capacity[j] as number)) blocking++;
      else if (pri > (weakestPri[j] as number) || (pri === weakestPri[j] && (lot[r] as number) > (weakestLot[j] as number))) blocking++;
    }
  }
  return blocking;
}
