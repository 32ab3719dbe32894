// The "other process" of the crash test (imports-crash.test.ts): opens the database like the app does and
// runs jobs until it is killed. It says where it is on stdout, so the test waits for a line, never for a time:
//   "ready"          the runner is polling;
//   "progress <f>"   a job reported progress f > 0 (for a commit: one more batch is written).
// Usage: node --import tsx src/features/imports/crash-child.test-support.ts <PGlite data dir | postgres:// URL>
import pino from "pino";
import { kyselyOverPostgres, openDatabase } from "../../db/connection.js";
import { loadConfig } from "../../lib/config.js";
import { createJobRunner } from "../jobs/runner.js";
import { commitKind } from "./service.js";

const target = process.argv[2] as string;
const db = target.startsWith("postgres") ? kyselyOverPostgres(target, 2) : (await openDatabase({ dataDir: target })).db;
const runner = createJobRunner({
  db,
  config: loadConfig({ DATA_DIR: "/nonexistent" }),
  log: pino({ level: "silent" }),
  pollMs: 20,
  leaseMs: 60_000,
  onProgress: (job, fraction) => {
    if (job.kind === commitKind && fraction > 0) console.log(`progress ${fraction}`);
  },
});
runner.start();
console.log("ready");
