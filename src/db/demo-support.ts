import { type Kysely, sql } from "kysely";
import type { Database } from "./types.js";

/** The seeded generator of the demo data (mulberry32): the same seed gives the same region and people. */
export class Rand {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  weighted<T>(pairs: readonly (readonly [T, number, ...unknown[]])[]): T {
    let r = this.next() * pairs.reduce((s, p) => s + p[1], 0);
    for (const p of pairs) {
      r -= p[1];
      if (r < 0) return p[0];
    }
    return (pairs[pairs.length - 1] as readonly [T, number])[0];
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = "4";
    hex[16] = ((Number.parseInt(hex[16] as string, 16) & 3) | 8).toString(16);
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
    return xs;
  }
}

/** `total` items spread over weights exactly (systematic sampling). */
export function allocate(weights: number[], total: number, rng: Rand): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map(() => 0);
  if (sum <= 0 || total <= 0) return counts;
  const step = sum / total;
  let next = rng.next() * step;
  let acc = 0;
  let given = 0;
  weights.forEach((w, i) => {
    acc += w;
    for (; next < acc && given < total; next += step, given++) counts[i] = (counts[i] ?? 0) + 1;
  });
  return counts;
}

/**
 * Rows as one array per column, `insert … select … from unnest(…)`: a few statements for any number
 * of rows. `computed` columns are SQL over the unnested ones (`_helpers` are unnested, not stored).
 */
export async function insertColumns(
  db: Kysely<Database>,
  pgTypes: Record<string, string>,
  table: keyof Database,
  rows: object[],
  computed: Record<string, string> = {},
) {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first).filter((k) => !(k in computed));
  const stored = keys.filter((k) => !k.startsWith("_"));
  const targets = sql.raw([...stored, ...Object.keys(computed)].map((k) => `"${k}"`).join(", "));
  const values = sql.raw([...stored.map((k) => `t."${k}"`), ...Object.values(computed)].join(", "));
  const names = sql.raw(keys.map((k) => `"${k}"`).join(", "));
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000) as Record<string, unknown>[];
    const arrays = keys.map((k) => sql`${chunk.map((r) => r[k] ?? null)}::${sql.raw(pgTypes[k] ?? "text")}[]`);
    await sql`insert into ${sql.table(table)} (${targets}) select ${values} from unnest(${sql.join(arrays)}) as t(${names})`.execute(db);
  }
}
