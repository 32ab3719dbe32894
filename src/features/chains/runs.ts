import { audit, auditSensitiveRead } from "../../lib/audit.js";
import { berlinDate } from "../../lib/berlin-date.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { DomainError, fail } from "../../lib/errors.js";
import { cursorSortKey, decodeCursor, encodeCursor } from "../../lib/http/cursor.js";
import { msg } from "../../lib/i18n/messages.js";
import type { Candidate } from "../candidates/schema.js";
import { mayReadResidence, readResidence, requireCandidate } from "../candidates/service.js";
import { districtName } from "../geo/service.js";
import { matchDetail, requireMatch } from "../matching/matches.js";
import { type ResidenceStatus, under18On } from "./conditions.js";
import { computeRunDates, type StepDates } from "./deadlines.js";
import { asDeadlineStep, runFactsOf, stageDates, toRunStep } from "./run-facts.js";
import { insertPlannedRun, templateForPlace } from "./run-plan.js";
import { countRuns, findRun, findRunIdByMatch, findRuns, type RunRow } from "./run-repository.js";
import { findRunSteps } from "./run-step-repository.js";
import type { Run, RunCreate, RunListQuery, RunPage, RunSummary } from "./schema.js";

/**
 * Runs: one per match. Starting one picks the published template of the place's district, keeps the steps whose
 * conditions hold for this person and place, and computes their due dates. Steps that exist because of the
 * person's residence status are shown only to roles that may read it (the others see how many are hidden).
 */

export function toRunSummary(r: RunRow): RunSummary {
  return {
    id: r.id,
    matchId: r.match_id,
    candidateId: r.candidate_id,
    candidateName: r.candidate_name,
    companyName: r.company_name,
    occupationName: r.occupation_name,
    placeKind: r.place_kind,
    trainingStart: r.training_start,
    district: r.offer_ags,
    districtName: r.offer_ags ? (districtName(r.offer_ags) ?? null) : null,
    templateId: r.template_id,
    templateName: r.template_name,
    templateVersion: r.template_version,
    startedAt: new Date(r.started_at).toISOString(),
    startedBy: r.started_by_name,
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    stepCount: r.step_count,
    doneCount: r.done_count,
    overdueCount: r.overdue_count,
    nextDue: r.next_due,
  };
}

export async function requireRun(ctx: Ctx, id: string): Promise<RunRow> {
  const row = await findRun(ctx.db, ctx.scope, id, berlinDate(ctx.now), mayReadResidence(ctx));
  if (!row) throw fail.notFound("Der Lauf");
  return row;
}

/** One run with its steps, dates computed for today (stored dates are refreshed on writes). */
export async function runDetail(ctx: Ctx, id: string): Promise<Run> {
  const row = await requireRun(ctx, id);
  const steps = await findRunSteps(ctx.db, id);
  const residence = mayReadResidence(ctx);
  const computed = computeRunDates(steps.map(asDeadlineStep), await runFactsOf(ctx, row));
  const today = berlinDate(ctx.now);
  const shown = steps.map((s, i) => ({ s, c: computed[i] as StepDates })).filter(({ s }) => residence || !s.residence_bound);
  if (residence && steps.some((s) => s.residence_bound)) {
    await auditSensitiveRead(ctx, { entity: "candidate_residence", entityId: row.candidate_id, fields: ["chainSteps"] });
  }
  return {
    ...toRunSummary(row),
    language: row.language,
    steps: shown.map(({ s, c }) => toRunStep(ctx, s, c, today)),
    warnings: [],
    hiddenSteps: steps.length - shown.length,
  };
}

export async function listRuns(ctx: Ctx, q: RunListQuery): Promise<RunPage> {
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const after = cursor ? { at: (cursorSortKey(cursor, "time") as Date).toISOString(), id: cursor.id } : undefined;
  const filters = { district: q.district, templateId: q.templateId, matchId: q.matchId, overdue: q.overdue, finished: q.finished };
  const [today, residence] = [berlinDate(ctx.now), mayReadResidence(ctx)];
  const rows = await findRuns(ctx.db, ctx.scope, { ...filters, limit: q.limit + 1, after }, today, residence);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toRunSummary),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ k: new Date(last.started_at).toISOString(), id: last.id }) : null,
    total: await countRuns(ctx.db, ctx.scope, filters, today, residence),
  };
}

/** The person's side of a run: in scope, with the residence status (read audited) for roles that may see it. */
async function personFacts(ctx: Ctx, candidateId: string): Promise<{ candidate: Candidate; status: ResidenceStatus | null }> {
  if (!mayReadResidence(ctx)) {
    throw fail.forbidden(
      "Eine Prozesskette starten nur Rollen, die den Aufenthaltsstatus sehen dürfen: welche Schritte nötig sind, hängt davon ab.",
    );
  }
  const candidate = await requireCandidate(ctx, candidateId).catch((e: unknown) => {
    if (e instanceof DomainError && e.kind === "not_found") {
      throw fail.forbidden("Die Prozesskette startet die Beratung im Kreis der jugendlichen Person.");
    }
    throw e;
  });
  const residence = await readResidence(ctx, candidateId);
  return { candidate, status: residence?.status ?? null };
}

/**
 * Starts the run of a match (201). A second start for the same match creates nothing and answers with the
 * run that exists (`created: false`, 200), as a second click on "create match" does.
 */
export async function startRun(ctx: Ctx, input: RunCreate): Promise<Run> {
  const match = await requireMatch(ctx, input.matchId);
  const existing = await findRunIdByMatch(ctx.db, match.id);
  if (existing) return { ...(await runDetail(ctx, existing)), created: false };
  if (match.stage === "declined" || match.stage === "ended_early") {
    throw fail.conflict("Für ein abgelehntes oder vorzeitig beendetes Match wird keine Prozesskette gestartet.");
  }
  const { candidate, status } = await personFacts(ctx, match.candidate_id);
  const start = match.start_date;
  const template = await templateForPlace(ctx.db, match.offer_ags, start);
  if (!template) {
    const district = match.offer_ags ? (districtName(match.offer_ags) ?? match.offer_ags) : "den Kreis des Platzes";
    throw new DomainError(
      "conflict",
      msg(
        "Für {district} gibt es keine veröffentlichte Prozesskette. Bitte zuerst eine Vorlage für diesen Kreis veröffentlichen (z. B. die von Halle übertragen).",
        {
          district,
        },
      ),
    );
  }
  const detail = await matchDetail(ctx, match.id);
  const id = await withWrite(ctx, async (w) => {
    const made = await insertPlannedRun(w.db, template, {
      match: {
        id: match.id,
        offerId: match.offer_id,
        candidateAgs: match.candidate_ags,
        offerAgs: match.offer_ags,
        start,
        kind: match.offer_kind as RunRow["place_kind"],
      },
      person: { residenceStatus: status, under18AtStart: under18On(candidate.birthDate, start) },
      language: candidate.preferredLanguage,
      stageDates: stageDates(detail),
      by: w.actor?.id ?? null,
      at: w.now,
    });
    if (!made) return null;
    await audit(w, {
      entity: "chain_run",
      action: "create",
      entityId: made.runId,
      fields: [match.id, template.id, `v${template.version}`],
    });
    return made.runId;
  });
  if (!id) return { ...(await runDetail(ctx, (await findRunIdByMatch(ctx.db, match.id)) as string)), created: false };
  return { ...(await runDetail(ctx, id)), created: true };
}
