import { audit } from "../../lib/audit.js";
import { berlinDate } from "../../lib/berlin-date.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { fail } from "../../lib/errors.js";
import { listDocuments } from "../candidates/documents.js";
import { mayReadResidence } from "../candidates/service.js";
import { storeRunDates } from "./run-facts.js";
import { findRunSteps, type RunStepRow, updateRunStep } from "./run-step-repository.js";
import { requireRun, runDetail } from "./runs.js";
import type { Run, RunStepUpdate } from "./schema.js";

/**
 * Ticking a step: status (open, in progress, done with the day, not needed with a reason), a note and the
 * person's documents attached (their CV, certificates: ids of the candidate's documents). The run's dates are
 * computed again (a `previous_step` rule counts from this step) and stored; the same state again changes nothing.
 */
export async function updateStep(ctx: Ctx, runId: string, stepId: string, input: RunStepUpdate): Promise<Run> {
  const run = await requireRun(ctx, runId);
  const steps = await findRunSteps(ctx.db, runId);
  const step = steps.find((s) => s.id === stepId);
  if (!step || (step.residence_bound && !mayReadResidence(ctx))) throw fail.notFound("Der Schritt");
  const today = berlinDate(ctx.now);
  const status = input.status ?? step.status;
  const reason = status === "not_needed" ? (input.reason !== undefined ? input.reason : step.reason) : null;
  if (status === "not_needed" && !reason) throw fail.invalid({ reason: ["Bitte angeben, warum der Schritt nicht nötig ist"] });
  let completedOn: string | null = null;
  if (status === "done") completedOn = input.completedOn ?? (step.status === "done" ? step.completed_on : today);
  if (completedOn && completedOn > today) throw fail.invalid({ completedOn: ["Das Datum liegt in der Zukunft"] });
  const note = input.note !== undefined ? input.note : step.note;
  const documentIds = input.documentIds ? [...new Set(input.documentIds)] : step.document_ids;
  if (input.documentIds?.length) {
    const own = new Set((await listDocuments(ctx, run.candidate_id)).map((d) => d.id));
    const unknown = documentIds.filter((id) => !own.has(id));
    if (unknown.length) throw fail.invalid({ documentIds: ["Unbekanntes Dokument: nur Dokumente dieser Person lassen sich anhängen"] });
  }
  const before = {
    status: step.status,
    reason: step.reason,
    note: step.note,
    completedOn: step.completed_on,
    documentIds: step.document_ids,
  };
  const after = { status, reason, note, completedOn, documentIds };
  if (JSON.stringify(before) === JSON.stringify(after)) return runDetail(ctx, runId);
  await withWrite(ctx, async (w) => {
    await updateRunStep(w.db, stepId, { ...after, by: w.actor?.id ?? null, at: w.now });
    const updated: RunStepRow[] = steps.map((s) =>
      s.id === stepId ? { ...s, status, reason, note, completed_on: completedOn, document_ids: documentIds } : s,
    );
    await storeRunDates(w, run, updated);
    await audit(w, { entity: "chain_run_step", action: "update", entityId: stepId, before, after });
  });
  return runDetail(ctx, runId);
}
