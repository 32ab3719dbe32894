import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type Kysely, sql } from "kysely";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { pgliteTemplatePath, postgresTemplateName } from "../../../tests/support/template-db.js";
import { kyselyOverPostgres, openDatabase } from "../../db/connection.js";
import { demoAccounts, insertAccount } from "../../db/factories.js";
import { pgliteExtensions } from "../../db/pglite-store.js";
import type { Database } from "../../db/types.js";
import { loadConfig } from "../../lib/config.js";
import { systemContext } from "../../lib/context.js";
import { createJobRunner } from "../jobs/runner.js";
import { commitImport, startImport } from "./service.js";

/**
 * A commit killed with SIGKILL in the middle: a real second process (the app's runner), killed when it
 * says it wrote a batch. Afterwards only whole batches are in the database, and the next runner, once
 * the dead one's lease has run out, finishes the import with every row exactly once.
 */

const rows = 3000;
const batchSize = 100;
const config = loadConfig({ DATA_DIR: "/nonexistent" });
const log = pino({ level: "silent" });
const root = mkdtempSync(path.join(tmpdir(), "lotse-crash-"));
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups) await cleanup();
  rmSync(root, { recursive: true, force: true });
});

type Target = { arg: string; open: () => Promise<{ db: Kysely<Database>; close: () => Promise<void> }> };

/** A migrated database of its own (a copy of the test template) that a second process can open. */
async function database(): Promise<Target> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `lotse_crash_${randomBytes(5).toString("hex")}`;
    const admin = kyselyOverPostgres(url, 1);
    await sql.raw(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName}`).execute(admin);
    const own = new URL(url);
    own.pathname = `/${name}`;
    cleanups.push(async () => {
      await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin);
      await admin.destroy();
    });
    return {
      arg: own.toString(),
      open: async () => {
        const db = kyselyOverPostgres(own.toString(), 2);
        return { db, close: () => db.destroy() };
      },
    };
  }
  const dataDir = path.join(root, "db");
  const pg = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(pgliteTemplatePath())]), extensions: pgliteExtensions });
  await pg.close();
  return { arg: dataDir, open: () => openDatabase({ dataDir }) };
}

/** Resolves with the first line that starts with `prefix`; fails (with the output) when the child exits first. */
function lineFrom(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += String(d);
      const line = out.split("\n").find((l) => l.startsWith(prefix));
      if (line) resolve(line);
    });
    child.stderr?.on("data", (d) => {
      out += String(d);
    });
    child.once("exit", (code, signal) => reject(new Error(`exited (${code ?? signal}) before "${prefix}": ${out}`)));
  });
}

const companyFile = () => {
  const lines = ["Name;PLZ;Ort;Beruf;Plätze;Beginn"];
  for (let i = 1; i <= rows; i++) lines.push(`Absturz-Betrieb ${String(i).padStart(5, "0")};06108;Halle;Tischler/-in;1;01.08.2027`);
  return new TextEncoder().encode(lines.join("\n"));
};

async function state(db: Kysely<Database>, importId: string) {
  const { committed_rows, commit_job_id } = await db
    .selectFrom("data_import")
    .select(["committed_rows", "commit_job_id"])
    .where("id", "=", importId)
    .executeTakeFirstOrThrow();
  const count = async (q: Promise<{ n: number | string }>) => Number((await q).n);
  const companies = await count(
    db
      .selectFrom("company")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("name", "like", "Absturz-Betrieb %")
      .executeTakeFirstOrThrow(),
  );
  const distinct = await count(
    db
      .selectFrom("company")
      .select(sql<number>`count(distinct name)`.as("n"))
      .where("name", "like", "Absturz-Betrieb %")
      .executeTakeFirstOrThrow(),
  );
  const offers = await count(
    db
      .selectFrom("offer")
      .innerJoin("company", "company.id", "offer.company_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("company.name", "like", "Absturz-Betrieb %")
      .executeTakeFirstOrThrow(),
  );
  const reported = await count(
    db
      .selectFrom("data_import_row")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("import_id", "=", importId)
      .where("phase", "=", "commit")
      .executeTakeFirstOrThrow(),
  );
  const job = await db
    .selectFrom("job")
    .select(["status", "attempts"])
    .where("id", "=", commit_job_id as string)
    .executeTakeFirstOrThrow();
  return { checkpoint: committed_rows, companies, distinct, offers, reported, job };
}

describe("a commit killed with SIGKILL", () => {
  it("leaves only whole batches, and is picked up after its lease to finish with every row once", { timeout: 240_000 }, async () => {
    const target = await database();
    let importId: string;
    {
      const { db, close } = await target.open();
      const coordinatorSpec = demoAccounts.find((a) => a.role === "coordinator");
      const coordinatorId = await insertAccount(db, coordinatorSpec as NonNullable<typeof coordinatorSpec>);
      const ctx = {
        ...systemContext({ db, config, log }, "test"),
        actor: {
          id: coordinatorId,
          email: "koordination@demo.example",
          displayName: "Konrad Koordinator",
          role: "coordinator" as const,
          districts: [],
          organisation: null,
          mustChangePassword: false,
          totpEnabled: false,
          secondFactorPending: false,
          sessionTokenHash: "",
        },
        scope: { districts: "all" as const, organisation: null },
      };
      ({ id: importId } = await startImport(ctx, { format: "csv", fileName: "gross.csv", bytes: companyFile() }, { batchSize }));
      await createJobRunner({ db, config, log }).drainJobs();
      await commitImport(ctx, importId);
      await close();
    }

    const child = spawn(process.execPath, ["--import", "tsx", "src/features/imports/crash-child.test-support.ts", target.arg], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.add(child);
    await lineFrom(child, "progress ");
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    const { db, close } = await target.open();
    try {
      const after = await state(db, importId);
      // Killed in the middle: some batches written, not all, and each of them whole.
      expect(after.job).toMatchObject({ status: "running", attempts: 1 });
      const written = after.checkpoint - 1; // rows 2 … checkpoint (row 1 is the header)
      expect(written).toBeGreaterThanOrEqual(batchSize);
      expect(written).toBeLessThan(rows);
      expect(written % batchSize).toBe(0);
      expect(after).toMatchObject({ companies: written, distinct: written, offers: written, reported: written });

      // The dead runner's lease has not run out: nobody takes the job yet; afterwards the next runner does.
      const later = new Date(Date.now() + 2 * 60_000);
      expect(await createJobRunner({ db, config, log }).runOnce()).toBe(false);
      expect(await createJobRunner({ db, config, log, now: () => later }).drainJobs()).toBe(1);
      const done = await state(db, importId);
      expect(done).toMatchObject({ companies: rows, distinct: rows, offers: rows, reported: rows, job: { status: "done", attempts: 2 } });
    } finally {
      await close();
    }
  });
});
