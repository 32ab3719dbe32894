import { type Ctx, systemContext } from "../../lib/context.js";
import { type Actor, scopeOf } from "../../lib/http/actor.js";
import { translate } from "../../lib/i18n/messages.js";
import { jobQueued } from "./registry.js";
import { findJob, insertJob, insertScheduledJob } from "./repository.js";
import type { Job, JobState, Requester } from "./schema.js";

export { registerJobHandler } from "./registry.js";

/** Wakes this process's runners, after a transaction that asked for jobs has committed. */
export const notifyJobRunners = (): void => jobQueued();

/**
 * Asks for a job: stored, then taken by a runner of any app instance. Inside `withWrite` the job is
 * part of the transaction (it exists only if the rest is written). The job remembers who asked.
 */
export async function enqueueJob(ctx: Ctx, job: { kind: string; payload: unknown; maxAttempts?: number }): Promise<string> {
  const id = await insertJob(ctx.db, {
    kind: job.kind,
    payload: job.payload,
    requester: requesterOf(ctx.actor),
    maxAttempts: job.maxAttempts ?? 3,
    now: ctx.now,
  });
  if (!ctx.inWrite) jobQueued();
  return id;
}

/** Queues a scheduled job (kind "scheduled.…") for `runAfter`, unless one of that kind is already waiting. */
export async function scheduleJob(ctx: Ctx, kind: `scheduled.${string}`, runAfter: Date): Promise<boolean> {
  return insertScheduledJob(ctx.db, kind, runAfter, ctx.now);
}

/** A job by id. Features check who may see the resource the job works on; the job itself has no scope. */
export function readJob(ctx: Pick<Ctx, "db">, id: string): Promise<Job | undefined> {
  return findJob(ctx.db, id);
}

/** The job's state as `GET` on its resource shows it, in the reader's language. */
export function jobState(ctx: Pick<Ctx, "locale">, job: Job): JobState {
  return {
    status: job.status,
    progress: job.progress,
    progressText: job.progressText ? translate(ctx.locale, job.progressText) : null,
    error: job.status === "failed" && job.error ? translate(ctx.locale, job.error) : null,
  };
}

function requesterOf(actor: Actor | null): Requester | null {
  if (!actor) return null;
  return {
    id: actor.id,
    email: actor.email,
    displayName: actor.displayName,
    role: actor.role,
    districts: [...actor.districts],
    organisation: actor.organisation,
  };
}

/**
 * The context a job runs in: a system context (no request), but acting as the person who asked, with
 * their scope and their name in the audit log; the request id names the job.
 */
export function jobContext(deps: Parameters<typeof systemContext>[0], job: Pick<Job, "id" | "kind" | "requester">): Ctx {
  const base = systemContext(deps, `job-${job.kind}`);
  const r = job.requester;
  if (!r) return { ...base, requestId: `job-${job.id}` };
  const actor: Actor = {
    ...r,
    mustChangePassword: false,
    totpEnabled: false,
    secondFactorPending: false,
    sessionTokenHash: "",
  };
  return { ...base, actor, scope: scopeOf(actor), requestId: `job-${job.id}` };
}
