import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { CompiledQuery, Kysely, type LogEvent, PostgresDialect, sql } from "kysely";
import pg from "pg";
import pino from "pino";
import { kyselyOverPostgres } from "../src/db/connection.js";
import { demoAccounts, demoPassword, insertAccount, seedDemoCandidates } from "../src/db/factories.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { PgliteDialect } from "../src/db/pglite-dialect.js";
import { pgliteExtensions } from "../src/db/pglite-store.js";
import type { Database } from "../src/db/types.js";
import { syncOccupationCatalogue } from "../src/features/occupations/service.js";
import { loadConfig } from "../src/lib/config.js";
import { createApp } from "../src/server/app.js";
import { demoRegionPlaces } from "../src/server/prepare-database.js";
import { indexUse } from "./companies.js";

/**
 * npm run bench -- candidates [--quick]
 * The candidate list and the candidate timeline at scale (200,000 candidates, 1,000,000 consultations;
 * --quick 20,000 / 100,000), through the HTTP API in process, on PGlite and on PostgreSQL (DATABASE_URL,
 * else a throwaway server started here), as the Halle counsellor (15002, 15088) and as the coordinator
 * (all districts). Each figure (p50/p95/max) beside its target: p95 ≤ 50 ms on PostgreSQL, ≤ 100 ms on
 * PGlite. The plans (EXPLAIN ANALYZE, BUFFERS) of each request's statements go to the temporary directory.
 */

export type CandidatesRow = {
  id: string;
  database: "pglite" | "postgres";
  role: "coordinator" | "counsellor";
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Median time the database spent on the request's candidate-data statements (Kysely's log; PostgreSQL runs the list's two in parallel). */
  dbP50Ms: number;
  target: string;
  targetMs: number;
  met: boolean;
  runs: number;
  size: { candidates: number; consultations: number };
  indexes: string;
  note?: string;
};

type Captured = { sql: string; parameters: readonly unknown[]; ms: number };
type Leg = { kind: "pglite" | "postgres"; db: Kysely<Database>; log: Captured[]; close: () => Promise<void>; label: string };

const now = new Date();
const runs = 200;
const warmUps = 20;
/** Common name fragments of the demo population (search_text is "last first", lower case, unaccented). */
const terms = ["ahm", "ali", "hassan", "moham", "mustafa"];
/** Statements on case data (the session and account look-ups of every request are left out of the db figure). */
const caseTables =
  /"(candidate|candidate_occupation|candidate_status_change|candidate_document|consent|consent_recipient|profile_share|consultation|referral)"/;

function logInto(log: Captured[]) {
  return (event: LogEvent) => {
    if (event.level === "query") log.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
  };
}

// ---- databases (as in bench/companies.ts) --------------------------------------------------------

async function pgliteLeg(): Promise<Leg> {
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

function postgresBin(): string | null {
  if (!existsSync("/usr/lib/postgresql")) return null;
  const versions = readdirSync("/usr/lib/postgresql")
    .filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
    .sort((a, b) => Number(a) - Number(b));
  const last = versions[versions.length - 1];
  return last ? `/usr/lib/postgresql/${last}/bin` : null;
}

function freePort(): Promise<number> {
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
async function throwawayPostgres(): Promise<{ url: string; stop: () => void } | null> {
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
async function postgresLeg(): Promise<Leg | { skipped: string }> {
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

// ---- measuring -----------------------------------------------------------------------------------

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};
const round = (ms: number) => Math.round(ms * 10) / 10;

/** A deterministic shuffle (the same candidates in both legs). */
function sample<T>(xs: T[], n: number, seed = 42): T[] {
  const a = [...xs];
  let s = seed;
  const next = () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, n);
}

type Role = "coordinator" | "counsellor";
type Query = { id: string; role: Role; paths: string[] };

async function measureLeg(leg: Leg, size: CandidatesRow["size"]) {
  const app = createApp({
    db: leg.db,
    config: loadConfig({ DATA_DIR: "/nonexistent", TRUST_PROXY: "1", LOG_LEVEL: "silent" }),
    databaseKind: leg.kind,
    now: () => now,
    log: pino({ level: "silent" }),
  });
  const request = async (pathname: string, cookie?: string, body?: unknown) => {
    const headers: Record<string, string> = { "x-forwarded-for": "203.0.113.10" };
    if (cookie) headers.cookie = cookie;
    if (body) Object.assign(headers, { "content-type": "application/json", origin: "http://localhost" });
    const res = await app.request(`http://localhost${pathname}`, {
      method: body ? "POST" : "GET",
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${pathname}: ${res.status} ${text.slice(0, 300)}`);
    return { res, text };
  };
  const signIn = async (email: string) => {
    const { res } = await request("/api/v1/auth/login", undefined, { email, password: demoPassword });
    return res.headers.get("set-cookie")?.split(";")[0] ?? "";
  };
  const cookies: Record<Role, string> = {
    coordinator: await signIn("koordination@demo.example"),
    counsellor: await signIn("beratung.halle@demo.example"),
  };
  const districts: Record<Role, string[] | null> = {
    coordinator: null,
    counsellor: demoAccounts.find((a) => a.email === "beratung.halle@demo.example")?.districts ?? [],
  };
  // Candidates in each role's scope, for the timeline: distinct ones, warm-up ones apart.
  const inScope = async (role: Role) => {
    let q = leg.db.selectFrom("candidate").select("id").where("anonymised_at", "is", null);
    const own = districts[role];
    if (own) q = q.where("ags", "in", own);
    return sample(
      (await q.execute()).map((r) => r.id),
      runs + warmUps,
      role === "coordinator" ? 42 : 4242,
    );
  };
  const filters = "status=active&germanLevel=B1&limit=50";
  const queries: Query[] = [];
  for (const role of ["counsellor", "coordinator"] as const) {
    const ids = await inScope(role);
    queries.push(
      {
        id: "a list: search + status + germanLevel",
        role,
        paths: terms.map((t) => `/api/v1/candidates?q=${encodeURIComponent(t)}&${filters}`),
      },
      { id: "b list: status + germanLevel (no search)", role, paths: [`/api/v1/candidates?${filters}`] },
      { id: "c timeline of a random candidate", role, paths: ids.map((id) => `/api/v1/candidates/${id}/timeline`) },
    );
  }

  const targetMs = leg.kind === "postgres" ? 50 : 100;
  const rows: CandidatesRow[] = [];
  const plans: string[] = [];
  for (const q of queries) {
    const cookie = cookies[q.role];
    // Warm-up: the timeline warms on candidates it does not measure.
    const timeline = q.paths.length > runs;
    const warm = timeline ? q.paths.slice(runs) : q.paths;
    const measured = timeline ? q.paths.slice(0, runs) : q.paths;
    for (let i = 0; i < warmUps; i++) await request(warm[i % warm.length] as string, cookie);
    const times: number[] = [];
    const dbTimes: number[] = [];
    let items = 0;
    for (let i = 0; i < runs; i++) {
      const p = measured[i % measured.length] as string;
      leg.log.length = 0;
      const t = performance.now();
      const { text } = await request(p, cookie);
      times.push(performance.now() - t);
      dbTimes.push(leg.log.filter((e) => caseTables.test(e.sql)).reduce((s, e) => s + e.ms, 0));
      if (i < measured.length) items += (JSON.parse(text) as { items: unknown[] }).items.length;
    }
    // The statements of the first path, with their plans.
    leg.log.length = 0;
    const first = measured[0] as string;
    const { text: sampleText } = await request(first, cookie);
    const total = (JSON.parse(sampleText) as { total?: number }).total;
    const statements = leg.log.filter((e) => caseTables.test(e.sql));
    const summary: string[] = [];
    for (const [n, e] of statements.entries()) {
      const result = await leg.db.executeQuery<Record<string, string>>(
        CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${e.sql}`, [...e.parameters]),
      );
      const plan = result.rows.map((r) => Object.values(r)[0]).join("\n");
      const use = indexUse(plan);
      const execution = plan.match(/Execution Time: ([\d.]+) ms/)?.[1];
      summary.push(
        `#${n + 1} ${execution ?? "?"} ms ${use.indexes.join(", ") || "no index"}${use.seqScans.length ? ` | SEQ SCAN ${use.seqScans.join(", ")}` : ""}`,
      );
      plans.push(
        `==== ${leg.label} | ${q.id} | ${q.role} | statement ${n + 1} of ${statements.length}\n-- GET ${first}\n${e.sql}\n-- parameters: ${JSON.stringify(e.parameters)}\n${plan}\n`,
      );
    }
    const p95 = quantile(times, 0.95);
    const perRequest = Math.round(items / Math.min(runs, measured.length));
    rows.push({
      id: q.id,
      database: leg.kind,
      role: q.role,
      p50Ms: round(quantile(times, 0.5)),
      p95Ms: round(p95),
      maxMs: round(Math.max(...times)),
      dbP50Ms: round(quantile(dbTimes, 0.5)),
      target: `p95 ≤ ${targetMs} ms`,
      targetMs,
      met: p95 <= targetMs,
      runs: times.length,
      size,
      indexes: summary.join("; "),
      note: `${measured.length} variant(s), e.g. GET ${first}; ${perRequest} item(s) a response on average${total === undefined ? "" : `, total ${total} for the first`}`,
    });
    say(rows[rows.length - 1] as CandidatesRow);
  }
  return { rows, plans };
}

function say(r: CandidatesRow) {
  console.log(
    `${r.database.padEnd(8)} ${r.role.padEnd(11)} ${r.id.padEnd(42)} p50 ${r.p50Ms.toFixed(1).padStart(6)} ms  p95 ${r.p95Ms.toFixed(1).padStart(6)} ms  max ${r.maxMs.toFixed(1).padStart(6)} ms  (db p50 ${r.dbP50Ms.toFixed(1).padStart(5)} ms)   target ${r.target.padEnd(14)} ${r.met ? "target met" : "TARGET MISSED"}`,
  );
  console.log(`${"".padEnd(21)} plans: ${r.indexes}`);
  if (r.note) console.log(`${"".padEnd(21)} ${r.note}`);
}

async function seed(leg: Leg, size: CandidatesRow["size"]): Promise<CandidatesRow["size"]> {
  await migrateToLatest(leg.db as Kysely<unknown>);
  await syncOccupationCatalogue(leg.db);
  for (const account of demoAccounts) await insertAccount(leg.db, account);
  const t = performance.now();
  const places = demoRegionPlaces();
  const counts = await leg.db.transaction().execute((trx) =>
    seedDemoCandidates(trx, {
      now,
      places,
      count: size.candidates,
      consultationsPerCandidate: size.consultations / size.candidates,
    }),
  );
  console.log(
    `${leg.label}: seeded ${counts.candidates} candidates, ${counts.consultations} consultations, ${counts.referrals} referrals, ${counts.consents} consents in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const a = performance.now();
  await sql`VACUUM ANALYZE`.execute(leg.db);
  console.log(`${leg.label}: VACUUM ANALYZE in ${((performance.now() - a) / 1000).toFixed(1)} s`);
  return { candidates: counts.candidates, consultations: counts.consultations };
}

export async function runCandidatesBench(options: { quick: boolean }): Promise<{ rows: CandidatesRow[]; plans: string }> {
  const candidates = options.quick ? 20_000 : 200_000;
  const wanted = { candidates, consultations: 5 * candidates };
  const rows: CandidatesRow[] = [];
  const plans: string[] = [];
  const legs = (process.env.BENCH_LEGS ?? "pglite,postgres").split(",");
  for (const open of [pgliteLeg, postgresLeg].filter((_, i) => legs.includes(i === 0 ? "pglite" : "postgres"))) {
    const leg = await open();
    if ("skipped" in leg) {
      console.log(`postgres: skipped (${leg.skipped})`);
      continue;
    }
    try {
      const size = await seed(leg, wanted);
      const measured = await measureLeg(leg, size);
      rows.push(...measured.rows);
      plans.push(...measured.plans);
    } finally {
      await leg.close();
    }
  }
  return { rows, plans: plans.join("\n") };
}
