/**
 * A uniform lat/lon grid of about 10 × 10 km cells: radius queries and, unlike a static k-d tree,
 * insert and remove in O(1), so update() needs no rebuild.
 */
const latStep = 0.1;
const lonStep = 0.15;
const key = (row: number, col: number) => row * 10_000 + col;

export class GridIndex {
  private cells = new Map<number, number[]>();
  private cellOf = new Int32Array(16);
  private posOf = new Int32Array(16);

  private grow(n: number) {
    if (n <= this.cellOf.length) return;
    let size = this.cellOf.length;
    while (size < n) size *= 2;
    const c = new Int32Array(size);
    c.set(this.cellOf);
    const p = new Int32Array(size);
    p.set(this.posOf);
    this.cellOf = c;
    this.posOf = p;
  }

  insert(item: number, lat: number, lon: number): void {
    this.grow(item + 1);
    const k = key(Math.floor((lat + 90) / latStep), Math.floor((lon + 180) / lonStep));
    let list = this.cells.get(k);
    if (!list) {
      list = [];
      this.cells.set(k, list);
    }
    this.cellOf[item] = k;
    this.posOf[item] = list.length;
    list.push(item);
  }

  remove(item: number): void {
    const list = this.cells.get(this.cellOf[item] as number);
    if (!list) return;
    const pos = this.posOf[item] as number;
    const last = list.pop() as number;
    if (last !== item) {
      list[pos] = last;
      this.posOf[last] = pos;
    }
  }

  /** The item lists of the cells that overlap the circle's bounding box (no copy: do not change them). */
  cellsNear(lat: number, lon: number, radiusKm: number): number[][] {
    const dLat = radiusKm / 110.574;
    const dLon = radiusKm / (111.32 * Math.max(0.05, Math.cos((Math.abs(lat) + dLat) * (Math.PI / 180))));
    const r0 = Math.floor((lat - dLat + 90) / latStep);
    const r1 = Math.floor((lat + dLat + 90) / latStep);
    const c0 = Math.floor((lon - dLon + 180) / lonStep);
    const c1 = Math.floor((lon + dLon + 180) / lonStep);
    const out: number[][] = [];
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const list = this.cells.get(key(r, c));
        if (list?.length) out.push(list);
      }
    }
    return out;
  }
}
