import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../../db/types.js";
import { dataDir } from "../../lib/data-dir.js";
import { problems } from "../../lib/http/problem.js";
import { catalogueChecksum, findOccupation, replaceCatalogue, searchOccupations } from "./repository.js";
import { type Occupation, type OccupationQuery, occupationCatalogueFileSchema } from "./schema.js";

export const occupationsFile = path.join(dataDir, "occupations.json");

export function readOccupationCatalogue(file = occupationsFile): { occupations: Occupation[]; checksum: string } {
  const text = readFileSync(file, "utf8");
  const parsed = occupationCatalogueFileSchema.parse(JSON.parse(text));
  return { occupations: parsed.occupations, checksum: createHash("sha256").update(text).digest("hex") };
}

/** Loads data/occupations.json into the database when the file changed since the last load. */
export async function syncOccupationCatalogue(db: Kysely<Database>, file = occupationsFile): Promise<boolean> {
  const { occupations, checksum } = readOccupationCatalogue(file);
  if ((await catalogueChecksum(db, "occupations")) === checksum) return false;
  await replaceCatalogue(db, occupations, checksum);
  return true;
}

export function listOccupations(db: Kysely<Database>, query: OccupationQuery): Promise<Occupation[]> {
  return searchOccupations(db, query);
}

export async function getOccupation(db: Kysely<Database>, id: string): Promise<Occupation> {
  const found = await findOccupation(db, id);
  if (!found) throw problems.notFound("Der Ausbildungsberuf");
  return found;
}
