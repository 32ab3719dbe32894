import type { MatchStage } from "../../db/types.js";
import { berlinDate } from "../../lib/berlin-date.js";
import type { Ctx } from "../../lib/context.js";
import { translate } from "../../lib/i18n/messages.js";
import { matchDetail } from "../matching/matches.js";
import { forwardStages } from "../matching/schema.js";
import { addCalendarMonths, addDays, computeRunDates, type DeadlineStep, type RunFacts, type StepDates } from "./deadlines.js";
import { type RunRow, setRunFinished } from "./run-repository.js";
import { type RunStepRow, updateRunStepDates } from "./run-step-repository.js";
import type { DeadlineRule, RunStep, StepCode, Warning } from "./schema.js";

/** What a run's dates count from, read from its match (through the matching service), and the dates stored again. */

/** The day the match first reached each stage on the way forward, or a later one (a skipped stage counts as reached). */
export function stageDates(detail: {
  createdAt: string;
  history: readonly { to: string; at: string }[];
}): Partial<Record<MatchStage, string>> {
  const out: Partial<Record<MatchStage, string>> = {};
  const reach = (stage: string, at: string) => {
    const i = (forwardStages as readonly string[]).indexOf(stage);
    if (i < 0) return;
    const day = berlinDate(new Date(at));
    for (const s of forwardStages.slice(0, i + 1)) {
      const known = out[s];
      if (!known || day < known) out[s] = day;
    }
  };
  reach("suggested", detail.createdAt);
  for (const h of detail.history) reach(h.to, h.at);
  return out;
}

/** The last day of a place that starts on `start` and lasts `months` calendar months. */
export function endOf(start: string, months: number | null): string | null {
  return months ? addDays(addCalendarMonths(start, months), -1) : null;
}

export async function runFactsOf(
  ctx: Ctx,
  run: Pick<RunRow, "match_id" | "training_start" | "training_end" | "place_kind" | "started_at">,
): Promise<RunFacts> {
  const detail = await matchDetail(ctx, run.match_id);
  return {
    runStart: berlinDate(new Date(run.started_at)),
    trainingStart: run.training_start,
    trainingEnd: run.training_end,
    placeKind: run.place_kind,
    stageDates: stageDates(detail),
    today: berlinDate(ctx.now),
  };
}

export const asDeadlineStep = (
  s: Pick<
    RunStepRow,
    "code" | "deadlines" | "status" | "completed_on" | "legal_basis" | "legal_valid_from" | "legal_valid_to" | "unchecked"
  >,
): DeadlineStep => ({
  code: s.code as StepCode | null,
  deadlines: s.deadlines as DeadlineRule[],
  status: s.status,
  completedOn: s.completed_on,
  legalBasis: s.legal_basis,
  legalValidFrom: s.legal_valid_from,
  legalValidTo: s.legal_valid_to,
  unchecked: s.unchecked as ("residence" | "age")[],
});

export const renderWarnings = (ctx: Pick<Ctx, "locale">, dates: StepDates): Warning[] =>
  dates.warnings.map((w) => ({ code: w.code, message: translate(ctx.locale, w.message), action: translate(ctx.locale, w.action) }));

export function toRunStep(ctx: Pick<Ctx, "locale">, s: RunStepRow, dates: StepDates, today: string): RunStep {
  const open = s.status === "open" || s.status === "in_progress";
  return {
    id: s.id,
    templateStepId: s.template_step_id,
    position: s.position,
    code: s.code as StepCode | null,
    title: s.title,
    description: s.description,
    leadActor: s.lead_actor as RunStep["leadActor"],
    organisationName: s.organisation_name,
    organisationContact: s.organisation_contact,
    documents: s.documents,
    legalBasis: s.legal_basis,
    candidateFacing: s.candidate_facing,
    earliestDate: dates.earliestDate,
    dueDate: dates.dueDate,
    dates: dates.dates,
    status: s.status,
    reason: s.reason,
    note: s.note,
    completedOn: s.completed_on,
    changedBy: s.changed_by_name,
    changedAt: s.changed_at ? new Date(s.changed_at).toISOString() : null,
    overdue: open && dates.dueDate !== null && dates.dueDate < today,
    warnings: renderWarnings(ctx, dates),
    documentIds: s.document_ids,
  };
}

/**
 * Computes the run's dates again (a stage reached, a step done) and stores the ones that changed, and
 * whether the run is finished (every step done or not needed). The caller holds the write.
 */
export async function storeRunDates(
  w: Ctx,
  run: Parameters<typeof runFactsOf>[1] & { id: string; finished_at: Date | null },
  steps: RunStepRow[],
) {
  const computed = computeRunDates(steps.map(asDeadlineStep), await runFactsOf(w, run));
  const changed = steps
    .map((s, i) => ({ s, c: computed[i] as StepDates }))
    .filter(
      ({ s, c }) => s.earliest_date !== c.earliestDate || s.due_date !== c.dueDate || JSON.stringify(s.dates) !== JSON.stringify(c.dates),
    )
    .map(({ s, c }) => ({ id: s.id, earliestDate: c.earliestDate, dueDate: c.dueDate, dates: c.dates }));
  await updateRunStepDates(w.db, changed);
  const finished = steps.length > 0 && steps.every((s) => s.status === "done" || s.status === "not_needed");
  if (finished !== (run.finished_at !== null)) await setRunFinished(w.db, run.id, finished ? w.now : null);
  return { computed, changed: changed.length };
}
