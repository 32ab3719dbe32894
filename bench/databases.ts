import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, type LogEvent, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { kyselyOverPostgres } from "../src/db/connection.js";
import { PgliteDialect } from "../src/db/pglite-dialect.js";
import { pgliteExtensions } from "../src/db/pglite-store.js";
import type { Database } from "../src/db/types.js";

/** The two databases every benchmark runs on (PGlite on disk; PostgreSQL of DATABASE_URL or a throwaway server), with each statement's time logged. */

export type Captured = { sql: string; parameters: readonly unknown[]; ms: number };
export type Leg = { kind: "pglite" | "postgres"; db: Kysely<Database>; log: Captured[]; close: () => Promise<void>; label: string };

export function logInto(log: Captured[]) {
  return (event: LogEvent) => {
    if (event.level === "query") log.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
  };
}

export async function pgliteLeg(): Promise<Leg> {
  const dir = mkdtempSync(path.join(tmpdir(), "lotse-bench-pglite-"));
  const pglite = await PGlite.create(path.join(dir, "db"), { extensions: pgliteExtensions });
  const log: Captured[] = [];
  const db = new Kysely<Database>({ dialect: new PgliteDialect(pglite), log: logInto(log) });
  return {
    kind: "pglite",
    db,
    log,
    label: `PGlite ${(await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]?.v} (data directory on disk)`,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBin(): string | null {
  if (!existsSync("/usr/lib/postgresql")) return null;
  const versions = readdirSync("/usr/lib/postgresql")
    .filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
    .sort((a, b) => Number(a) - Number(b));
  const last = versions[versions.length - 1];
  return last ? `/usr/lib/postgresql/${last}/bin` : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** A PostgreSQL server of our own in a temporary directory (as `nobody` when run as root, like .ci/run). */
export async function throwawayPostgres(): Promise<{ url: string; stop: () => void } | null> {
  const bin = postgresBin();
  if (!bin) return null;
  const work = mkdtempSync(path.join(tmpdir(), "lotse-bench-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "nobody"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "nobody"]).toString().trim());
    chownSync(work, uid, gid);
  }
  const run = (cmd: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : cmd, asRoot ? ["-u", "nobody", "--", cmd, ...args] : args, { stdio: ["ignore", "pipe", "pipe"] });
  const data = path.join(work, "data");
  run(`${bin}/initdb`, ["-D", data, "-U", "lotse", "--auth=trust", "-E", "UTF8", "--no-locale"]);
  const port = await freePort();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(`${bin}/pg_ctl`, ["-D", data, "-m", "fast", "-w", "stop"]);
    } catch {
      // already down
    }
    rmSync(work, { recursive: true, force: true });
  };
  process.once("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  run(`${bin}/pg_ctl`, [
    "-D",
    data,
    "-l",
    path.join(work, "server.log"),
    "-w",
    "-o",
    `-p ${port} -k ${work} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "start",
  ]);
  return { url: `postgres://lotse@127.0.0.1:${port}/postgres`, stop };
}

/** A fresh database on the server of DATABASE_URL, or on a throwaway server; both removed afterwards. */
export async function postgresLeg(): Promise<Leg | { skipped: string }> {
  const given = process.env.DATABASE_URL;
  const server = given ? { url: given, stop: () => {} } : await throwawayPostgres();
  if (!server) return { skipped: "no DATABASE_URL and no PostgreSQL server binaries under /usr/lib/postgresql/*/bin" };
  const name = `lotse_bench_${Math.random().toString(16).slice(2, 10)}`;
  const admin = kyselyOverPostgres(server.url, 1);
  await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const log: Captured[] = [];
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  pool.on("error", () => {}); // the DROP … WITH (FORCE) at the end ends idle connections
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: logInto(log) });
  const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]?.v;
  return {
    kind: "postgres",
    db,
    log,
    label: `PostgreSQL ${version} (${given ? "DATABASE_URL" : "throwaway server, default settings, fsync=off"})`,
    close: async () => {
      await db.destroy();
      await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin);
      await admin.destroy();
      server.stop();
    },
  };
}

export const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};
export const round = (ms: number) => Math.round(ms * 10) / 10;
