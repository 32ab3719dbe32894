// Writes a Brotli (.br) and a gzip (.gz) sibling of every compressible file of the built web app,
// so the server sends compressed bytes without compressing per request (src/server/static-files.ts
// picks the sibling by Accept-Encoding). Runs after every Vite build (scripts/web-build.mjs);
// alone: node scripts/compress-assets.mjs [dir]
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text-like files worth compressing; images other than SVG and fonts in woff2 are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|map|txt|xml|webmanifest|wasm|ttf|otf|ico)$/i;

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

/**
 * Compresses every compressible file under `dir` (highest Brotli quality: this runs once per build,
 * not per request). A sibling that would not be smaller is not written, and stale siblings are removed.
 * Returns the number of files compressed.
 */
export async function compressAssets(dir) {
  const files = filesUnder(dir).filter((f) => compressible.test(f));
  await Promise.all(
    files.map(async (file) => {
      const bytes = readFileSync(file);
      const [br, gzipped] = await Promise.all([
        brotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            [constants.BROTLI_PARAM_MODE]: file.endsWith(".wasm") ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
          },
        }),
        gz(bytes, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      for (const [suffix, out] of [
        [".br", br],
        [".gz", gzipped],
      ]) {
        if (out.length < bytes.length) writeFileSync(file + suffix, out);
        else rmSync(file + suffix, { force: true });
      }
    }),
  );
  return files.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "../dist/web"));
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(`Kein Verzeichnis: ${dir}`);
    process.exit(1);
  }
  console.log(`${await compressAssets(dir)} Dateien komprimiert (.br, .gz) in ${dir}`);
}
