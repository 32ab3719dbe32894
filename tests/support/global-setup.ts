import { randomUUID } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { type Kysely, sql } from "kysely";
import { kyselyOverPglite, kyselyOverPostgres } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { pgliteExtensions } from "../../src/db/pglite-store.js";
import { syncOccupationCatalogue } from "../../src/features/occupations/service.js";
import { pgliteTemplatePath, postgresTemplateName } from "./template-db.js";

/**
 * Migrates one template database per run; every test file then starts from a copy of it
 * (a PGlite data-directory dump, or CREATE DATABASE … TEMPLATE on PostgreSQL).
 */
export default async function setup() {
  process.env.LOTSE_TEST_RUN = randomUUID();
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = kyselyOverPostgres(url, 1);
    await sql.raw(`DROP DATABASE IF EXISTS ${postgresTemplateName} WITH (FORCE)`).execute(admin);
    await sql.raw(`CREATE DATABASE ${postgresTemplateName}`).execute(admin);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${postgresTemplateName}`;
    const db = kyselyOverPostgres(templateUrl.toString(), 1);
    await migrateToLatest(db as Kysely<unknown>);
    await syncOccupationCatalogue(db);
    await db.destroy();
    await admin.destroy();
    return async () => {
      const cleanup = kyselyOverPostgres(url, 1);
      await sql.raw(`DROP DATABASE IF EXISTS ${postgresTemplateName} WITH (FORCE)`).execute(cleanup);
      await cleanup.destroy();
    };
  }
  const pg = await PGlite.create({ extensions: pgliteExtensions });
  const db = kyselyOverPglite(pg);
  await migrateToLatest(db as Kysely<unknown>);
  await syncOccupationCatalogue(db);
  const dump = await pg.dumpDataDir("none");
  writeFileSync(pgliteTemplatePath(), Buffer.from(await dump.arrayBuffer()));
  await pg.close();
  return () => rmSync(pgliteTemplatePath(), { force: true });
}
