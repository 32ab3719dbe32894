import { CompiledQuery, type Kysely, sql } from "kysely";
import pino from "pino";
import { demoAccounts, demoPassword, insertAccount, seedDemoCandidates } from "../src/db/factories.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { syncOccupationCatalogue } from "../src/features/occupations/service.js";
import { loadConfig } from "../src/lib/config.js";
import { createApp } from "../src/server/app.js";
import { demoRegionPlaces } from "../src/server/prepare-database.js";
import { indexUse } from "./companies.js";
import { type Leg, pgliteLeg, postgresLeg, quantile, round } from "./databases.js";

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

const now = new Date();
const runs = 200;
const warmUps = 20;
/** Common name fragments of the demo population (search_text is "last first", lower case, unaccented). */
const terms = ["ahm", "ali", "hassan", "moham", "mustafa"];
/** Statements on case data (the session and account look-ups of every request are left out of the db figure). */
const caseTables =
  /"(candidate|candidate_occupation|candidate_status_change|candidate_document|consent|consent_recipient|profile_share|consultation|referral)"/;

// ---- measuring -----------------------------------------------------------------------------------

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
