import { type ExpressionBuilder, type SqlBool, sql, type Updateable } from "kysely";
import { inScope } from "../../db/district-scope.js";
import type { Database, ReferralTable } from "../../db/types.js";
import type { Db } from "../../lib/context.js";
import { fail } from "../../lib/errors.js";
import type { Scope } from "../../lib/http/actor.js";
import { decodeCursor, encodeCursor } from "../../lib/http/cursor.js";
import type { Referral, ReferralInput, ReferralListQuery, ReferralPage } from "./schema.js";

/** Referrals to partners and their follow-up; scoped by the candidate's district like consultations (decision 0009). */

/** Outcomes that still need someone to ask whether the person arrived. */
/**
 * A referral still to follow up: in progress, or "unknown" that nobody has recorded yet. Once an outcome
 * is recorded (also "Verbleib unbekannt"), or the person's case is closed, nothing is due any more.
 */
const stillOpen = (eb: ExpressionBuilder<Database, "referral" | "candidate">) =>
  eb.and([
    eb.or([
      eb("referral.outcome", "=", "in_progress"),
      eb.and([eb("referral.outcome", "=", "unknown"), eb("referral.outcome_recorded_at", "is", null)]),
    ]),
    eb("candidate.status", "!=", "closed"),
  ]);

function referrals(db: Db) {
  return db
    .selectFrom("referral")
    .innerJoin("candidate", "candidate.id", "referral.candidate_id")
    .leftJoin("app_user", "app_user.id", "referral.user_id")
    .where("candidate.anonymised_at", "is", null)
    .select([
      "referral.id",
      "referral.candidate_id",
      "referral.consultation_id",
      "referral.partner_type",
      "referral.partner_name",
      "referral.reason",
      "referral.outcome",
      "referral.outcome_note",
      "referral.outcome_recorded_at",
      "referral.user_id",
      "referral.created_at",
      "candidate.first_name",
      "candidate.last_name",
      "app_user.display_name",
      sql<string>`to_char(referral.referred_on, 'YYYY-MM-DD')`.as("referred"),
      sql<string | null>`to_char(referral.follow_up_on, 'YYYY-MM-DD')`.as("follow_up"),
    ]);
}
type Base = ReturnType<typeof referrals>;
type Row = Awaited<ReturnType<Base["executeTakeFirstOrThrow"]>>;

const scoped = (db: Db, scope: Scope) => referrals(db).where((eb) => inScope({ ags: eb.ref("candidate.ags") }, scope));

export function toReferral(r: Row): Referral {
  return {
    id: r.id,
    candidateId: r.candidate_id,
    candidateName: `${r.first_name ?? ""} ${r.last_name ?? ""}`.trim(),
    consultationId: r.consultation_id,
    partnerType: r.partner_type as Referral["partnerType"],
    partnerName: r.partner_name,
    reason: r.reason,
    referredOn: r.referred,
    followUpOn: r.follow_up,
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    outcomeRecordedAt: r.outcome_recorded_at ? new Date(r.outcome_recorded_at).toISOString() : null,
    userId: r.user_id,
    userName: r.display_name ?? null,
  };
}

/** The referrals of consultations already read in scope, by consultation id. */
export async function findReferralsOf(db: Db, consultationIds: string[]): Promise<Map<string, Referral[]>> {
  const out = new Map<string, Referral[]>();
  if (consultationIds.length === 0) return out;
  const rows = await referrals(db)
    .where("referral.consultation_id", "in", consultationIds)
    .orderBy("referral.created_at")
    .orderBy("referral.id")
    .execute();
  for (const r of rows) {
    const key = r.consultation_id as string;
    out.set(key, [...(out.get(key) ?? []), toReferral(r)]);
  }
  return out;
}

export async function findReferral(db: Db, scope: Scope, id: string): Promise<Referral | undefined> {
  const row = await scoped(db, scope).where("referral.id", "=", id).executeTakeFirst();
  return row && toReferral(row);
}

/** All referrals of one candidate (the timeline), oldest first. */
export async function findCandidateReferrals(db: Db, scope: Scope, candidateId: string): Promise<Referral[]> {
  const rows = await scoped(db, scope).where("referral.candidate_id", "=", candidateId).orderBy("referral.referred_on").execute();
  return rows.map(toReferral);
}

const noFollowUp = "9999-12-31";

/** A real calendar day (YYYY-MM-DD), checked before a cursor's value reaches SQL. */
export function isCalendarDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && day >= "1900-01-01" && !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
}

function cursorKey(text: string): { day: string; id: string } {
  const cursor = decodeCursor(text);
  const day = typeof cursor?.k === "string" ? cursor.k : "";
  if (!cursor || !isCalendarDay(day)) throw fail.invalid({ cursor: ["Ungültige Seitenmarke (cursor): bitte die Liste neu laden"] });
  return { day, id: cursor.id };
}

/** A page of referrals in scope, earliest follow-up first (those without one last). `today` is the Berlin date. */
export async function findReferrals(db: Db, scope: Scope, query: ReferralListQuery, today: string, weekEnd: string): Promise<ReferralPage> {
  let filtered: Base = scoped(db, scope);
  if (query.outcome) filtered = filtered.where("referral.outcome", "=", query.outcome);
  if (query.district) filtered = filtered.where("candidate.ags", "=", query.district);
  if (query.due) {
    filtered = filtered
      .where(stillOpen)
      .where("referral.follow_up_on", query.due === "overdue" ? "<" : "<=", query.due === "overdue" ? today : weekEnd);
  }
  const key = sql<string>`coalesce(referral.follow_up_on, ${noFollowUp}::date)`;
  let page = filtered;
  if (query.cursor) {
    const c = cursorKey(query.cursor);
    page = page.where(sql<SqlBool>`(${key}, referral.id) > (${c.day}::date, ${c.id}::uuid)`);
  }
  const [rows, count] = await Promise.all([
    page
      .orderBy(key)
      .orderBy("referral.id")
      .limit(query.limit + 1)
      .execute(),
    filtered
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow(),
  ]);
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit).map(toReferral);
  const last = items[items.length - 1];
  const nextCursor = more && last ? encodeCursor({ k: last.followUpOn ?? noFollowUp, id: last.id }) : null;
  return { items, nextCursor, total: Number(count.total) };
}

export async function insertReferral(
  db: Db,
  row: { candidateId: string; consultationId: string; userId: string | null; referredOn: string; now: Date },
  r: ReferralInput,
  followUpOn: string,
): Promise<string> {
  const { id } = await db
    .insertInto("referral")
    .values({
      candidate_id: row.candidateId,
      consultation_id: row.consultationId,
      partner_type: r.partnerType,
      partner_name: r.partnerName,
      reason: r.reason ?? null,
      referred_on: row.referredOn,
      follow_up_on: followUpOn,
      outcome: "in_progress",
      user_id: row.userId,
      created_at: row.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateReferralRow(db: Db, id: string, patch: Updateable<ReferralTable>): Promise<void> {
  await db.updateTable("referral").set(patch).where("id", "=", id).execute();
}

export async function deleteReferralRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom("referral").where("id", "=", id).execute();
}

/**
 * Open referrals in scope whose follow-up is due up to `until`, earliest first; with `userId`, only
 * those the user made or whose candidate they are responsible for.
 */
export async function findDueReferrals(db: Db, scope: Scope, userId: string | null, until: string, limit: number) {
  let query = scoped(db, scope).where(stillOpen).where("referral.follow_up_on", "<=", until);
  if (userId) {
    query = query.where((eb) => eb.or([eb("referral.user_id", "=", userId), eb("candidate.responsible_user_id", "=", userId)]));
  }
  const rows = await query.orderBy("referral.follow_up_on").orderBy("referral.id").limit(limit).execute();
  return rows.map(toReferral);
}
