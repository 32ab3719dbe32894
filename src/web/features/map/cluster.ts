/** A point on the map in screen coordinates, with what it stands for. */
export type MapPoint<T> = { x: number; y: number; item: T };
export type Cluster<T> = { key: string; x: number; y: number; items: T[] };

/**
 * Grid clustering in screen space: points in the same `cell`×`cell` square become one marker at
 * their mean position. Simple, stable while the data stays, and enough for a region of seven districts.
 */
export function clusterPoints<T>(points: MapPoint<T>[], cell: number): Cluster<T>[] {
  const cells = new Map<string, { sx: number; sy: number; items: T[] }>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cell)}:${Math.floor(p.y / cell)}`;
    const c = cells.get(key) ?? { sx: 0, sy: 0, items: [] };
    c.sx += p.x;
    c.sy += p.y;
    c.items.push(p.item);
    cells.set(key, c);
  }
  return [...cells.entries()].map(([key, c]) => ({ key, x: c.sx / c.items.length, y: c.sy / c.items.length, items: c.items }));
}
