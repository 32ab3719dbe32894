type TypedArray = Float64Array | Int32Array | Int16Array | Uint8Array | Int8Array;
type TypedArrayCtor<T extends TypedArray> = { new (n: number): T };

/** A column that grows by doubling: the snapshot stays columnar while update() appends. */
export class Column<T extends TypedArray> {
  data: T;
  constructor(
    private readonly ctor: TypedArrayCtor<T>,
    capacity: number,
    /** Slots per record (the ranked wishes of a candidate take several). */
    readonly perRecord = 1,
  ) {
    this.data = new ctor(Math.max(16, capacity) * perRecord);
  }
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let size = this.data.length;
    while (size < n) size *= 2;
    const next = new this.ctor(size);
    next.set(this.data as ArrayLike<number>);
    this.data = next;
  }
}
