import { sql } from "kysely";
import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestApp } from "../../../tests/support/test-app.js";
import { kyselyOverPostgres } from "../../db/connection.js";
import { loadConfig } from "../../lib/config.js";
import { type Ctx, type Db, systemContext } from "../../lib/context.js";
import { DomainError } from "../../lib/errors.js";
import type { Actor } from "../../lib/http/actor.js";
import { msg } from "../../lib/i18n/messages.js";
import { registerJobHandler } from "./registry.js";
import { claimNextJob } from "./repository.js";
import { createJobRunner } from "./runner.js";
import { enqueueJob, jobState, readJob } from "./service.js";

const t = setupTestApp();
const config = loadConfig({ DATA_DIR: "/nonexistent" });
const log = pino({ level: "silent" });
const lease = 60_000;

const runner = (workerId: string, db: Db = t.db) => createJobRunner({ db, config, log, now: () => t.clock.now, leaseMs: lease, workerId });

/** On PostgreSQL a second pool of connections to the same database, as a second app instance has; PGlite has one. */
async function secondInstance(): Promise<{ db: Db; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { db: t.db, close: async () => {} };
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.db);
  const own = new URL(url);
  own.pathname = `/${rows[0]?.name}`;
  const db = kyselyOverPostgres(own.toString(), 2);
  return { db, close: () => db.destroy() };
}
const system = (): Ctx => systemContext({ db: t.db, config, log, now: t.clock.now }, "test");

/** A door a handler waits at until the test opens it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  let entered!: () => void;
  const reached = new Promise<void>((r) => {
    entered = r;
  });
  return { open, opened, entered, reached };
}

const runs: string[] = [];
let door = gate();
const seen: { actor: string | null; scope: unknown; requestId: string }[] = [];
let failures = 0;

beforeAll(() => {
  registerJobHandler("test.count", async (_ctx, job) => {
    runs.push(job.id);
    return { ran: job.id };
  });
  registerJobHandler("test.wait", async (_ctx, job, report) => {
    await report(0.5, msg("Halbzeit bei {what}", { what: "Test" }));
    door.entered();
    await door.opened;
    runs.push(job.id);
    return { waited: true };
  });
  registerJobHandler("test.who", async (ctx) => {
    seen.push({ actor: ctx.actor?.email ?? null, scope: ctx.scope, requestId: ctx.requestId });
    return null;
  });
  registerJobHandler("test.broken", async () => {
    failures++;
    throw new Error("kaputt");
  });
  registerJobHandler("test.refused", async () => {
    throw new DomainError("invalid", "Die Datei ist leer.");
  });
  registerJobHandler("test.busy", async (ctx, _job, report) => {
    for (let i = 0; i < 30; i++) {
      await ctx.db.selectFrom("job").select("id").limit(1).execute();
      await report(i / 30, "Beschäftigt");
    }
    return null;
  });
  registerJobHandler("test.endless", async (_ctx, _job, report) => {
    for (let i = 0; ; i++) {
      await report(Math.min(0.9, i / 100), "Läuft");
      await new Promise((r) => setTimeout(r, 5));
    }
  });
});

describe("jobs in the database", () => {
  it("two runners never run the same job: every job runs exactly once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await enqueueJob(system(), { kind: "test.count", payload: { i } }));
    const before = runs.length;
    const other = await secondInstance();
    try {
      const [a, b] = [runner("a"), runner("b", other.db)];
      const [na, nb] = await Promise.all([a.drainJobs(), b.drainJobs()]);
      expect(na + nb).toBe(12);
      expect(runs.slice(before).sort()).toEqual([...ids].sort());
      for (const id of ids) expect((await readJob(t, id))?.status).toBe("done");
      // One job, two runners asking at the same moment: one gets it.
      const single = await enqueueJob(system(), { kind: "test.count", payload: {} });
      expect((await Promise.all([a.runOnce(), b.runOnce()])).filter(Boolean)).toHaveLength(1);
      expect(runs.filter((r) => r === single)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it("a job that one runner works on is not taken by another, and its progress is visible meanwhile", async () => {
    door = gate();
    const waiting = await enqueueJob(system(), { kind: "test.wait", payload: {} });
    const instance = await secondInstance();
    const a = runner("a");
    const b = runner("b", instance.db);
    const first = a.runOnce();
    await door.reached;
    const other = await enqueueJob(system(), { kind: "test.count", payload: {} });
    const during = await readJob(t, waiting);
    expect(during).toMatchObject({ status: "running", progress: 0.5, attempts: 1 });
    expect(jobState({ locale: "de" }, during as NonNullable<typeof during>).progressText).toBe("Halbzeit bei Test");
    // The second runner takes the other job, not the one in progress.
    expect(await b.runOnce()).toBe(true);
    expect((await readJob(t, other))?.status).toBe("done");
    expect(await b.runOnce()).toBe(false);
    door.open();
    expect(await first).toBe(true);
    expect(await readJob(t, waiting)).toMatchObject({ status: "done", progress: 1, result: { waited: true }, attempts: 1 });
    await instance.close();
  });

  it("a job whose process died is taken again once its lease has run out, and completes", async () => {
    const id = await enqueueJob(system(), { kind: "test.count", payload: {} });
    // A worker claims it and "crashes": it never reports back.
    const claimed = await claimNextJob(t.db, { workerId: "dead", now: t.clock.now, leaseMs: lease, kinds: ["test.count"] });
    expect(claimed?.id).toBe(id);
    const r = runner("alive");
    expect(await r.runOnce()).toBe(false);
    t.clock.advance(lease + 1000);
    const before = runs.length;
    expect(await r.runOnce()).toBe(true);
    expect(runs.slice(before)).toEqual([id]);
    expect(await readJob(t, id)).toMatchObject({ status: "done", attempts: 2 });
  });

  it("a job interrupted on every attempt is failed after the last one, with a German message", async () => {
    const id = await enqueueJob(system(), { kind: "test.count", payload: {}, maxAttempts: 2 });
    for (const worker of ["dead-1", "dead-2"]) {
      expect((await claimNextJob(t.db, { workerId: worker, now: t.clock.now, leaseMs: lease, kinds: ["test.count"] }))?.id).toBe(id);
      t.clock.advance(lease + 1000);
    }
    const before = runs.length;
    expect(await runner("alive").runOnce()).toBe(false);
    expect(runs.length).toBe(before);
    const job = await readJob(t, id);
    expect(job).toMatchObject({ status: "failed", attempts: 2 });
    expect(jobState({ locale: "de" }, job as NonNullable<typeof job>).error).toBe(
      "Der Auftrag wurde 2-mal unterbrochen (Absturz oder Neustart) und wird nicht mehr versucht. Bitte starten Sie ihn neu.",
    );
    expect(jobState({ locale: "en" }, job as NonNullable<typeof job>).error).toMatch(/^The job was interrupted 2 times/);
  });

  it("a handler that fails is tried again later, then given up with a message", async () => {
    const id = await enqueueJob(system(), { kind: "test.broken", payload: {}, maxAttempts: 2 });
    const r = runner("a");
    const before = failures;
    expect(await r.runOnce()).toBe(true);
    expect(await readJob(t, id)).toMatchObject({ status: "queued", attempts: 1 });
    expect(await r.runOnce()).toBe(false);
    t.clock.advance(5000);
    expect(await r.runOnce()).toBe(true);
    expect(failures - before).toBe(2);
    const job = await readJob(t, id);
    expect(job?.status).toBe("failed");
    expect(jobState({ locale: "de" }, job as NonNullable<typeof job>).error).toMatch(/2-mal fehlgeschlagen/);
  });

  it("a job refused for its input fails at once with the reason, without retries", async () => {
    const id = await enqueueJob(system(), { kind: "test.refused", payload: {} });
    expect(await runner("a").runOnce()).toBe(true);
    const job = await readJob(t, id);
    expect(job).toMatchObject({ status: "failed", attempts: 1 });
    expect(jobState({ locale: "de" }, job as NonNullable<typeof job>).error).toBe("Die Datei ist leer.");
  });

  it("runs with the scope and audit identity of the person who asked", async () => {
    const actor: Actor = {
      id: (await t.db.selectFrom("app_user").select("id").where("email", "=", "beratung.wittenberg@demo.example").executeTakeFirstOrThrow())
        .id,
      email: "beratung.wittenberg@demo.example",
      displayName: "Walid Wittenberger",
      role: "counsellor",
      districts: ["15091"],
      organisation: null,
      mustChangePassword: false,
      totpEnabled: false,
      secondFactorPending: false,
      sessionTokenHash: "x",
    };
    const id = await enqueueJob({ ...system(), actor }, { kind: "test.who", payload: {} });
    await runner("a").drainJobs();
    expect(seen.at(-1)).toEqual({
      actor: "beratung.wittenberg@demo.example",
      scope: { districts: ["15091"], organisation: null },
      requestId: `job-${id}`,
    });
  });

  it("a long job lets requests and timers through at each progress report (PGlite answers in microtasks)", async () => {
    await enqueueJob(system(), { kind: "test.busy", payload: {} });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await runner("busy").drainJobs();
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it("stopping the runner hands the job in progress back to the queue without counting the attempt", async () => {
    const id = await enqueueJob(system(), { kind: "test.endless", payload: {} });
    const r = createJobRunner({ db: t.db, config, log, now: () => t.clock.now, leaseMs: lease, workerId: "stopping", pollMs: 10 });
    r.start();
    for (let i = 0; i < 200 && (await readJob(t, id))?.status !== "running"; i++) await new Promise((res) => setTimeout(res, 10));
    expect((await readJob(t, id))?.status).toBe("running");
    await r.stop();
    expect(await readJob(t, id)).toMatchObject({ status: "queued", attempts: 0 });
    await t.db.deleteFrom("job").where("id", "=", id).execute();
  });
});
