import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupPglite, restorePglite } from "./backup.js";
import { openDatabase } from "./connection.js";
import { insertAccount, seedDemoData } from "./factories.js";
import { DataDirLockedError } from "./pglite-store.js";

const root = mkdtempSync(path.join(tmpdir(), "lotse-store-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function holdDatabase(dataDir: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "tests/support/hold-database.ts", dataDir], { stdio: ["ignore", "pipe", "pipe"] });
}

function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += String(d);
      if (out.includes(line)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

const countUsers = async (dataDir: string) => {
  const handle = await openDatabase({ dataDir });
  try {
    return (await handle.db.selectFrom("app_user").select("email").orderBy("email").execute()).map((r) => r.email);
  } finally {
    await handle.close();
  }
};

describe.skipIf(process.env.DATABASE_URL)("the embedded database's guards", () => {
  it("a second process on the same data directory gets a clear error and the first keeps working", async () => {
    const dataDir = path.join(root, "locked");
    const other = holdDatabase(dataDir);
    try {
      await waitForLine(other, "ready");
      const error = await openDatabase({ dataDir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message).toMatch(/wird bereits von einem anderen Lotse-Prozess \(PID \d+\) verwendet/);
    } finally {
      other.kill("SIGTERM");
      await new Promise((r) => other.once("exit", r));
    }
    expect(await countUsers(dataDir)).toContain("admin@demo.example");
  });

  it("a first start killed half-way leaves nothing broken: the next start creates the database cleanly", async () => {
    const dataDir = path.join(root, "crashed");
    const child = holdDatabase(dataDir);
    await new Promise((r) => setTimeout(r, 1200));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(false);
    const handle = await openDatabase({ dataDir, prepareNew: seedDemoData });
    expect(handle.created).toBe(true);
    await handle.close();
    expect(readdirSync(root).filter((n) => n.startsWith("crashed.init-"))).toEqual([]);
    expect(await countUsers(dataDir)).toHaveLength(5);
  });

  it("a stale lock of a crashed process is taken over", async () => {
    const dataDir = path.join(root, "stale");
    const child = holdDatabase(dataDir);
    await waitForLine(child, "ready");
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    expect(await countUsers(dataDir)).toHaveLength(5);
  });

  it("backup and restore: the restored database is the one of the backup, the replaced one is kept beside it", async () => {
    const dataDir = path.join(root, "backup");
    const handle = await openDatabase({ dataDir, prepareNew: seedDemoData });
    await handle.close();
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
  });
});
