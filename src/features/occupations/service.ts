import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../../db/types.js";
import type { Ctx } from "../../lib/context.js";
import { dataDir } from "../../lib/data-dir.js";
import { fail } from "../../lib/errors.js";
import { catalogueChecksum, findOccupation, searchOccupations, upsertCatalogue } from "./repository.js";
import {
  type CatalogueEntry,
  type FormerName,
  type Occupation,
  type OccupationPage,
  type OccupationQuery,
  occupationCatalogueFileSchema,
  pageSizeOf,
} from "./schema.js";

export const occupationsFile = path.join(dataDir, "occupations.json");

export function readOccupationCatalogue(file = occupationsFile): { occupations: CatalogueEntry[]; checksum: string } {
  const text = readFileSync(file, "utf8");
  const parsed = occupationCatalogueFileSchema.parse(JSON.parse(text));
  const ids = new Set<string>();
  for (const o of parsed.occupations) {
    if (ids.has(o.id)) throw new Error(`${file}: Kennung ${o.id} doppelt`);
    ids.add(o.id);
  }
  return { occupations: parsed.occupations, checksum: createHash("sha256").update(text).digest("hex") };
}

/**
 * Loads data/occupations.json into the database when the file changed since the last load: upsert
 * by stable id, retire (never delete) what left the catalogue. Runs at start, without a request.
 */
export async function syncOccupationCatalogue(
  db: Kysely<Database>,
  file = occupationsFile,
  options: { now?: Date } = {},
): Promise<boolean> {
  const { occupations, checksum } = readOccupationCatalogue(file);
  if ((await catalogueChecksum(db, "occupations")) === checksum) return false;
  await upsertCatalogue(db, occupations, checksum, options.now ?? new Date());
  return true;
}

/** Search among the current occupations (retired ones are not offered for new records). */
export async function listOccupations(ctx: Ctx, query: OccupationQuery): Promise<OccupationPage> {
  const pageSize = pageSizeOf(query);
  const { items, total } = await searchOccupations(ctx.db, { q: query.q, chamber: query.chamber, page: query.page, pageSize });
  return { items, total, page: query.page, pageSize };
}

/** One occupation by id, retired ones included. */
export async function getOccupation(ctx: Ctx, id: string): Promise<Occupation> {
  const found = await findOccupation(ctx.db, id);
  if (!found) throw fail.notFound("Der Ausbildungsberuf");
  return found;
}

/**
 * The name an occupation had on a day (ISO date, e.g. a training start): a former name whose period
 * covers the day, otherwise the current name. Kanalbauer/-in until 2026-07-31, from 2026-08-01
 * Kanalbauer/-in für Infrastrukturtechnik.
 */
export function occupationNameOn(occupation: { name: string; formerNames?: FormerName[] }, date: string): string {
  const day = date.slice(0, 10);
  const former = (occupation.formerNames ?? []).find((f) => day <= f.validUntil && (!f.validFrom || f.validFrom <= day));
  return former?.name ?? occupation.name;
}

/** Whether a training in this occupation can start on the day (ISO date): within validFrom … validUntil. */
export function occupationOpenOn(occupation: { validFrom?: string | null; validUntil?: string | null }, date: string): boolean {
  const day = date.slice(0, 10);
  return (!occupation.validFrom || occupation.validFrom <= day) && (!occupation.validUntil || day <= occupation.validUntil);
}
