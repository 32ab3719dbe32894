import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { type Kysely, sql } from "kysely";
import { kyselyOverPglite, kyselyOverPostgres } from "../../src/db/connection.js";
import { pgliteExtensions } from "../../src/db/pglite-store.js";
import type { Database } from "../../src/db/types.js";
import { pgliteTemplatePath, postgresTemplateName } from "./template-db.js";

export type TestDatabase = { db: Kysely<Database>; kind: "pglite" | "postgres"; close: () => Promise<void> };

/** A fresh, migrated database for one test file: PGlite by default, PostgreSQL when DATABASE_URL is set. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `lotse_test_${randomBytes(6).toString("hex")}`;
    const admin = kyselyOverPostgres(url, 1);
    await sql.raw(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName}`).execute(admin);
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    const db = kyselyOverPostgres(testUrl.toString(), 4);
    return {
      db,
      kind: "postgres",
      close: async () => {
        await db.destroy();
        await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin);
        await admin.destroy();
      },
    };
  }
  const pg = await PGlite.create({ loadDataDir: new Blob([readFileSync(pgliteTemplatePath())]), extensions: pgliteExtensions });
  const db = kyselyOverPglite(pg);
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.destroy();
      if (!pg.closed) await pg.close();
    },
  };
}
