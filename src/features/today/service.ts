import { berlinDate } from "../../lib/berlin-date.js";
import type { Ctx } from "../../lib/context.js";
import type { FollowUp, Today } from "./schema.js";

/**
 * What a feature adds to the Start page. The Start page knows no feature's tables: each feature
 * hands in a contribution (src/server/app.ts wires them), and the page merges them.
 */
export type TodayContribution = (ctx: Ctx) => Promise<Partial<Omit<Today, "date">>>;

export async function today(ctx: Ctx, contributions: TodayContribution[]): Promise<Today> {
  const parts = await Promise.all(contributions.map((c) => c(ctx)));
  const followUps: FollowUp[] = parts
    .flatMap((p) => p.followUps ?? [])
    .sort((a, b) => a.due.localeCompare(b.due) || a.subject.localeCompare(b.subject));
  const merged: Today = {
    date: berlinDate(ctx.now),
    followUps,
    newestCompanies: [],
    newCandidates: [],
    pipeline: [],
    pipelineScope: "mine",
  };
  for (const p of parts) {
    if (p.newestCompanies) merged.newestCompanies = p.newestCompanies;
    if (p.newCandidates) merged.newCandidates = p.newCandidates;
    if (p.pipeline) merged.pipeline = p.pipeline;
    if (p.pipelineScope) merged.pipelineScope = p.pipelineScope;
  }
  return merged;
}
