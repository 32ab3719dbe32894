import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock, fillEmptyDir, isEmptyDir, pgliteExtensions } from "./pglite-store.js";

/**
 * Backup of the embedded database: a gzip'd tar of the PGlite data directory. Taken while Lotse is
 * stopped (the lock guarantees it), so the copy is consistent.
 */
export async function backupPglite(dataDir: string, file: string): Promise<number> {
  if (!existsSync(dataDir)) throw new Error(`Keine Datenbank in ${dataDir} gefunden.`);
  const release = acquireDataDirLock(dataDir);
  try {
    const pg = await PGlite.create({ dataDir, extensions: pgliteExtensions });
    try {
      const dump = await pg.dumpDataDir("gzip");
      const bytes = Buffer.from(await dump.arrayBuffer());
      writeFileSync(`${file}.part`, bytes);
      renameSync(`${file}.part`, file);
      return bytes.length;
    } finally {
      await pg.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores a backup into the data directory. The backup is unpacked and opened in a temporary
 * directory first; only a database that opens is moved into place. An existing database is kept
 * beside it as `<dir>.before-restore-<time>` and only replaced when `replace` is set. An existing
 * empty directory (a mounted volume) is filled in place, as a first start does.
 */
export async function restorePglite(dataDir: string, file: string, options: { replace: boolean; now?: Date }): Promise<string | null> {
  if (!existsSync(file)) throw new Error(`Die Sicherung ${file} gibt es nicht.`);
  const intoEmptyDir = existsSync(dataDir) && isEmptyDir(dataDir);
  if (existsSync(dataDir) && !intoEmptyDir && !options.replace) {
    throw new Error(`In ${dataDir} liegt bereits eine Datenbank. Mit --replace wird sie ersetzt (sie bleibt daneben erhalten).`);
  }
  const release = acquireDataDirLock(dataDir);
  const unpack = async (dir: string) => {
    const pg = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([readFileSync(file)]), extensions: pgliteExtensions });
    await pg.query("select count(*) from app_user");
    await pg.close();
  };
  if (intoEmptyDir) {
    // An empty directory that may be a mounted volume: it cannot be renamed, so the backup is unpacked inside it.
    try {
      await fillEmptyDir(dataDir, unpack);
      return null;
    } finally {
      release();
    }
  }
  const tmp = `${dataDir}.restore-${process.pid}`;
  try {
    rmSync(tmp, { recursive: true, force: true });
    await unpack(tmp);
    let kept: string | null = null;
    if (existsSync(dataDir)) {
      kept = `${dataDir}.before-restore-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, "-")}`;
      try {
        renameSync(dataDir, kept);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== "EBUSY" && code !== "EXDEV" && code !== "EPERM") throw e;
        throw new Error(
          `${dataDir} lässt sich nicht umbenennen (ein eingehängtes Volume?). Verschieben Sie seinen Inhalt an einen anderen Ort und stellen Sie in das dann leere Verzeichnis wieder her.`,
        );
      }
    }
    renameSync(tmp, dataDir);
    return kept;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    release();
  }
}
