import { audit } from "../../lib/audit.js";
import { berlinDate, berlinDatePlus } from "../../lib/berlin-date.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { scopeOf, systemScope } from "../../lib/http/actor.js";
import { msg } from "../../lib/i18n/messages.js";
import { createMailer } from "../../lib/mail.js";
import { registerJobHandler } from "../jobs/registry.js";
import { enqueueJob, notifyJobRunners, scheduleJob } from "../jobs/service.js";
import { listUsers } from "../users/service.js";
import { germanDate } from "./deadlines.js";
import { storeRunDates } from "./run-facts.js";
import { findDueSteps } from "./run-report-repository.js";
import { unfinishedRunIds } from "./run-repository.js";
import { findRunSteps } from "./run-step-repository.js";
import { requireRun } from "./runs.js";
import { chainPaths } from "./schema.js";

/**
 * The weekly digest: every Monday morning each active counsellor gets one mail with the open steps of the chains
 * in their districts that are overdue or due in the coming seven days (none: no mail). Before it, the stored
 * due dates of every running chain are computed again (a match may have reached a stage since). A job
 * (`scheduled.chains_digest`), queued again after each run; an administrator or coordinator can send it at once.
 */

export const digestKind = "scheduled.chains_digest";
const digestNowKind = "chains.digest_now";

/** Next Monday 05:00 UTC (06:00 or 07:00 in Germany), strictly after `now`. */
export function nextDigestRun(now: Date): Date {
  const day = now.getUTCDay();
  const ahead = (8 - day) % 7 || 7;
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ahead, 5, 0, 0));
  const thisMonday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 5, 0, 0));
  return day === 1 && thisMonday > now ? thisMonday : monday;
}

export function scheduleChainDigest(ctx: Ctx): Promise<boolean> {
  return scheduleJob(ctx, digestKind, nextDigestRun(ctx.now));
}

export async function startDigest(ctx: Ctx): Promise<{ id: string }> {
  const id = await enqueueJob(ctx, { kind: digestNowKind, payload: {} });
  notifyJobRunners();
  return { id };
}

/** Computes the stored dates of every running chain again (system scope). */
async function refreshAll(ctx: Ctx): Promise<number> {
  const system = { ...ctx, scope: systemScope, actor: null };
  let changed = 0;
  for (const id of await unfinishedRunIds(ctx.db)) {
    const run = await requireRun(system, id);
    const steps = await findRunSteps(ctx.db, id);
    changed += await withWrite(system, async (w) => (await storeRunDates(w, run, steps)).changed);
  }
  return changed;
}

async function sendDigests(ctx: Ctx, report: (f: number, t: ReturnType<typeof msg>) => Promise<void>) {
  const refreshed = await refreshAll(ctx);
  const system = { ...ctx, scope: systemScope };
  const recipients = [];
  for (let page = 1; ; page++) {
    const users = await listUsers(system, { role: "counsellor", status: "active", page, pageSize: 200 });
    recipients.push(...users.items);
    if (page * users.pageSize >= users.total) break;
  }
  const today = berlinDate(ctx.now);
  const until = berlinDatePlus(ctx.now, 7);
  const base = ctx.config.publicOrigin ?? "";
  const mailer = createMailer(ctx.config);
  let sent = 0;
  try {
    for (const [i, user] of recipients.entries()) {
      const residence = (ctx.config.residenceRoles as string[]).includes(user.role);
      const steps = await findDueSteps(ctx.db, scopeOf(user), until, residence, 200);
      if (steps.length) {
        const overdue = steps.filter((s) => s.due_date < today);
        const line = (s: (typeof steps)[number]) =>
          `- ${germanDate(s.due_date)}  ${s.title}\n  ${s.candidate_name} · ${s.company_name}\n  ${base}${chainPaths.run(s.run_id)}`;
        const text = [
          `Guten Morgen ${user.displayName},`,
          "",
          `hier die Schritte der Prozessketten in Ihren Kreisen (Stand ${germanDate(today)}).`,
          ...(overdue.length ? ["", `Überfällig (${overdue.length}):`, ...overdue.map(line)] : []),
          ...(steps.length > overdue.length
            ? [
                "",
                `Fällig bis ${germanDate(until)} (${steps.length - overdue.length}):`,
                ...steps.filter((s) => s.due_date >= today).map(line),
              ]
            : []),
          "",
          "Diese Übersicht kommt jeden Montag von Lotse.",
        ].join("\n");
        await mailer.send({
          to: user.email,
          subject: `Prozessketten: ${overdue.length} überfällig, ${steps.length - overdue.length} fällig bis ${germanDate(until)}`,
          text,
          language: "de",
        });
        await withWrite(system, (w) =>
          audit(w, { entity: "chain_run", action: "export", entityId: null, fields: ["weeklyDigest", user.id] }),
        );
        sent++;
      }
      await report(
        (i + 1) / recipients.length,
        msg("{done} von {total} Wochenübersichten erstellt", { done: i + 1, total: recipients.length }),
      );
    }
  } finally {
    mailer.close();
  }
  return { sent, recipients: recipients.length, refreshed };
}

registerJobHandler(digestKind, async (ctx, _job, report) => {
  const result = await sendDigests(ctx, report);
  await scheduleChainDigest(ctx);
  return result;
});
registerJobHandler(digestNowKind, (ctx, _job, report) => sendDigests(ctx, report));
