import { audit } from "../../lib/audit.js";
import { berlinDate } from "../../lib/berlin-date.js";
import { actorOf, type Ctx, withWrite } from "../../lib/context.js";
import { type FieldErrors, fail } from "../../lib/errors.js";
import type { TimelineEntry } from "../candidates/schema.js";
import { requireCandidate, requireCandidateRef, updateCandidate } from "../candidates/service.js";
import { deleteReferralRow, findCandidateReferrals, insertReferral, updateReferralRow } from "./referral-repository.js";
import {
  type ConsultationRowPatch,
  deleteConsultationRow,
  findCandidateConsultations,
  findConsultation,
  findConsultations,
  insertConsultation,
  updateConsultationRow,
} from "./repository.js";
import {
  type Consultation,
  type ConsultationCreate,
  type ConsultationListQuery,
  type ConsultationPage,
  type ConsultationUpdate,
  kindTitles,
  type Referral,
  type ReferralOutcome,
} from "./schema.js";

/** Counselling of young people: first, referral and follow-up consultations, each with its referrals. */

/** The calendar day `days` after `day` (both YYYY-MM-DD). */
export function dayPlus(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** How long after a referral counselling asks whether the person arrived, unless the counsellor says otherwise. */
export const followUpAfterDays = 14;

export async function requireConsultation(ctx: Ctx, id: string): Promise<Consultation> {
  const consultation = await findConsultation(ctx.db, ctx.scope, id);
  if (!consultation) throw fail.notFound("Die Beratung");
  return consultation;
}

/** What the audit log compares: the record's own fields (names shown elsewhere and referrals are audited on their own). */
const auditable = (c: Consultation) => {
  const { candidateName: _c, userName: _u, referrals: _r, ...rest } = c;
  return rest;
};
const auditableReferral = (r: Referral) => {
  const { candidateName: _c, userName: _u, ...rest } = r;
  return rest;
};

function checkDate(ctx: Ctx, date: string | undefined, errors: FieldErrors) {
  if (date && date > berlinDate(ctx.now)) errors.date = ["Eine Beratung wird nach dem Termin erfasst"];
}

/**
 * Records a consultation that took place, with its referrals (each followed up after 14 days unless
 * given). A young person still `new` becomes `active` with it, in the same transaction.
 */
export async function createConsultation(ctx: Ctx, input: ConsultationCreate): Promise<Consultation> {
  const actor = actorOf(ctx);
  const errors: FieldErrors = {};
  checkDate(ctx, input.date, errors);
  (input.referrals ?? []).forEach((r, i) => {
    if (r.followUpOn && r.followUpOn < input.date) {
      errors[`referrals.${i}.followUpOn`] = ["Der Termin zum Nachhalten darf nicht vor der Verweisung liegen"];
    }
  });
  if (Object.keys(errors).length > 0) throw fail.invalid(errors);
  return withWrite(ctx, async (w) => {
    const candidate = await requireCandidate(w, input.candidateId);
    const id = await insertConsultation(w.db, actor.id, input, w.now);
    for (const r of input.referrals ?? []) {
      const row = { candidateId: candidate.id, consultationId: id, userId: actor.id, referredOn: input.date, now: w.now };
      await insertReferral(w.db, row, r, r.followUpOn ?? dayPlus(input.date, followUpAfterDays));
    }
    if (candidate.status === "new") await updateCandidate(w, candidate.id, { status: "active", statusNote: kindTitles[input.kind] });
    const created = await requireConsultation(w, id);
    await audit(w, { entity: "consultation", action: "create", entityId: id, before: null, after: auditable(created) });
    for (const r of created.referrals) {
      await audit(w, { entity: "referral", action: "create", entityId: r.id, before: null, after: auditableReferral(r) });
    }
    return created;
  });
}

export function listConsultations(ctx: Ctx, query: ConsultationListQuery): Promise<ConsultationPage> {
  return findConsultations(ctx.db, ctx.scope, query);
}

/** All consultations of one young person, newest first. */
export async function candidateConsultations(ctx: Ctx, candidateId: string): Promise<Consultation[]> {
  await requireCandidateRef(ctx, candidateId);
  return findCandidateConsultations(ctx.db, ctx.scope, candidateId);
}

const columns = {
  kind: "kind",
  date: "held_on",
  durationMinutes: "duration_minutes",
  channel: "channel",
  language: "language",
  interpreter: "interpreter",
  topics: "topics",
  notes: "notes",
  outcome: "outcome",
  nextStep: "next_step",
  nextStepDue: "next_step_due",
} as const satisfies Partial<Record<keyof ConsultationUpdate, keyof ConsultationRowPatch>>;

function rowPatch(patch: ConsultationUpdate): ConsultationRowPatch {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = (patch as Record<string, unknown>)[key];
    if (value !== undefined) row[column] = key === "topics" ? [...new Set(value as string[])] : value;
  }
  return row as ConsultationRowPatch;
}

/**
 * Changes a consultation. A changed next step is open again unless `nextStepDone` says otherwise; a
 * changed date moves the day of its referrals with it.
 */
export async function updateConsultation(ctx: Ctx, id: string, patch: ConsultationUpdate): Promise<Consultation> {
  return withWrite(ctx, async (w) => {
    const before = await requireConsultation(w, id);
    const errors: FieldErrors = {};
    checkDate(w, patch.date, errors);
    const kind = patch.kind ?? before.kind;
    if (kind === "referral" && before.referrals.length === 0) errors.kind = ["Eine Verweisberatung braucht mindestens eine Verweisung"];
    const nextStep = patch.nextStep !== undefined ? patch.nextStep : before.nextStep;
    const nextStepDue = patch.nextStepDue !== undefined ? patch.nextStepDue : before.nextStepDue;
    if (!nextStep !== !nextStepDue) errors.nextStepDue = ["Nächsten Schritt und Fälligkeit zusammen angeben"];
    const date = patch.date ?? before.date;
    if (before.referrals.some((r) => r.followUpOn !== null && r.followUpOn < date)) {
      errors.date = ["Eine Verweisung dieser Beratung wird vor diesem Tag nachgehalten; bitte zuerst den Termin zum Nachhalten ändern"];
    }
    if (Object.keys(errors).length > 0) throw fail.invalid(errors);
    if (patch.nextStepDone && !nextStep) throw fail.conflict("Diese Beratung hat keinen nächsten Schritt.");

    const row = rowPatch(patch);
    if (patch.nextStepDone !== undefined) {
      if (!patch.nextStepDone) row.next_step_done_at = null;
      else if (!before.nextStepDone) row.next_step_done_at = w.now;
    } else if (nextStep !== before.nextStep || nextStepDue !== before.nextStepDue) {
      row.next_step_done_at = null;
    }
    await updateConsultationRow(w.db, id, row);
    if (date !== before.date) {
      for (const r of before.referrals) await updateReferralRow(w.db, r.id, { referred_on: date });
    }
    const after = await requireConsultation(w, id);
    await audit(w, { entity: "consultation", action: "update", entityId: id, before: auditable(before), after: auditable(after) });
    if (date !== before.date) {
      for (const r of after.referrals) {
        const old = before.referrals.find((b) => b.id === r.id);
        await audit(w, {
          entity: "referral",
          action: "update",
          entityId: r.id,
          before: old && auditableReferral(old),
          after: auditableReferral(r),
        });
      }
    }
    return after;
  });
}

/** Deletes a consultation recorded by mistake, and the referrals made in it. */
export async function deleteConsultation(ctx: Ctx, id: string): Promise<void> {
  await withWrite(ctx, async (w) => {
    const before = await requireConsultation(w, id);
    for (const r of before.referrals) {
      await deleteReferralRow(w.db, r.id);
      await audit(w, { entity: "referral", action: "delete", entityId: r.id, before: auditableReferral(r), after: null });
    }
    await deleteConsultationRow(w.db, id);
    await audit(w, { entity: "consultation", action: "delete", entityId: id, before: auditable(before), after: null });
  });
}

const outcomeTitles: Record<Exclude<ReferralOutcome, "in_progress">, string> = {
  arrived: "Verweisung angekommen",
  not_arrived: "Verweisung nicht angekommen",
  unknown: "Verweisung: Verbleib unbekannt",
};

const germanDay = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function consultationEntry(c: Consultation): TimelineEntry {
  const partners = c.referrals.map((r) => r.partnerName).join(", ");
  const title = c.kind === "referral" && partners ? `${kindTitles.referral}: ${partners}` : kindTitles[c.kind];
  const detail = [
    c.outcome,
    c.kind !== "referral" && partners ? `Verwiesen an: ${partners}` : null,
    c.nextStep && c.nextStepDue ? `Nächster Schritt bis ${germanDay(c.nextStepDue)}: ${c.nextStep}` : null,
  ].filter((part): part is string => Boolean(part));
  return {
    kind: "consultation",
    id: c.id,
    at: c.date,
    title,
    detail: detail.length > 0 ? detail.join(" · ") : null,
    userName: c.userName,
    recordedAt: c.createdAt,
  };
}

/**
 * The counselling part of a young person's timeline (newest first): each consultation, and each
 * referral whose outcome was recorded. Titles are German, as the timeline records them.
 */
export async function consultationTimeline(ctx: Ctx, candidateId: string): Promise<TimelineEntry[]> {
  const [consultations, referrals] = await Promise.all([
    findCandidateConsultations(ctx.db, ctx.scope, candidateId),
    findCandidateReferrals(ctx.db, ctx.scope, candidateId),
  ]);
  const entries = consultations.map(consultationEntry);
  for (const r of referrals) {
    if (r.outcome === "in_progress" || !r.outcomeRecordedAt) continue;
    entries.push({
      kind: "referral",
      id: r.id,
      at: berlinDate(new Date(r.outcomeRecordedAt)),
      title: outcomeTitles[r.outcome],
      detail: [r.partnerName, r.outcomeNote].filter(Boolean).join(" – "),
      userName: null,
      recordedAt: r.outcomeRecordedAt,
    });
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at) || b.recordedAt.localeCompare(a.recordedAt));
}
