import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
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
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
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

/**
 * Opens the data directory, creating it first when it does not exist. A new directory is built in a
 * temporary sibling, prepared by `prepare` (migrations, seed) and only then renamed into place, so an
 * interrupted first start leaves no half-made database behind.
 */
export async function openPgliteDataDir(
  dataDir: string,
  prepare: (pg: PGlite) => Promise<void>,
): Promise<{ pg: PGlite; created: boolean }> {
  if (existsSync(path.join(dataDir, "PG_VERSION"))) {
    return { pg: await PGlite.create({ dataDir, extensions: pgliteExtensions }), created: false };
  }
  if (existsSync(dataDir)) {
    throw new Error(
      `${dataDir} existiert, ist aber keine Lotse-Datenbank. Verschieben Sie das Verzeichnis oder wählen Sie mit DATA_DIR ein anderes.`,
    );
  }
  const tmpDir = `${dataDir}.init-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const fresh = await PGlite.create({ dataDir: tmpDir, extensions: pgliteExtensions });
  try {
    await prepare(fresh);
  } finally {
    await fresh.close();
  }
  renameSync(tmpDir, dataDir);
  return { pg: await PGlite.create({ dataDir, extensions: pgliteExtensions }), created: true };
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
