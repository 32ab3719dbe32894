// Runs the browser tests in the system's Chromium. Where none is installed they are skipped with
// one line that says how to get it (Playwright's own browser download does not work here).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.log(
    `Browser-Tests übersprungen: kein Chromium unter ${chromium}. Installieren: sudo apt-get install chromium (oder CHROMIUM_PATH setzen).`,
  );
  process.exit(0);
}
execFileSync(process.execPath, [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], {
  cwd: root,
  stdio: "inherit",
});
const result = spawnSync(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
