import { type SqlBool, sql, type Updateable } from "kysely";
import { inScope } from "../../db/district-scope.js";
import type { ConsultationTable } from "../../db/types.js";
import type { Db } from "../../lib/context.js";
import { fail } from "../../lib/errors.js";
import type { Scope } from "../../lib/http/actor.js";
import { decodeCursor, encodeCursor } from "../../lib/http/cursor.js";
import { findReferralsOf, isCalendarDay } from "./referral-repository.js";
import type { Consultation, ConsultationCreate, ConsultationListQuery, ConsultationPage } from "./schema.js";

/**
 * Consultations belong to a young person: their scope is the candidate's district, and lists show the
 * candidate's name. This repository reads the candidate table for that, and only for that (decision 0009).
 */
function baseQuery(db: Db, scope: Scope) {
  return db
    .selectFrom("consultation")
    .innerJoin("candidate", "candidate.id", "consultation.candidate_id")
    .leftJoin("app_user", "app_user.id", "consultation.user_id")
    .where((eb) => inScope({ ags: eb.ref("candidate.ags") }, scope))
    .where("candidate.anonymised_at", "is", null);
}
type Base = ReturnType<typeof baseQuery>;

function selectConsultation(q: Base) {
  return q.select([
    "consultation.id",
    "consultation.candidate_id",
    "consultation.kind",
    "consultation.duration_minutes",
    "consultation.channel",
    "consultation.language",
    "consultation.interpreter",
    "consultation.topics",
    "consultation.notes",
    "consultation.outcome",
    "consultation.next_step",
    "consultation.next_step_done_at",
    "consultation.user_id",
    "consultation.created_at",
    "candidate.first_name",
    "candidate.last_name",
    "app_user.display_name",
    sql<string>`to_char(consultation.held_on, 'YYYY-MM-DD')`.as("held"),
    sql<string | null>`to_char(consultation.next_step_due, 'YYYY-MM-DD')`.as("due"),
  ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof selectConsultation>["executeTakeFirstOrThrow"]>>;

const fullName = (r: { first_name: string | null; last_name: string | null }) => `${r.first_name ?? ""} ${r.last_name ?? ""}`.trim();

function toConsultation(r: Row): Omit<Consultation, "referrals"> {
  return {
    id: r.id,
    candidateId: r.candidate_id,
    candidateName: fullName(r),
    kind: r.kind,
    date: r.held,
    durationMinutes: r.duration_minutes,
    channel: r.channel,
    language: r.language,
    interpreter: r.interpreter,
    topics: r.topics as Consultation["topics"],
    notes: r.notes,
    outcome: r.outcome,
    nextStep: r.next_step,
    nextStepDue: r.due,
    nextStepDone: r.next_step_done_at !== null,
    userId: r.user_id,
    userName: r.display_name ?? null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Rows with their referrals (one query for all of them). */
async function withReferrals(db: Db, rows: Row[]): Promise<Consultation[]> {
  const referrals = await findReferralsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...toConsultation(r), referrals: referrals.get(r.id) ?? [] }));
}

export async function findConsultation(db: Db, scope: Scope, id: string): Promise<Consultation | undefined> {
  const row = await selectConsultation(baseQuery(db, scope)).where("consultation.id", "=", id).executeTakeFirst();
  return row && (await withReferrals(db, [row]))[0];
}

/** All consultations of one candidate, newest first (the candidate's page and timeline). */
export async function findCandidateConsultations(db: Db, scope: Scope, candidateId: string): Promise<Consultation[]> {
  const rows = await selectConsultation(baseQuery(db, scope))
    .where("consultation.candidate_id", "=", candidateId)
    .orderBy("consultation.held_on", "desc")
    .orderBy("consultation.created_at", "desc")
    .orderBy("consultation.id", "desc")
    .execute();
  return withReferrals(db, rows);
}

function applyFilters(q: Base, f: ConsultationListQuery): Base {
  let query = q;
  if (f.candidateId) query = query.where("consultation.candidate_id", "=", f.candidateId);
  if (f.kind) query = query.where("consultation.kind", "=", f.kind);
  if (f.from) query = query.where("consultation.held_on", ">=", f.from);
  if (f.to) query = query.where("consultation.held_on", "<=", f.to);
  if (f.district) query = query.where("candidate.ags", "=", f.district);
  if (f.q) {
    const term = f.q.toLowerCase();
    const like = `%${term.replace(/[%_\\]/g, "\\$&")}%`;
    query = query.where((eb) =>
      eb.or([
        eb("candidate.search_text", "like", sql<string>`lower(unaccent(${like}))`),
        sql<SqlBool>`candidate.search_text % lower(unaccent(${term}))`,
        eb.exists(
          eb
            .selectFrom("referral")
            .select("referral.id")
            .whereRef("referral.consultation_id", "=", "consultation.id")
            .where("referral.partner_name", "ilike", like),
        ),
      ]),
    );
  }
  return query;
}

/** The cursor of this list: held_on and created_at of the last row, checked before they reach SQL. */
function cursorKey(text: string): { held: string; created: string; id: string } {
  const cursor = decodeCursor(text);
  const [held, created] = typeof cursor?.k === "string" ? cursor.k.split("|") : [];
  const validTime =
    created !== undefined && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(created) && isCalendarDay(created.slice(0, 10));
  if (!cursor || held === undefined || !isCalendarDay(held) || !validTime)
    throw fail.invalid({ cursor: ["Ungültige Seitenmarke (cursor): bitte die Liste neu laden"] });
  return { held, created, id: cursor.id };
}

/** A page of consultations in scope, newest first, with the number of all that match. */
export async function findConsultations(db: Db, scope: Scope, query: ConsultationListQuery): Promise<ConsultationPage> {
  const filtered = applyFilters(baseQuery(db, scope), query);
  let page = filtered;
  if (query.cursor) {
    const c = cursorKey(query.cursor);
    page = page.where(
      sql<SqlBool>`(consultation.held_on, consultation.created_at, consultation.id) < (${c.held}::date, ${c.created}::timestamptz, ${c.id}::uuid)`,
    );
  }
  const [rows, count] = await Promise.all([
    selectConsultation(page)
      .orderBy("consultation.held_on", "desc")
      .orderBy("consultation.created_at", "desc")
      .orderBy("consultation.id", "desc")
      .limit(query.limit + 1)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  const more = rows.length > query.limit;
  const items = await withReferrals(db, rows.slice(0, query.limit));
  const last = items[items.length - 1];
  const nextCursor = more && last ? encodeCursor({ k: `${last.date}|${last.createdAt}`, id: last.id }) : null;
  return { items, nextCursor, total: Number(count.total) };
}

export async function insertConsultation(db: Db, userId: string | null, c: ConsultationCreate, now: Date): Promise<string> {
  const { id } = await db
    .insertInto("consultation")
    .values({
      candidate_id: c.candidateId,
      kind: c.kind,
      held_on: c.date,
      duration_minutes: c.durationMinutes ?? null,
      channel: c.channel ?? "in_person",
      language: c.language ?? null,
      interpreter: c.interpreter ?? false,
      topics: [...new Set(c.topics ?? [])],
      notes: c.notes ?? null,
      outcome: c.outcome ?? null,
      next_step: c.nextStep ?? null,
      next_step_due: c.nextStepDue ?? null,
      user_id: userId,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export type ConsultationRowPatch = Updateable<ConsultationTable>;

export async function updateConsultationRow(db: Db, id: string, patch: ConsultationRowPatch): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable("consultation").set(patch).where("id", "=", id).execute();
}

export async function deleteConsultationRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom("consultation").where("id", "=", id).execute();
}

/**
 * Open next steps of consultations in scope due up to `until`, earliest first; with `userId`, only
 * those the user recorded or whose candidate they are responsible for.
 */
export async function findDueConsultationSteps(db: Db, scope: Scope, userId: string | null, until: string, limit: number) {
  let query = baseQuery(db, scope)
    .select([
      "consultation.id",
      "consultation.candidate_id",
      "consultation.next_step",
      "candidate.first_name",
      "candidate.last_name",
      sql<string>`to_char(consultation.next_step_due, 'YYYY-MM-DD')`.as("due"),
    ])
    .where("consultation.next_step_done_at", "is", null)
    .where("consultation.next_step_due", "<=", until);
  if (userId) {
    query = query.where((eb) => eb.or([eb("consultation.user_id", "=", userId), eb("candidate.responsible_user_id", "=", userId)]));
  }
  const rows = await query.orderBy("consultation.next_step_due").orderBy("consultation.id").limit(limit).execute();
  return rows.map((r) => ({ id: r.id, candidateId: r.candidate_id, candidateName: fullName(r), nextStep: r.next_step ?? "", due: r.due }));
}
