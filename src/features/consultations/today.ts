import { berlinDate, berlinDatePlus } from "../../lib/berlin-date.js";
import { actorOf, type Ctx } from "../../lib/context.js";
import type { TodayContribution } from "../today/service.js";
import { findDueReferrals } from "./referral-repository.js";
import { findDueConsultationSteps } from "./repository.js";

/**
 * The counselling part of the Start page: referrals to follow up (did the young person arrive?) and
 * next steps of consultations, due within a week or overdue. Counsellors see those they recorded or
 * whose young person they are responsible for; the coordination sees all in its scope.
 */
export const consultationsToday: TodayContribution = async (ctx: Ctx) => {
  const actor = actorOf(ctx);
  const todayIso = berlinDate(ctx.now);
  const until = berlinDatePlus(ctx.now, 7);
  const mine = actor.role === "coordinator" ? null : actor.id;
  const [referrals, steps] = await Promise.all([
    findDueReferrals(ctx.db, ctx.scope, mine, until, 100),
    findDueConsultationSteps(ctx.db, ctx.scope, mine, until, 100),
  ]);
  return {
    followUps: [
      ...referrals.map((r) => {
        const due = r.followUpOn as string;
        return {
          source: "referral" as const,
          id: r.id,
          title: `Verweisung nachhalten: ${r.partnerName}`,
          subject: r.candidateName,
          due,
          overdue: due < todayIso,
          href: `/jugendliche/${r.candidateId}`,
        };
      }),
      ...steps.map((s) => ({
        source: "consultation" as const,
        id: s.id,
        title: s.nextStep,
        subject: s.candidateName,
        due: s.due,
        overdue: s.due < todayIso,
        href: `/jugendliche/${s.candidateId}`,
      })),
    ],
  };
};
