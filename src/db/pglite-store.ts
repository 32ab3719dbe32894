import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

export const pgliteExtensions = { pg_trgm, unaccent };

export class DataDirLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One process owns a PGlite data directory. The lock file beside it names the owner's pid; a lock
 * whose process is gone (a crash, kill -9) is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
        throw new Error(
          `Die Sperrdatei ${lockPath} kann nicht angelegt werden: ${path.dirname(lockPath)} ist nicht beschreibbar. ` +
            "Lotse legt sie neben DATA_DIR an: wählen Sie DATA_DIR eine Ebene tiefer (ein Volume unter /data: DATA_DIR=/data/db).",
        );
      }
      if (code !== "EEXIST") throw e;
      const owner = Number(readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(
          `Die Datenbank in ${dataDir} wird bereits von einem anderen Lotse-Prozess (PID ${owner}) verwendet. ` +
            "Beenden Sie diesen Prozess oder wählen Sie mit DATA_DIR ein anderes Verzeichnis.",
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`Die Sperrdatei ${lockPath} konnte nicht angelegt werden.`);
}

/** Where a first start builds the database inside an existing empty directory (a mounted volume). */
export const initDirName = ".lotse-init";
/** Entries a freshly formatted and mounted volume already holds; they do not make a directory "used". */
const volumeEntries = new Set(["lost+found"]);
/** PostgreSQL's marker of a complete data directory: moved into place last. */
const completeMarker = "PG_VERSION";

const notLotse = (dataDir: string) =>
  new Error(
    `${dataDir} existiert, ist aber keine Lotse-Datenbank und kein leeres Verzeichnis. Verschieben Sie das Verzeichnis oder wählen Sie mit DATA_DIR ein anderes.`,
  );

/**
 * Opens the data directory, creating the database first when there is none. A new database is
 * built in a temporary directory, prepared by `prepare` (migrations, seed) and only then moved into
 * place, so an interrupted first start leaves no half-made database that looks complete:
 * - no directory yet: built in a temporary sibling, then renamed (one atomic step);
 * - an existing empty directory (a mounted volume, which cannot be renamed or replaced): built in
 *   `<dir>/.lotse-init`, then its entries are moved up with `PG_VERSION` last. A start that finds
 *   `.lotse-init` left behind finishes the cleanup (the move was complete when `PG_VERSION` is
 *   there) or removes the half-moved attempt and builds again.
 * A non-empty directory without a database is refused and left untouched.
 */
export async function openPgliteDataDir(
  dataDir: string,
  prepare: (pg: PGlite) => Promise<void>,
): Promise<{ pg: PGlite; created: boolean }> {
  recoverInterruptedInit(dataDir);
  if (existsSync(path.join(dataDir, completeMarker))) {
    return { pg: await PGlite.create({ dataDir, extensions: pgliteExtensions }), created: false };
  }
  if (existsSync(dataDir)) {
    if (!isEmptyDir(dataDir)) throw notLotse(dataDir);
    await createInside(dataDir, prepare);
  } else {
    await createBeside(dataDir, prepare);
  }
  return { pg: await PGlite.create({ dataDir, extensions: pgliteExtensions }), created: true };
}

/** True for an existing directory with nothing in it but what a fresh volume brings along. */
export function isEmptyDir(dir: string): boolean {
  if (!statSync(dir).isDirectory()) return false;
  return readdirSync(dir).every((name) => volumeEntries.has(name));
}

async function build(dir: string, prepare: (pg: PGlite) => Promise<void>): Promise<void> {
  const fresh = await PGlite.create({ dataDir: dir, extensions: pgliteExtensions });
  try {
    await prepare(fresh);
  } finally {
    await fresh.close();
  }
}

async function createBeside(dataDir: string, prepare: (pg: PGlite) => Promise<void>): Promise<void> {
  const tmpDir = `${dataDir}.init-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  await build(tmpDir, prepare);
  renameSync(tmpDir, dataDir);
}

function createInside(dataDir: string, prepare: (pg: PGlite) => Promise<void>): Promise<void> {
  return fillEmptyDir(dataDir, (initDir) => build(initDir, prepare));
}

/**
 * Fills an existing empty directory with a database that `make` writes into a directory inside it,
 * then moves the entries up, PG_VERSION last. The next open undoes or finishes an interrupted run.
 */
export async function fillEmptyDir(dataDir: string, make: (initDir: string) => Promise<void>): Promise<void> {
  const initDir = path.join(dataDir, initDirName);
  try {
    await make(initDir);
    const names = readdirSync(initDir).filter((name) => name !== completeMarker);
    for (const name of [...names, completeMarker]) renameSync(path.join(initDir, name), path.join(dataDir, name));
    rmdirSync(initDir);
  } catch (e) {
    if (!existsSync(path.join(dataDir, completeMarker))) removeOwnEntries(dataDir);
    throw e;
  }
}

/** After a first start in an existing directory was interrupted: finish or undo it. */
function recoverInterruptedInit(dataDir: string): void {
  const initDir = path.join(dataDir, initDirName);
  if (!existsSync(initDir)) return;
  if (existsSync(path.join(dataDir, completeMarker))) rmSync(initDir, { recursive: true, force: true });
  else removeOwnEntries(dataDir);
}

/** The directory was empty when the first start began, so everything in it but the volume's own entries is ours. */
function removeOwnEntries(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (!volumeEntries.has(name)) rmSync(path.join(dataDir, name), { recursive: true, force: true });
  }
}

/** Removes temporary directories left by first starts that were interrupted. */
export function removeAbandonedInitDirs(dataDir: string, readdir: (p: string) => string[]): void {
  const parent = path.dirname(dataDir);
  if (!existsSync(parent)) return;
  const prefix = `${path.basename(dataDir)}.init-`;
  for (const name of readdir(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (!isAlive(pid) || pid === process.pid) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}
