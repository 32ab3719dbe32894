import { readdirSync } from "node:fs";
import type { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Logger } from "pino";
import { migrateToLatest } from "./migrate.js";
import { PgliteDialect } from "./pglite-dialect.js";
import { acquireDataDirLock, openPgliteDataDir, removeAbandonedInitDirs } from "./pglite-store.js";
import type { Database } from "./types.js";

export type DatabaseKind = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** True when this start created the database (then demo data may be seeded). */
  created: boolean;
  close: () => Promise<void>;
};

// PostgreSQL returns bigint (int8) as text; counts and ids of ours fit a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
// Calendar dates stay "YYYY-MM-DD" text (a JS Date would put them at local midnight and shift them).
pg.types.setTypeParser(1082, (v) => v);

export function kyselyOverPglite(pglite: PGlite): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PgliteDialect(pglite) });
}

export function kyselyOverPostgres(connectionString: string, max = 10, log?: Logger): Kysely<Database> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection the server closes (restart, failover, a dropped database) must not crash the
  // process: the pool replaces it on the next query.
  pool.on("error", (error) => {
    log?.warn({ error: error.message }, "PostgreSQL-Verbindung im Leerlauf getrennt");
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the database the configuration names and brings it to the latest migration.
 * `prepareNew` runs once, on a database this call created, inside the same first-start step.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  log?: Logger;
  prepareNew?: (db: Kysely<Database>) => Promise<void>;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const db = kyselyOverPostgres(options.databaseUrl, 10, options.log);
    try {
      const tables = await db.introspection.getTables();
      const created = !tables.some((t) => t.name === "app_user");
      await migrateToLatest(db as Kysely<unknown>);
      if (created && options.prepareNew) await options.prepareNew(db);
      return { db, kind: "postgres", created, close: () => db.destroy() };
    } catch (e) {
      await db.destroy();
      throw e;
    }
  }

  const release = acquireDataDirLock(options.dataDir);
  try {
    removeAbandonedInitDirs(options.dataDir, (p) => readdirSync(p));
    const { pg: pglite, created } = await openPgliteDataDir(options.dataDir, async (fresh) => {
      const db = kyselyOverPglite(fresh);
      await migrateToLatest(db as Kysely<unknown>);
      if (options.prepareNew) await options.prepareNew(db);
    });
    const db = kyselyOverPglite(pglite);
    await migrateToLatest(db as Kysely<unknown>);
    let closed = false;
    return {
      db,
      kind: "pglite",
      created,
      close: async () => {
        if (closed) return;
        closed = true;
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
