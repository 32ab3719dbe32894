import { berlinDate } from "../../lib/berlin-date.js";
import type { Ctx } from "../../lib/context.js";
import type { TodayContribution } from "../today/service.js";
import { dueNextSteps } from "./contact-log.js";
import { newestCompanies, stageCounts } from "./repository.js";
import { stages } from "./schema.js";

/** The companies' part of the Start page: my next steps due within a week, new companies, my pipeline. */
export const companiesToday: TodayContribution = async (ctx: Ctx) => {
  const todayIso = berlinDate(ctx.now);
  const steps = await dueNextSteps(ctx, 7, 100);
  const newest = await newestCompanies(ctx.db, ctx.scope, 8);
  const mine = await stageCounts(ctx.db, ctx.scope, ctx.actor?.id ?? null);
  const useMine = [...mine.values()].some((n) => n > 0);
  const counts = useMine ? mine : await stageCounts(ctx.db, ctx.scope, null);
  return {
    followUps: steps.map((s) => ({
      source: "company" as const,
      id: s.id,
      title: s.nextStep,
      subject: s.companyName,
      due: s.due,
      overdue: s.due < todayIso,
      href: `/betriebe/${s.companyId}`,
    })),
    newestCompanies: newest.map((c) => ({ id: c.id, name: c.name, city: c.city, createdAt: new Date(c.created_at).toISOString() })),
    pipeline: stages.map((stage) => ({ stage, count: counts.get(stage) ?? 0 })),
    pipelineScope: useMine ? "mine" : "districts",
  };
};
