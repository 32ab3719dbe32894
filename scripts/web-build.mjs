// Builds the web app into dist/web: Vite, then .br/.gz siblings of the assets, then a stamp
// (dist/web.stamp) with the hash of every input of the bundle. `npm start` rebuilds only when the
// stamp differs from the inputs' hash now, so a warm start does not build and a changed input is
// never missed (a file time can lie: a checkout, a copy, an `npm ci` keep or reset them).
//   node scripts/web-build.mjs              build (npm run build, the browser tests)
//   node scripts/web-build.mjs --if-stale   build only when dist/web is missing or stale (npm start)
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compressAssets } from "./compress-assets.mjs";

const projectRoot = path.resolve(import.meta.dirname, "..");

/**
 * Everything that can change the bundle: the web app (pages, index.html, public/), the API schemas
 * it imports and src/lib that they import, the build configuration, the exact dependency versions
 * (package-lock.json), and this build step itself. Tests and snapshots never reach the bundle.
 */
const inputDirs = ["src/web", "src/lib"];
const inputFiles = ["vite.config.ts", "tsconfig.json", "package-lock.json", "scripts/web-build.mjs", "scripts/compress-assets.mjs"];
const notAnInput = /(?:\.test\.tsx?|\.snap)$|(?:^|\/)(?:__snapshots__|\.DS_Store)(?:\/|$)/;

const toPosix = (p) => p.split(path.sep).join("/");

/** The inputs of the web bundle below `root`, as sorted posix paths relative to it. */
export function webInputFiles(root = projectRoot) {
  const found = [];
  for (const dir of inputDirs) {
    const abs = path.join(root, dir);
    if (!existsSync(abs)) continue;
    for (const e of readdirSync(abs, { withFileTypes: true, recursive: true })) {
      if (e.isFile()) found.push(toPosix(path.relative(root, path.join(e.parentPath ?? e.path, e.name))));
    }
  }
  const features = path.join(root, "src/features");
  if (existsSync(features)) {
    for (const e of readdirSync(features, { withFileTypes: true })) {
      if (e.isDirectory() && existsSync(path.join(features, e.name, "schema.ts"))) found.push(`src/features/${e.name}/schema.ts`);
    }
  }
  for (const file of inputFiles) if (existsSync(path.join(root, file))) found.push(file);
  return [...new Set(found)].filter((f) => !notAnInput.test(f)).sort();
}

/**
 * SHA-256 over the names and contents of all inputs (`webInputFiles` plus `extraInputs`, files the
 * last build read from elsewhere): changes when any input is added, removed or edited.
 */
export function webInputsHash(root = projectRoot, extraInputs = []) {
  const hash = createHash("sha256");
  for (const file of [...new Set([...webInputFiles(root), ...extraInputs])].sort()) {
    hash.update(file).update("\0");
    const abs = path.join(root, file);
    hash.update(existsSync(abs) ? readFileSync(abs) : "(fehlt)").update("\0");
  }
  return hash.digest("hex");
}

const stampFile = (root) => path.join(root, "dist/web.stamp");

function readStamp(root) {
  try {
    const stamp = JSON.parse(readFileSync(stampFile(root), "utf8"));
    return typeof stamp.hash === "string" && Array.isArray(stamp.extraInputs) ? stamp : null;
  } catch {
    return null;
  }
}

/** Why dist/web must be (re)built, or null when it is current. */
export function webBuildStaleReason(root = projectRoot) {
  if (!existsSync(path.join(root, "dist/web/index.html"))) return "noch nicht gebaut";
  const stamp = readStamp(root);
  if (!stamp) return "ohne Stempel gebaut";
  return stamp.hash === webInputsHash(root, stamp.extraInputs) ? null : "Quellen geändert";
}

/**
 * Vite build, compression, stamp. The build records every source module it bundled: one outside
 * the usual inputs (a schema importing from elsewhere) is watched from then on. No stamp is
 * written when an input changed while the build ran, so the next start builds again.
 */
async function buildWeb(root = projectRoot) {
  rmSync(stampFile(root), { force: true });
  const before = webInputsHash(root);
  const bundled = new Set();
  const { build } = await import("vite");
  const cwd = process.cwd();
  process.chdir(root); // vite.config.ts names its root relative to the project
  try {
    await build({
      configFile: path.join(root, "vite.config.ts"),
      logLevel: "warn",
      plugins: [
        {
          name: "lotse-record-inputs",
          buildEnd() {
            for (const id of this.getModuleIds()) bundled.add(id);
          },
        },
      ],
    });
  } finally {
    process.chdir(cwd);
  }
  await compressAssets(path.join(root, "dist/web"));
  if (webInputsHash(root) !== before) {
    console.warn("Während des Bauens wurden Quellen geändert: beim nächsten Start wird neu gebaut.");
    return;
  }
  const extraInputs = [...bundled]
    .map((id) => id.split("?")[0] ?? id)
    .filter((id) => path.isAbsolute(id) && !id.includes(`${path.sep}node_modules${path.sep}`) && existsSync(id))
    .map((id) => toPosix(path.relative(root, id)))
    .filter((rel) => !rel.startsWith("../"));
  const known = new Set(webInputFiles(root));
  const extra = [...new Set(extraInputs)].filter((f) => !known.has(f)).sort();
  writeFileSync(`${stampFile(root)}.part`, `${JSON.stringify({ hash: webInputsHash(root, extra), extraInputs: extra }, null, 2)}\n`);
  renameSync(`${stampFile(root)}.part`, stampFile(root));
}

/** Builds when needed; returns whether it did. */
export async function buildWebIfStale(root = projectRoot) {
  const reason = webBuildStaleReason(root);
  if (!reason) return false;
  console.log(`Web-Oberfläche wird gebaut (${reason}) …`);
  await buildWeb(root);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  if (process.argv.includes("--if-stale")) await buildWebIfStale();
  else await buildWeb();
}
