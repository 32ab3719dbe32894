import type { BipartiteGraph } from "../src/engine/index.js";
import { seededRandom } from "../src/engine/index.js";

/** Dense instance: every row has an edge to every column, uniform random scores, one place each. */
export function denseGraph(n: number, seed: number): BipartiteGraph {
  const random = seededRandom(seed);
  const rowStart = new Int32Array(n + 1);
  const edgeCol = new Int32Array(n * n);
  const edgeScore = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    rowStart[r + 1] = (r + 1) * n;
    for (let j = 0; j < n; j++) {
      edgeCol[r * n + j] = j;
      edgeScore[r * n + j] = random();
    }
  }
  return { rows: n, cols: n, capacity: new Int32Array(n).fill(1), rowStart, edgeCol, edgeScore };
}

/**
 * Sparse instance with capacities: `degree` distinct random columns per row, uniform scores,
 * places uniform in minPlaces..maxPlaces (or fixed total when `totalPlaces` is given).
 */
export function sparseGraph(
  rows: number,
  cols: number,
  degree: number,
  seed: number,
  places: { min: number; max: number; total?: number } = { min: 1, max: 5 },
): BipartiteGraph {
  const random = seededRandom(seed);
  const capacity = new Int32Array(cols);
  if (places.total !== undefined) {
    capacity.fill(places.min);
    for (let left = places.total - places.min * cols; left > 0; ) {
      const j = Math.floor(random() * cols);
      if ((capacity[j] as number) < places.max) {
        capacity[j] = (capacity[j] as number) + 1;
        left--;
      }
    }
  } else {
    for (let j = 0; j < cols; j++) capacity[j] = places.min + Math.floor(random() * (places.max - places.min + 1));
  }
  const rowStart = new Int32Array(rows + 1);
  const edgeCol = new Int32Array(rows * degree);
  const edgeScore = new Float64Array(rows * degree);
  const mark = new Int32Array(cols).fill(-1);
  for (let r = 0; r < rows; r++) {
    rowStart[r + 1] = (r + 1) * degree;
    for (let k = 0; k < degree; k++) {
      let j: number;
      do j = Math.floor(random() * cols);
      while (mark[j] === r);
      mark[j] = r;
      edgeCol[r * degree + k] = j;
      edgeScore[r * degree + k] = random();
    }
  }
  return { rows, cols, capacity, rowStart, edgeCol, edgeScore };
}

/** Preference lists for stable matching: `degree` random columns per row, ranked by a random score. */
export function randomPreferences(rows: number, cols: number, degree: number, seed: number) {
  const g = sparseGraph(rows, cols, degree, seed, { min: 1, max: 9 });
  const prefCol = new Int32Array(g.edgeCol.length);
  const prefPriority = new Float64Array(g.edgeCol.length);
  const order = new Int32Array(degree);
  for (let r = 0; r < rows; r++) {
    const s = r * degree;
    for (let k = 0; k < degree; k++) order[k] = k;
    order.sort((a, b) => (g.edgeScore[s + b] as number) - (g.edgeScore[s + a] as number));
    for (let k = 0; k < degree; k++) {
      prefCol[s + k] = g.edgeCol[s + (order[k] as number)] as number;
      prefPriority[s + k] = g.edgeScore[s + (order[k] as number)] as number;
    }
  }
  return { rows, cols, capacity: g.capacity, prefStart: g.rowStart, prefCol, prefPriority };
}
