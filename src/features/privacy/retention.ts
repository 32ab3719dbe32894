import { berlinDate } from "../../lib/berlin-date.js";
import type { Ctx } from "../../lib/context.js";
import { msg } from "../../lib/i18n/messages.js";
import { closedBefore } from "../candidates/service.js";
import { registerJobHandler } from "../jobs/registry.js";
import { enqueueJob, notifyJobRunners, scheduleJob } from "../jobs/service.js";
import { anonymisePerson } from "./data-requests.js";
import type { RetentionPreview } from "./schema.js";

export const retentionKind = "scheduled.retention";

/** The day before which a closed case is anonymised: RETENTION_MONTHS calendar months before today. */
export function retentionCutoff(now: Date, months: number): Date {
  const [y, m, d] = berlinDate(now).split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)));
}

/** The next run: tomorrow at 03:00 UTC (a quiet hour), whatever time it is now. */
export function nextRetentionRun(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 3, 0, 0));
}

/** Dry run: who the next run would anonymise, and the cutoff. Changes nothing. */
export async function retentionPreview(ctx: Ctx): Promise<RetentionPreview> {
  const cutoff = retentionCutoff(ctx.now, ctx.config.retentionMonths);
  return { months: ctx.config.retentionMonths, cutoff: cutoff.toISOString().slice(0, 10), items: await closedBefore(ctx, cutoff) };
}

/** An administrator starts a run now (besides the nightly one). */
export async function startRetentionRun(ctx: Ctx): Promise<string> {
  const id = await enqueueJob(ctx, { kind: "privacy.retention_now", payload: {} });
  notifyJobRunners();
  return id;
}

/** Queues the nightly run unless one is waiting: called at start and after each run. */
export function scheduleRetention(ctx: Ctx): Promise<boolean> {
  return scheduleJob(ctx, retentionKind, nextRetentionRun(ctx.now));
}

async function runRetention(ctx: Ctx, _job: unknown, report: (f: number, t: ReturnType<typeof msg>) => Promise<void>) {
  const cutoff = retentionCutoff(ctx.now, ctx.config.retentionMonths);
  const due = await closedBefore(ctx, cutoff, 100_000);
  let done = 0;
  for (const person of due) {
    await anonymisePerson(ctx, person.id, "anonymise");
    done++;
    if (done % 20 === 0) await report(done / due.length, msg("{done} von {total} anonymisiert", { done, total: due.length }));
  }
  return { anonymised: done, cutoff: cutoff.toISOString().slice(0, 10) };
}

registerJobHandler(retentionKind, async (ctx, job, report) => {
  const result = await runRetention(ctx, job, report);
  await scheduleRetention(ctx);
  return result;
});
registerJobHandler("privacy.retention_now", (ctx, job, report) => runRetention(ctx, job, report));
