import { existsSync } from "node:fs";
import path from "node:path";
import { CompiledQuery, type Kysely, sql } from "kysely";
import pino from "pino";
import { demoAccounts, demoPassword, insertAccount, seedDemoRegion } from "../src/db/factories.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { syncOccupationCatalogue } from "../src/features/occupations/service.js";
import { loadConfig } from "../src/lib/config.js";
import { createApp } from "../src/server/app.js";
import { demoRegionPlaces } from "../src/server/prepare-database.js";
import { type Leg, pgliteLeg, postgresLeg, quantile, round } from "./databases.js";

/**
 * npm run bench -- companies [--quick]
 * The company and place lists at scale (100,000 companies, 200,000 places, 500,000 contact-log
 * entries; --quick a tenth), through the HTTP API in process, on PGlite and on PostgreSQL (DATABASE_URL,
 * else a throwaway server started here). Each figure beside its target; the plans of the queries
 * (EXPLAIN ANALYZE, BUFFERS) with the indexes they use.
 */

export type CompaniesRow = {
  id: string;
  database: "pglite" | "postgres";
  role: "coordinator" | "counsellor" | "-";
  p50Ms: number;
  p95Ms: number;
  /** Median time the database spent on the request's queries (Kysely's log). */
  dbP50Ms: number;
  target: string;
  targetMs: number | null;
  met: boolean | null;
  runs: number;
  size: { companies: number; offers: number; activities: number };
  indexes: string;
  note?: string;
};

const now = new Date();
const repeats = 50;
const terms = ["bäckerei", "müller", "pflege", "autohaus", "bau"];
const occupations = [
  "kaufmann-im-einzelhandel",
  "koch-koechin",
  "kraftfahrzeugmechatroniker",
  "pflegefachmann",
  "fachkraft-fuer-lagerlogistik",
];

// ---- measuring -----------------------------------------------------------------------------------

/** Index names and sequential scans in a plan, for the one-line summary. */
export function indexUse(plan: string): { indexes: string[]; seqScans: string[] } {
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  for (const m of plan.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\S+)/g)) indexes.add(m[1] as string);
  for (const m of plan.matchAll(/Seq Scan on (\S+)/g)) seqScans.add(m[1] as string);
  return { indexes: [...indexes], seqScans: [...seqScans] };
}

type Query = { id: string; role: "coordinator" | "counsellor"; paths: string[]; targetMs: (kind: Leg["kind"]) => number };

async function measureLeg(
  leg: Leg,
  size: CompaniesRow["size"],
  options: { runs: number; suffix?: string; explain: boolean; budgetMs?: number },
) {
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
  const cookies = { coordinator: await signIn("koordination@demo.example"), counsellor: await signIn("beratung.halle@demo.example") };
  const own = { coordinator: "15084", counsellor: "15088" };
  const listPath = (role: keyof typeof own, term: string) =>
    `/api/v1/companies?q=${encodeURIComponent(term)}&district=${own[role]}&migrantLed=false`;
  // Page 2 of the same lists: the cursor of each list's first page that has a second one.
  const nextPages = async (role: keyof typeof own) => {
    const out: string[] = [];
    for (const term of terms) {
      const page = JSON.parse((await request(listPath(role, term), cookies[role])).text) as { nextCursor: string | null };
      if (page.nextCursor) out.push(`${listPath(role, term)}&cursor=${encodeURIComponent(page.nextCursor)}`);
    }
    return out.length
      ? out
      : [`/api/v1/companies?district=${own[role]}&migrantLed=false&cursor=${encodeURIComponent(await firstCursor(role))}`];
  };
  const firstCursor = async (role: keyof typeof own) =>
    (JSON.parse((await request(`/api/v1/companies?district=${own[role]}&migrantLed=false`, cookies[role])).text) as { nextCursor: string })
      .nextCursor;
  const list = (kind: Leg["kind"]) => (kind === "postgres" ? 50 : 100);
  const queries: Query[] = [];
  for (const role of ["coordinator", "counsellor"] as const) {
    queries.push(
      { id: "a company list: search + 2 filters", role, paths: terms.map((t) => listPath(role, t)), targetMs: list },
      { id: "b company list: next page (cursor)", role, paths: await nextPages(role), targetMs: list },
      {
        id: "c place list: occupation + district",
        role,
        paths: occupations.map((o) => `/api/v1/offers?occupationId=${o}&district=${own[role]}`),
        targetMs: list,
      },
      { id: "d board (/companies/board)", role, paths: ["/api/v1/companies/board"], targetMs: () => 100 },
    );
  }

  const rows: CompaniesRow[] = [];
  const plans: string[] = [];
  for (const q of queries) {
    const cookie = cookies[q.role];
    if (!options.budgetMs) for (const p of q.paths.slice(0, 3)) await request(p, cookie); // warm-up
    const times: number[] = [];
    const dbTimes: number[] = [];
    const started = performance.now();
    for (let i = 0; i < options.runs && performance.now() - started < (options.budgetMs ?? Number.POSITIVE_INFINITY); i++) {
      const p = q.paths[i % q.paths.length] as string;
      leg.log.length = 0;
      const t = performance.now();
      await request(p, cookie);
      times.push(performance.now() - t);
      dbTimes.push(leg.log.filter((e) => /"(company|offer)"/.test(e.sql)).reduce((s, e) => s + e.ms, 0));
    }
    let indexes = "";
    if (options.explain) {
      leg.log.length = 0;
      await request(q.paths[0] as string, cookie);
      const statements = leg.log.filter((e) => /"(company|offer)"/.test(e.sql));
      const summary: string[] = [];
      for (const [n, e] of statements.entries()) {
        const result = await leg.db.executeQuery<Record<string, string>>(
          CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${e.sql}`, [...e.parameters]),
        );
        const plan = result.rows.map((r) => Object.values(r)[0]).join("\n");
        const use = indexUse(plan);
        summary.push(
          `#${n + 1} ${use.indexes.join(", ") || "no index"}${use.seqScans.length ? ` | SEQ SCAN ${use.seqScans.join(", ")}` : ""}`,
        );
        plans.push(
          `==== ${leg.label} | ${q.id} | ${q.role} | statement ${n + 1} of ${statements.length}\n-- GET ${q.paths[0]}\n${e.sql}\n-- parameters: ${JSON.stringify(e.parameters)}\n${plan}\n`,
        );
      }
      indexes = summary.join("; ");
    }
    const targetMs = q.targetMs(leg.kind);
    const p95 = quantile(times, 0.95);
    const informational = Boolean(options.suffix);
    rows.push({
      id: `${q.id}${options.suffix ?? ""}`,
      database: leg.kind,
      role: q.role,
      p50Ms: round(quantile(times, 0.5)),
      p95Ms: round(p95),
      dbP50Ms: round(quantile(dbTimes, 0.5)),
      target: informational ? "information only" : `p95 ≤ ${targetMs} ms`,
      targetMs: informational ? null : targetMs,
      met: informational ? null : p95 <= targetMs,
      runs: times.length,
      size,
      indexes,
      note: `${q.paths.length} variant(s), e.g. GET ${q.paths[0]?.replace(/cursor=[^&]+/, "cursor=…")}`,
    });
    say(rows[rows.length - 1] as CompaniesRow);
  }
  return { rows, plans };
}

function say(r: CompaniesRow) {
  const verdict = r.met === null ? "" : r.met ? "target met" : "TARGET MISSED";
  console.log(
    `${r.database.padEnd(8)} ${r.role.padEnd(11)} ${r.id.padEnd(52)} p50 ${r.p50Ms.toFixed(1).padStart(7)} ms  p95 ${r.p95Ms.toFixed(1).padStart(7)} ms  (db ${Number.isNaN(r.dbP50Ms) ? "     –" : r.dbP50Ms.toFixed(1).padStart(6)} ms)   target ${r.target.padEnd(16)} ${verdict}`,
  );
  if (r.indexes) console.log(`${"".padEnd(21)} plans: ${r.indexes}`);
}

async function seed(leg: Leg, size: CompaniesRow["size"]): Promise<number> {
  await migrateToLatest(leg.db as Kysely<unknown>);
  await syncOccupationCatalogue(leg.db);
  for (const account of demoAccounts) await insertAccount(leg.db, account);
  const t = performance.now();
  const places = demoRegionPlaces();
  const counts = await leg.db.transaction().execute((trx) => seedDemoRegion(trx, { now, places, ...size }));
  const seconds = (performance.now() - t) / 1000;
  console.log(
    `${leg.label}: seeded ${counts.companies} companies, ${counts.offers} places, ${counts.activities} activities, ${counts.contacts} contacts, ${counts.stageChanges} stage changes in ${seconds.toFixed(1)} s`,
  );
  return seconds;
}

export async function runCompaniesBench(options: { quick: boolean }): Promise<{ rows: CompaniesRow[]; plans: string }> {
  const scale = options.quick ? 10_000 : 100_000;
  const size = { companies: scale, offers: 2 * scale, activities: 5 * scale };
  const rows: CompaniesRow[] = [];
  const plans: string[] = [];
  for (const open of [pgliteLeg, postgresLeg]) {
    const leg = await open();
    if ("skipped" in leg) {
      console.log(`postgres: skipped (${leg.skipped})`);
      continue;
    }
    try {
      const seedSeconds = await seed(leg, size);
      if (leg.kind === "pglite") {
        // PGlite runs no autovacuum: this is how a PGlite database that never ran ANALYZE answers.
        const before = await measureLeg(leg, size, { runs: 10, suffix: " [before ANALYZE]", explain: false, budgetMs: 20_000 });
        rows.push(...before.rows);
      }
      const t = performance.now();
      await sql`VACUUM ANALYZE`.execute(leg.db);
      console.log(`${leg.label}: VACUUM ANALYZE in ${((performance.now() - t) / 1000).toFixed(1)} s (seed ${seedSeconds.toFixed(1)} s)`);
      const measured = await measureLeg(leg, size, { runs: repeats, explain: true });
      rows.push(...measured.rows);
      plans.push(...measured.plans);
    } finally {
      await leg.close();
    }
  }
  rows.push(...(await importFigure(options.quick)));
  return { rows, plans: plans.join("\n") };
}

/** The import benchmark of bench/imports.ts (50,000-row CSV, dry run and commit, ≤ 30 s) as a further figure. */
async function importFigure(quick: boolean): Promise<CompaniesRow[]> {
  if (!existsSync(path.join(import.meta.dirname, "imports.ts"))) {
    console.log("import: bench/imports.ts not there (hook: runImportsBench({ rows }) → { seconds, targetSeconds, verified })");
    return [];
  }
  const { runImportsBench } = await import("./imports.js");
  const rowsInFile = quick ? 5_000 : 50_000;
  const result = await runImportsBench({ rows: rowsInFile, print: (line) => console.log(`import   ${line}`) });
  const targetMs = (result.targetSeconds * 1000 * rowsInFile) / 50_000;
  const row: CompaniesRow = {
    id: `e import: CSV of ${rowsInFile} rows, dry run + commit`,
    database: "pglite",
    role: "-",
    p50Ms: round(result.seconds * 1000),
    p95Ms: round(result.seconds * 1000),
    dbP50Ms: Number.NaN,
    target: `≤ ${targetMs / 1000} s${quick ? " (30 s per 50,000 rows)" : ""}`,
    targetMs,
    met: result.verified && result.seconds * 1000 <= targetMs,
    runs: 1,
    size: { companies: rowsInFile, offers: rowsInFile, activities: 0 },
    indexes: "",
    note: `bench/imports.ts: dry run ${result.dryRunSeconds} s, commit ${result.commitSeconds} s, peak RSS ${result.peakRssMb} MB, ${result.verified ? "verified" : "NOT VERIFIED"}`,
  };
  say(row);
  return [row];
}
