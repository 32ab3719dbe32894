import type { MatchStage } from "../../db/types.js";
import { berlinDate } from "../../lib/berlin-date.js";
import type { Db } from "../../lib/context.js";
import { type PersonFacts, selectStep } from "./conditions.js";
import { computeRunDates, type PlaceKind, type StepDates } from "./deadlines.js";
import { publishedFor, type TemplateRow } from "./repository.js";
import { asDeadlineStep, endOf } from "./run-facts.js";
import { placeDuration } from "./run-report-repository.js";
import { insertRun } from "./run-repository.js";
import { insertRunSteps, type RunStepInsert } from "./run-step-repository.js";
import type { LeadActor } from "./schema.js";
import { findSteps, type StepRow } from "./step-repository.js";

/**
 * Planning a run: the published template of the place's district, the steps whose conditions hold, their dates.
 * Shared by the service (a counsellor starts a run) and the demo seed (runs of the demo matches).
 */

export type RunPlanInput = {
  match: { id: string; offerId: string; candidateAgs: string | null; offerAgs: string | null; start: string; kind: PlaceKind };
  person: Omit<PersonFacts, "placeKind">;
  language: "de" | "en" | "ar" | "uk" | "fa";
  stageDates: Partial<Record<MatchStage, string>>;
  by: string | null;
  at: Date;
};

const conditionsOf = (s: StepRow) => ({
  residenceStatuses: s.condition_residence,
  placeKinds: s.condition_place_kinds,
  under18: s.condition_under18,
});

export async function templateForPlace(db: Db, offerAgs: string | null, start: string): Promise<TemplateRow | undefined> {
  return (await publishedFor(db, offerAgs, start))[0];
}

/** Inserts the run and its steps; null when the match already has a run (the caller holds the write). */
export async function insertPlannedRun(
  db: Db,
  template: TemplateRow,
  p: RunPlanInput,
): Promise<{ runId: string; stepIds: string[]; dates: StepDates[] } | null> {
  const person: PersonFacts = { ...p.person, placeKind: p.match.kind };
  const kept = (await findSteps(db, [template.id]))
    .map((s) => ({ s, sel: selectStep({ leadActor: s.lead_actor as LeadActor, conditions: conditionsOf(s) }, person) }))
    .filter(({ sel }) => sel.applies);
  const duration = await placeDuration(db, p.match.offerId);
  const months =
    p.match.kind === "training"
      ? (duration?.months ?? null)
      : p.match.kind === "entry_qualification"
        ? (duration?.eq_months ?? null)
        : null;
  const today = berlinDate(p.at);
  const facts = {
    runStart: today,
    trainingStart: p.match.start,
    trainingEnd: endOf(p.match.start, months),
    placeKind: p.match.kind,
    stageDates: p.stageDates,
    today,
  };
  const rows: RunStepInsert[] = kept.map(({ s, sel }, i) => ({
    template_step_id: s.id,
    position: i + 1,
    code: s.code,
    title: s.title,
    description: s.description,
    lead_actor: s.lead_actor,
    organisation_name: s.organisation_name,
    organisation_contact: s.organisation_contact,
    documents: s.documents,
    legal_basis: s.legal_basis,
    legal_valid_from: s.legal_valid_from,
    legal_valid_to: s.legal_valid_to,
    deadlines: s.deadlines,
    candidate_facing: s.candidate_facing,
    residence_bound: sel.residenceBound,
    unchecked: sel.unchecked,
    earliest_date: null,
    due_date: null,
    dates: [],
  }));
  const dates = computeRunDates(
    rows.map((r) => asDeadlineStep({ ...r, status: "open", completed_on: null })),
    facts,
  );
  const runId = await insertRun(db, {
    matchId: p.match.id,
    templateId: template.id,
    templateVersion: template.version,
    candidateAgs: p.match.candidateAgs,
    offerAgs: p.match.offerAgs,
    placeKind: p.match.kind,
    trainingStart: p.match.start,
    trainingEnd: facts.trainingEnd,
    language: p.language,
    by: p.by,
    at: p.at,
  });
  if (!runId) return null;
  const stepIds = await insertRunSteps(
    db,
    runId,
    rows.map((r, i) => {
      const c = dates[i] as StepDates;
      return { ...r, earliest_date: c.earliestDate, due_date: c.dueDate, dates: c.dates };
    }),
  );
  return { runId, stepIds, dates };
}
