import { randomUUID } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rmdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { fail } from "./errors.js";

/**
 * Where uploaded documents live. The default provider is a folder on disk (FILES_DIR); another
 * provider (object storage) only has to implement these five calls.
 */
export type FileStorage = {
  /** Atomic: written to a temporary file beside the target, then renamed. Folders 0o700, files 0o600. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Throws a not-found DomainError if there is no file under the key. */
  get(key: string): Promise<Buffer>;
  /** True if the file existed; deleting a missing key is fine. */
  delete(key: string): Promise<boolean>;
  exists(key: string): Promise<boolean>;
  /** For erasure checks and the retention job: every key under a prefix ("" for all), sorted. */
  list(prefix: string): Promise<string[]>;
};

const segment = /^[a-z0-9-]+$/;
const maxKeyLength = 400;

/** Keys are lower-case segments of [a-z0-9-] joined by "/": no "..", ".", empty or absolute parts. */
export function isStorageKey(key: string): boolean {
  return typeof key === "string" && key.length > 0 && key.length <= maxKeyLength && key.split("/").every((s) => segment.test(s));
}

function checkKey(key: string): string[] {
  // A programming error, never the user's input: keys are made by newStorageKey.
  if (!isStorageKey(key)) throw new RangeError(`Invalid storage key: ${JSON.stringify(key)}`);
  return key.split("/");
}

/** A fresh key under a prefix such as "candidates/<uuid>"; never derived from the user's file name. */
export function newStorageKey(prefix: string): string {
  checkKey(prefix);
  return `${prefix}/${randomUUID()}`;
}

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;

export function folderStorage(root: string): FileStorage {
  const base = path.resolve(root);
  const fileOf = (key: string) => path.join(base, ...checkKey(key));

  async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
    const handle = await open(tmp, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.chmod(0o600); // independent of the umask
      await handle.sync();
    } catch (e) {
      await handle.close();
      await unlink(tmp).catch(() => {});
      throw e;
    }
    await handle.close();
    try {
      await rename(tmp, file);
    } catch (e) {
      await unlink(tmp).catch(() => {});
      throw e;
    }
  }

  /** Removes the now-empty folders between a deleted file and the root (never the root itself). */
  async function pruneEmptyParents(file: string): Promise<void> {
    for (let dir = path.dirname(file); dir.startsWith(base + path.sep); dir = path.dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or already gone, or in use by a concurrent put)
      }
    }
  }

  async function isFile(file: string): Promise<boolean> {
    try {
      return (await stat(file)).isFile();
    } catch (e) {
      if (code(e) === "ENOENT" || code(e) === "ENOTDIR") return false;
      throw e;
    }
  }

  async function walk(dir: string, prefix: string[], out: string[]): Promise<void> {
    let entries: import("node:fs").Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (code(e) === "ENOENT" || code(e) === "ENOTDIR") return;
      throw e;
    }
    for (const entry of entries) {
      // Temporary files (".name.uuid.tmp") and anything else that is not a key segment are skipped.
      if (!segment.test(entry.name)) continue;
      const parts = [...prefix, entry.name];
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), parts, out);
      else if (entry.isFile()) out.push(parts.join("/"));
    }
  }

  return {
    async put(key, bytes) {
      const file = fileOf(key);
      // A concurrent delete may prune the folder between mkdir and open: then make it again.
      for (let attempt = 1; ; attempt++) {
        await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
        try {
          return await writeAtomically(file, bytes);
        } catch (e) {
          if (code(e) !== "ENOENT" || attempt >= 3) throw e;
        }
      }
    },

    async get(key) {
      const file = fileOf(key);
      try {
        return await readFile(file);
      } catch (e) {
        if (["ENOENT", "ENOTDIR", "EISDIR"].includes(code(e) ?? "")) throw fail.notFound("Das Dokument");
        throw e;
      }
    },

    async delete(key) {
      const file = fileOf(key);
      if (!(await isFile(file))) return false;
      try {
        await unlink(file);
      } catch (e) {
        if (code(e) === "ENOENT") return false;
        throw e;
      }
      await pruneEmptyParents(file);
      return true;
    },

    async exists(key) {
      return isFile(fileOf(key));
    },

    async list(prefix) {
      const trimmed = prefix.replace(/\/$/, "");
      const parts = trimmed === "" ? [] : checkKey(trimmed);
      const target = path.join(base, ...parts);
      if (parts.length > 0 && (await isFile(target))) return [trimmed];
      const out: string[] = [];
      await walk(target, parts, out);
      return out.sort();
    },
  };
}
