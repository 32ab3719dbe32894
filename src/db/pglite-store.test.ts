import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupPglite, restorePglite } from "./backup.js";
import { openDatabase } from "./connection.js";
import { insertAccount, seedDemoData } from "./factories.js";
import { DataDirLockedError, initDirName } from "./pglite-store.js";

const root = mkdtempSync(path.join(tmpdir(), "lotse-store-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Tests that start a second Node process (tsx, migrations, seed): room for a busy machine. */
const withChildProcess = 180_000;
/** Tests that build one or two new databases in this process. */
const withNewDatabase = 120_000;

const children = new Set<ChildProcess>();
// A test that fails or times out while a child waits must not leave the child running.
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function holdDatabase(dataDir: string, ...args: string[]): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/hold-database.ts", dataDir, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  return child;
}

/** Resolves when the child prints `line`; fails (with its output) when it exits first. */
function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += String(d);
      if (out.split("\n").includes(line)) resolve();
    });
    child.stderr?.on("data", (d) => {
      out += String(d);
    });
    child.once("exit", (code, signal) => reject(new Error(`exited (${code ?? signal}) before "${line}": ${out}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const done = exited(child);
  child.kill(signal);
  await done;
}

const countUsers = async (dataDir: string) => {
  const handle = await openDatabase({ dataDir });
  try {
    return (await handle.db.selectFrom("app_user").select("email").orderBy("email").execute()).map((r) => r.email);
  } finally {
    await handle.close();
  }
};

let demoDatabase: Promise<string> | undefined;
/**
 * A closed database with the demo accounts, copied for the tests that need an existing one: a new
 * data directory costs an initdb (seconds on a busy machine), so only the tests of a first start make one.
 */
async function existingDatabase(name: string): Promise<string> {
  demoDatabase ??= openDatabase({ dataDir: path.join(root, "demo"), prepareNew: seedDemoData }).then(async (handle) => {
    await handle.close();
    return path.join(root, "demo");
  });
  const dataDir = path.join(root, name);
  cpSync(await demoDatabase, dataDir, { recursive: true });
  return dataDir;
}

/** A directory as a freshly formatted, mounted volume looks: it exists, holds only lost+found. */
function emptyVolume(name: string): { dir: string; inode: number } {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, "lost+found"), { recursive: true });
  return { dir, inode: statSync(dir).ino };
}

describe.skipIf(process.env.DATABASE_URL)("the embedded database's guards", () => {
  it(
    "a second process on the same data directory gets a clear error and the first keeps working",
    async () => {
      const dataDir = await existingDatabase("locked");
      const other = holdDatabase(dataDir);
      try {
        await waitForLine(other, "ready");
        const error = await openDatabase({ dataDir }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DataDirLockedError);
        expect((error as Error).message).toMatch(/wird bereits von einem anderen Lotse-Prozess \(PID \d+\) verwendet/);
      } finally {
        await kill(other, "SIGTERM");
      }
      expect(await countUsers(dataDir)).toContain("admin@demo.example");
    },
    withChildProcess,
  );

  it(
    "a first start killed half-way leaves nothing broken: the next start creates the database cleanly",
    async () => {
      const dataDir = path.join(root, "crashed");
      const child = holdDatabase(dataDir, "--hang-while-preparing");
      try {
        await waitForLine(child, "preparing");
        expect(existsSync(path.join(root, `crashed.init-${child.pid}`, "PG_VERSION"))).toBe(true);
      } finally {
        await kill(child, "SIGKILL");
      }
      expect(existsSync(dataDir)).toBe(false);
      const handle = await openDatabase({ dataDir, prepareNew: seedDemoData });
      expect(handle.created).toBe(true);
      await handle.close();
      expect(readdirSync(root).filter((n) => n.startsWith("crashed.init-"))).toEqual([]);
      expect(await countUsers(dataDir)).toHaveLength(5);
    },
    withChildProcess,
  );

  it(
    "a stale lock of a crashed process is taken over",
    async () => {
      const dataDir = await existingDatabase("stale");
      const child = holdDatabase(dataDir);
      await waitForLine(child, "ready");
      await kill(child, "SIGKILL");
      expect(existsSync(`${dataDir}.lock`)).toBe(true);
      expect(await countUsers(dataDir)).toHaveLength(5);
    },
    withChildProcess,
  );

  it(
    "backup and restore: the restored database is the one of the backup, the replaced one is kept beside it",
    async () => {
      const dataDir = await existingDatabase("backup");
      const file = path.join(root, "lotse.tar.gz");
      expect(await backupPglite(dataDir, file)).toBeGreaterThan(1000);

      const later = await openDatabase({ dataDir });
      await insertAccount(later.db, { email: "nach-der-sicherung@test.example", displayName: "Später", role: "coordinator" });
      await later.close();
      expect(await countUsers(dataDir)).toHaveLength(6);

      await expect(restorePglite(dataDir, file, { replace: false })).rejects.toThrow(/--replace/);
      const kept = await restorePglite(dataDir, file, { replace: true });
      expect(await countUsers(dataDir)).toHaveLength(5);
      expect(kept && (await countUsers(kept))).toHaveLength(6);
      await expect(restorePglite(path.join(root, "x"), path.join(root, "missing.tar.gz"), { replace: false })).rejects.toThrow(
        /gibt es nicht/,
      );

      // Into an empty mounted volume (which cannot be renamed): filled in place, no --replace needed.
      const volume = emptyVolume("volume-restore");
      expect(await restorePglite(volume.dir, file, { replace: false })).toBeNull();
      expect(statSync(volume.dir).ino).toBe(volume.inode);
      expect(readdirSync(volume.dir)).not.toContain(initDirName);
      expect(await countUsers(volume.dir)).toHaveLength(5);
      await expect(restorePglite(volume.dir, file, { replace: false })).rejects.toThrow(/--replace/);
    },
    withNewDatabase,
  );
});

describe.skipIf(process.env.DATABASE_URL)("DATA_DIR is an existing directory (a mounted volume)", () => {
  it(
    "an empty one is treated as new: the database is created inside it, the directory itself stays",
    async () => {
      const volume = emptyVolume("volume-empty");
      const handle = await openDatabase({ dataDir: volume.dir, prepareNew: seedDemoData });
      expect(handle.created).toBe(true);
      await handle.close();
      expect(statSync(volume.dir).ino).toBe(volume.inode);
      expect(existsSync(path.join(volume.dir, "PG_VERSION"))).toBe(true);
      expect(existsSync(path.join(volume.dir, "lost+found"))).toBe(true);
      expect(existsSync(path.join(volume.dir, initDirName))).toBe(false);
      expect(await countUsers(volume.dir)).toHaveLength(5);
      const again = await openDatabase({ dataDir: volume.dir });
      expect(again.created).toBe(false);
      await again.close();
    },
    withNewDatabase,
  );

  it("a non-empty one that is not a Lotse database is refused with a clear message and left as it was", async () => {
    const dir = path.join(root, "volume-foreign");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "notizen.txt"), "nicht von Lotse");
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(openDatabase({ dataDir: dir, prepareNew: seedDemoData })).rejects.toThrow(
        `${dir} existiert, ist aber keine Lotse-Datenbank und kein leeres Verzeichnis`,
      );
    }
    expect(readdirSync(dir)).toEqual(["notizen.txt"]);

    const file = path.join(root, "volume-is-a-file");
    writeFileSync(file, "");
    await expect(openDatabase({ dataDir: file })).rejects.toThrow(/existiert, ist aber keine Lotse-Datenbank/);
  });

  it(
    "a first start killed while building the database in it leaves nothing that looks complete; the next start builds it cleanly",
    async () => {
      const volume = emptyVolume("volume-crashed");
      const child = holdDatabase(volume.dir, "--hang-while-preparing");
      try {
        await waitForLine(child, "preparing");
        expect(existsSync(path.join(volume.dir, initDirName, "PG_VERSION"))).toBe(true);
        expect(existsSync(path.join(volume.dir, "PG_VERSION"))).toBe(false);
      } finally {
        await kill(child, "SIGKILL");
      }
      const handle = await openDatabase({ dataDir: volume.dir, prepareNew: seedDemoData });
      expect(handle.created).toBe(true);
      await handle.close();
      expect(statSync(volume.dir).ino).toBe(volume.inode);
      expect(readdirSync(volume.dir)).not.toContain(initDirName);
      expect(await countUsers(volume.dir)).toHaveLength(5);
    },
    withChildProcess,
  );

  it(
    "a first start killed while moving the built database up: undone before PG_VERSION moved, finished after",
    async () => {
      // One built database (demo accounts plus one marker account) as a first start leaves it in .lotse-init.
      const built = await existingDatabase("volume-built");
      const handle = await openDatabase({ dataDir: built });
      await insertAccount(handle.db, { email: "gebaut@test.example", displayName: "Gebaut", role: "coordinator" });
      await handle.close();
      const interrupted = (name: string, moveMarker: boolean) => {
        const volume = emptyVolume(name);
        const initDir = path.join(volume.dir, initDirName);
        cpSync(built, initDir, { recursive: true });
        const entries = readdirSync(initDir).filter((n) => n !== "PG_VERSION");
        const moved = moveMarker ? [...entries, "PG_VERSION"] : entries.slice(0, Math.ceil(entries.length / 2));
        for (const n of moved) renameSync(path.join(initDir, n), path.join(volume.dir, n));
        return volume.dir;
      };

      const halfMoved = interrupted("volume-half-moved", false);
      const rebuilt = await openDatabase({ dataDir: halfMoved, prepareNew: seedDemoData });
      expect(rebuilt.created).toBe(true);
      await rebuilt.close();
      expect(readdirSync(halfMoved)).not.toContain(initDirName);
      expect(await countUsers(halfMoved)).not.toContain("gebaut@test.example");
      expect(await countUsers(halfMoved)).toHaveLength(5);

      const allMoved = interrupted("volume-all-moved", true);
      const finished = await openDatabase({ dataDir: allMoved, prepareNew: seedDemoData });
      expect(finished.created).toBe(false);
      await finished.close();
      expect(readdirSync(allMoved)).not.toContain(initDirName);
      expect(await countUsers(allMoved)).toContain("gebaut@test.example");
    },
    withNewDatabase,
  );
});
