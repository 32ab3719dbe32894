import { type SqlBool, sql } from "kysely";
import type { Db } from "../../lib/context.js";
import type { Msg } from "../../lib/i18n/messages.js";
import type { Job, JobStatus, Requester } from "./schema.js";

/**
 * The job table (decision record 0007). Every state change after the claim names the worker that holds
 * the lease (`locked_by`): a worker whose lease ran out and was taken over changes nothing any more.
 */

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
/** jsonb comes back parsed from both drivers (a stored string stays a string). */
const parsed = (value: unknown): unknown => value;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type Row = {
  id: string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  requested_as: unknown;
  progress: number;
  progress_text: unknown;
  result: unknown;
  error: unknown;
  attempts: number;
  max_attempts: number;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
};

function toJob(r: Row): Job {
  return {
    id: r.id,
    kind: r.kind,
    payload: parsed(r.payload),
    status: r.status,
    requester: (parsed(r.requested_as) as Requester | null) ?? null,
    progress: Number(r.progress),
    progressText: (parsed(r.progress_text) as Msg | null) ?? null,
    result: parsed(r.result) ?? null,
    error: (parsed(r.error) as Msg | null) ?? null,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    createdAt: iso(r.created_at) as string,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
  };
}

const columns = [
  "id",
  "kind",
  "payload",
  "status",
  "requested_as",
  "progress",
  "progress_text",
  "result",
  "error",
  "attempts",
  "max_attempts",
  "created_at",
  "started_at",
  "finished_at",
] as const;

export async function insertJob(
  db: Db,
  job: { kind: string; payload: unknown; requester: Requester | null; maxAttempts: number; now: Date; runAfter?: Date },
): Promise<string> {
  const { id } = await db
    .insertInto("job")
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      requested_by: job.requester?.id ?? null,
      requested_as: json(job.requester),
      max_attempts: job.maxAttempts,
      run_after: job.runAfter ?? job.now,
      created_at: job.now,
      updated_at: job.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function findJob(db: Db, id: string): Promise<Job | undefined> {
  const row = await db.selectFrom("job").select(columns).where("id", "=", id).executeTakeFirst();
  return row && toJob(row as Row);
}

/**
 * Jobs whose lease ran out (the process died) after their last allowed attempt: failed with `error`,
 * never started again.
 */
export async function failExhaustedJobs(db: Db, now: Date, error: (attempts: number) => Msg): Promise<{ id: string; kind: string }[]> {
  const rows = await db
    .selectFrom("job")
    .select(["id", "kind", "attempts"])
    .where("status", "=", "running")
    .where("locked_until", "<", now)
    .where(sql<SqlBool>`attempts >= max_attempts`)
    .execute();
  const failed: { id: string; kind: string }[] = [];
  for (const r of rows) {
    const res = await db
      .updateTable("job")
      .set({ status: "failed", error: json(error(r.attempts)), finished_at: now, locked_by: null, locked_until: null, updated_at: now })
      .where("id", "=", r.id)
      .where("status", "=", "running")
      .where("locked_until", "<", now)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) > 0) failed.push({ id: r.id, kind: r.kind });
  }
  return failed;
}

/**
 * Takes the oldest job that is due (queued) or whose lease ran out (its worker died), for one worker:
 * one statement, `FOR UPDATE SKIP LOCKED`, so two workers on one PostgreSQL never take the same job.
 */
export async function claimNextJob(
  db: Db,
  claim: { workerId: string; now: Date; leaseMs: number; kinds: readonly string[] },
): Promise<Job | undefined> {
  if (claim.kinds.length === 0) return undefined;
  const { now } = claim;
  const row = await db
    .updateTable("job")
    .set({
      status: "running",
      attempts: sql<number>`attempts + 1`,
      locked_by: claim.workerId,
      locked_until: new Date(now.getTime() + claim.leaseMs),
      started_at: sql<Date>`coalesce(started_at, ${now})`,
      updated_at: now,
    })
    .where("id", "=", (eb) =>
      eb
        .selectFrom("job")
        .select("id")
        .where("kind", "in", [...claim.kinds])
        .where((w) =>
          w.or([
            w.and([w("status", "=", "queued"), w("run_after", "<=", now)]),
            w.and([w("status", "=", "running"), w("locked_until", "<", now), sql<SqlBool>`attempts < max_attempts`]),
          ]),
        )
        .orderBy("created_at")
        .orderBy("id")
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(columns)
    .executeTakeFirst();
  return row && toJob(row as Row);
}

const held = (db: Db, id: string, workerId: string) =>
  db.updateTable("job").where("id", "=", id).where("locked_by", "=", workerId).where("status", "=", "running");

/** Renews the lease (and records progress); false when the lease was lost to another worker. */
export async function extendLease(
  db: Db,
  id: string,
  workerId: string,
  until: Date,
  now: Date,
  progress?: { value: number; text: Msg },
): Promise<boolean> {
  const res = await held(db, id, workerId)
    .set({
      locked_until: until,
      updated_at: now,
      ...(progress ? { progress: Math.min(1, Math.max(0, progress.value)), progress_text: json(progress.text) } : {}),
    })
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function finishJob(db: Db, id: string, workerId: string, now: Date, result: unknown, text: Msg): Promise<boolean> {
  const res = await held(db, id, workerId)
    .set({
      status: "done",
      result: json(result),
      error: null,
      progress: 1,
      progress_text: json(text),
      finished_at: now,
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function failJob(db: Db, id: string, workerId: string, now: Date, error: Msg): Promise<boolean> {
  const res = await held(db, id, workerId)
    .set({ status: "failed", error: json(error), finished_at: now, locked_by: null, locked_until: null, updated_at: now })
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** After a failed attempt: queued again, not before `runAfter`. */
export async function retryJobLater(db: Db, id: string, workerId: string, now: Date, runAfter: Date, note: Msg): Promise<boolean> {
  const res = await held(db, id, workerId)
    .set({ status: "queued", run_after: runAfter, error: json(note), locked_by: null, locked_until: null, updated_at: now })
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** An orderly stop (SIGTERM): queued again at once, and the interrupted attempt does not count. */
export async function releaseJob(db: Db, id: string, workerId: string, now: Date): Promise<boolean> {
  const res = await held(db, id, workerId)
    .set({
      status: "queued",
      attempts: sql<number>`greatest(attempts - 1, 0)`,
      run_after: now,
      locked_by: null,
      locked_until: null,
      updated_at: now,
    })
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/**
 * A scheduled job (kind "scheduled.…") queued for later, unless one of that kind is already waiting
 * (a unique index allows one waiting run per kind): a second start or a second instance adds nothing.
 */
export async function insertScheduledJob(db: Db, kind: string, runAfter: Date, now: Date): Promise<boolean> {
  const result = await sql`
    insert into job (kind, payload, run_after, created_at, updated_at, max_attempts)
    values (${kind}, '{}'::jsonb, ${runAfter}, ${now}, ${now}, 3)
    on conflict (kind) where status = 'queued' and kind like 'scheduled.%' do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}
