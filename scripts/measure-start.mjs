// Measures how long `npm start` takes until the first 200 of GET /api/health:
//   cold: DATA_DIR is a new, empty directory (creates the database, migrations, catalogue, demo data);
//   warm: the directory of the last cold run again (opens the existing database).
// Each run starts `npm start` in its own process group, polls the health endpoint (bounded), then
// stops the server (SIGTERM, SIGKILL after 10 s) and removes its data directory at the end.
//   node scripts/measure-start.mjs [--runs 3] [--port 3931]
// The web build is brought up to date first, so no run includes building the interface.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildWebIfStale } from "./web-build.mjs";

const root = path.resolve(import.meta.dirname, "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg("runs", 3);
const port = arg("port", Number(process.env.PORT ?? 3931));
const healthUrl = `http://127.0.0.1:${port}/api/health`;
const maxWaitMs = 120_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function healthStatus() {
  try {
    const res = await fetch(healthUrl, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    try {
      process.kill(-child.pid, "SIGTERM"); // the group: npm, its shell and the server
    } catch {
      resolve();
    }
  });
}

/** One `npm start`: milliseconds from spawn to the first 200 of /api/health. */
async function measure(dataDir) {
  const started = performance.now();
  const child = spawn("npm", ["start", "--silent"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", DATABASE_URL: "", LOTSE_DEMO: "1" },
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += String(d);
  });
  try {
    while (performance.now() - started < maxWaitMs) {
      if (child.exitCode !== null) throw new Error(`npm start endete mit ${child.exitCode}: ${stderr}`);
      if ((await healthStatus()) === 200) return performance.now() - started;
      await sleep(25);
    }
    throw new Error(`nach ${maxWaitMs / 1000} s keine Antwort von ${healthUrl}: ${stderr}`);
  } finally {
    await stop(child);
  }
}

if ((await healthStatus()) !== 0) {
  console.error(`Auf Port ${port} antwortet schon etwas: wählen Sie mit --port einen freien Port.`);
  process.exit(1);
}
await buildWebIfStale(root);

const dataDir = mkdtempSync(path.join(tmpdir(), "lotse-measure-"));
const results = { cold: [], warm: [] };
try {
  let lastDir = "";
  for (let i = 0; i < runs; i++) {
    lastDir = mkdtempSync(path.join(dataDir, "db-")); // new and empty, like a mounted volume
    results.cold.push(await measure(lastDir));
  }
  for (let i = 0; i < runs; i++) results.warm.push(await measure(lastDir));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`npm start bis zur ersten 200 von ${healthUrl} (Node ${process.version}, ${runs} Läufe):`);
for (const [kind, times] of Object.entries(results)) {
  console.log(
    `  ${kind === "cold" ? "kalt (neue leere DATA_DIR)" : "warm (dieselbe DATA_DIR)"}: ${times.map(fmt).join(", ")}  (Median ${fmt(median(times))})`,
  );
}
