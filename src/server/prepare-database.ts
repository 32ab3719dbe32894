import type { Kysely } from "kysely";
import { seedDemoData } from "../db/factories.js";
import type { Database } from "../db/types.js";
import { syncOccupationCatalogue } from "../features/occupations/service.js";

/** What a database needs besides its migrations: reference data, and demo data when asked for. */
export async function prepareNewDatabase(db: Kysely<Database>, demo: boolean): Promise<void> {
  await syncOccupationCatalogue(db);
  if (demo) await seedDemoData(db);
}
