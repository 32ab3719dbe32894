import { serve } from "@hono/node-server";
import { sql } from "kysely";
import pino from "pino";
import { openDatabase } from "../db/connection.js";
import { demoAccounts, demoPassword } from "../db/factories.js";
import { scheduleChainDigest } from "../features/chains/digest.js";
import { syncChainReference } from "../features/chains/reference.js";
import { createJobRunner } from "../features/jobs/runner.js";
import { currentSnapshot } from "../features/matching/snapshot.js";
import { syncOccupationCatalogue } from "../features/occupations/service.js";
import { scheduleRetention } from "../features/privacy/retention.js";
import { ConfigError, loadConfig } from "../lib/config.js";
import { systemContext } from "../lib/context.js";
import { createApp } from "./app.js";
import { prepareNewDatabase } from "./prepare-database.js";

const started = performance.now();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    pino().fatal(e.message);
    process.exit(1);
  }
  throw e;
}
const log = pino({ level: config.logLevel, base: undefined });

const handle = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  log,
  prepareNew: (db) => prepareNewDatabase(db, config.demo),
}).catch((e: Error) => {
  log.fatal(e.message);
  process.exit(1);
});
if (!handle.created && (await syncOccupationCatalogue(handle.db))) log.info("Berufekatalog aktualisiert");
// Reference process chains (Halle/Saalekreis and the district drafts): only what an older database lacks.
if (!handle.created && (await syncChainReference(handle.db)).length) log.info("Prozessketten ergänzt");
// PGlite runs no autovacuum: without statistics the planner picks poor plans for large lists
// (bench/results/companies.json, "before ANALYZE"). PostgreSQL keeps its own statistics.
if (handle.kind === "pglite") await sql`analyze`.execute(handle.db);

const app = createApp({ db: handle.db, config, databaseKind: handle.kind, now: () => new Date(), log });
// Long work (imports, …) from the job table, started once the server listens; several instances on one
// PostgreSQL share the table (decision record 0007).
const jobs = createJobRunner({ db: handle.db, config, log });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const url = `http://${config.host}:${info.port}`;
  log.info(
    {
      database: handle.kind === "pglite" ? `PGlite in ${config.dataDir}${handle.created ? " (neu angelegt)" : ""}` : "PostgreSQL",
      ms: Math.round(performance.now() - started),
    },
    `Lotse läuft: ${url}  (API-Referenz: ${url}/api/docs)`,
  );
  if (handle.created && config.demo) {
    log.info(`Demo-Konten (Passwort ${demoPassword}): ${demoAccounts.map((a) => `${a.email} [${a.role}]`).join(", ")}`);
  }
  jobs.start();
  // The nightly retention run (anonymises cases closed longer than RETENTION_MONTHS); queued once.
  scheduleRetention(systemContext({ db: handle.db, config, log }, "retention")).catch((err: Error) =>
    log.error({ err }, "Aufbewahrungslauf nicht geplant"),
  );
  // The weekly digest of due process-chain steps (Mondays); queued once.
  scheduleChainDigest(systemContext({ db: handle.db, config, log }, "chains-digest")).catch((err: Error) =>
    log.error({ err }, "Wochenübersicht der Prozessketten nicht geplant"),
  );
  // The matching snapshot is built once in the background, so the first suggestion does not wait for it.
  const warm = performance.now();
  currentSnapshot(systemContext({ db: handle.db, config, log }, "matching"))
    .then((snap) => log.info({ ms: Math.round(performance.now() - warm), ...snap.matcher.size() }, "Matching-Stand geladen"))
    .catch((err: Error) => log.error({ err }, "Matching-Stand nicht geladen"));
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: Lotse wird beendet`);
  server.close();
  await jobs.stop();
  await handle.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
