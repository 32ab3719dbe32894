import { berlinDate, berlinDatePlus } from "../../lib/berlin-date.js";
import type { Ctx } from "../../lib/context.js";
import { mayReadResidence } from "../candidates/service.js";
import type { TodayContribution } from "../today/service.js";
import { findDueSteps } from "./run-report-repository.js";
import { chainPaths } from "./schema.js";

/** Days ahead a chain step shows on "Heute" (overdue ones always). */
export const chainTodayDays = 14;

/**
 * The process-chain part of "Heute": open steps of running chains in the user's districts due within two weeks
 * or overdue (steps bound to the residence status only for roles that may read it), each linking to its run.
 */
export const chainsToday: TodayContribution = async (ctx: Ctx) => {
  const today = berlinDate(ctx.now);
  const steps = await findDueSteps(ctx.db, ctx.scope, berlinDatePlus(ctx.now, chainTodayDays), mayReadResidence(ctx), 500);
  return {
    followUps: steps.map((s) => ({
      source: "chain" as const,
      id: s.step_id,
      title: s.title,
      subject: `${s.candidate_name} · ${s.company_name}`,
      due: s.due_date,
      overdue: s.due_date < today,
      href: chainPaths.run(s.run_id),
    })),
  };
};
