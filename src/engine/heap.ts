/** A binary min-heap of (key, value) pairs in typed arrays, with lazy deletion by the caller. */
export class MinHeap {
  keys: Float64Array;
  values: Int32Array;
  size = 0;
  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }
  clear() {
    this.size = 0;
  }
  push(key: number, value: number) {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.keys);
      const v = new Int32Array(this.size * 2);
      v.set(this.values);
      this.keys = k;
      this.values = v;
    }
    let i = this.size++;
    const keys = this.keys;
    const values = this.values;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent] as number;
      if (pk <= key) break;
      keys[i] = pk;
      values[i] = values[parent] as number;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }
  /** Removes the smallest; read it first from keys[0] / values[0]. */
  pop() {
    const keys = this.keys;
    const values = this.values;
    const n = --this.size;
    if (n <= 0) return;
    const key = keys[n] as number;
    const value = values[n] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && (keys[right] as number) < (keys[child] as number)) child = right;
      if ((keys[child] as number) >= key) break;
      keys[i] = keys[child] as number;
      values[i] = values[child] as number;
      i = child;
    }
    keys[i] = key;
    values[i] = value;
  }
}

/**
 * The k best (highest score) items seen, ties broken by a caller-given order (ids), so results
 * do not depend on the order items were stored in.
 */
export class TopK {
  readonly scores: Float64Array;
  readonly items: Int32Array;
  size = 0;
  constructor(
    readonly k: number,
    private readonly before: (a: number, b: number) => boolean,
  ) {
    this.scores = new Float64Array(Math.max(1, k));
    this.items = new Int32Array(Math.max(1, k));
  }
  /** True when (sa, a) ranks below (sb, b). */
  private worse(sa: number, a: number, sb: number, b: number) {
    return sa < sb || (sa === sb && this.before(b, a));
  }
  push(score: number, item: number) {
    if (this.k <= 0) return;
    const s = this.scores;
    const it = this.items;
    let i: number;
    if (this.size < this.k) {
      i = this.size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.worse(score, item, s[p] as number, it[p] as number)) break;
        s[i] = s[p] as number;
        it[i] = it[p] as number;
        i = p;
      }
      s[i] = score;
      it[i] = item;
      return;
    }
    // Full: replace the worst (the root) when the new one is better.
    if (!this.worse(s[0] as number, it[0] as number, score, item)) return;
    i = 0;
    const n = this.size;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.worse(s[c + 1] as number, it[c + 1] as number, s[c] as number, it[c] as number)) c++;
      if (!this.worse(s[c] as number, it[c] as number, score, item)) break;
      s[i] = s[c] as number;
      it[i] = it[c] as number;
      i = c;
    }
    s[i] = score;
    it[i] = item;
  }
  /** Best first. */
  sorted(): { score: number; item: number }[] {
    const out: { score: number; item: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ score: this.scores[i] as number, item: this.items[i] as number });
    return out.sort((a, b) => (b.score !== a.score ? b.score - a.score : this.before(a.item, b.item) ? -1 : 1));
  }
}
