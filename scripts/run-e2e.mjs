// Runs the browser tests in the system's Chromium (Playwright's own browser download does not work
// here). Where none is installed they are skipped with one line that says how to get it; in CI
// (CI=true) a missing Chromium fails instead, so the browser tests are never skipped unnoticed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildWebIfStale } from "./web-build.mjs";

const root = path.resolve(import.meta.dirname, "..");
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const inCi = /^(?:1|true|yes)$/i.test(process.env.CI ?? "");
if (!existsSync(chromium)) {
  const install = "Installieren: sudo apt-get install chromium (oder CHROMIUM_PATH setzen).";
  if (inCi) {
    console.error(
      `Browser-Tests nicht ausführbar: kein Chromium unter ${chromium}. In CI (CI=${process.env.CI}) ist das ein Fehler. ${install}`,
    );
    process.exit(1);
  }
  console.log(`Browser-Tests übersprungen: kein Chromium unter ${chromium}. ${install}`);
  process.exit(0);
}
await buildWebIfStale(root);
const result = spawnSync(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
