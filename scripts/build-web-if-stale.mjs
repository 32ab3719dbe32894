// Builds the web app when dist/web is missing or older than its sources, so `npm start` always
// serves the current interface without rebuilding on every start.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const target = path.join(root, "dist/web/index.html");

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest(path.join(root, "src/web")),
  newest(path.join(root, "src/features")),
  statSync(path.join(root, "vite.config.ts")).mtimeMs,
);
if (!existsSync(target) || statSync(target).mtimeMs < sources) {
  console.log("Web-Oberfläche wird gebaut …");
  execFileSync(process.execPath, [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], {
    cwd: root,
    stdio: "inherit",
  });
}
