import { type SqlBool, sql } from "kysely";
import type { Db } from "../../lib/context.js";
import type { Consent, ConsentPurpose, Recipient } from "./schema.js";

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export type RecipientRow = { companyId: string | null; partnerName: string | null; partnerType: string | null };

export async function insertConsent(
  db: Db,
  row: {
    candidateId: string;
    purposes: ConsentPurpose[];
    givenAt: string;
    form: "paper" | "online";
    givenBy: "self" | "guardian";
    language: "de" | "en" | "ar" | "uk" | "fa";
    note: string | null;
    confirmedAt: Date | null;
    confirmedBy: string | null;
    recordedBy: string | null;
    now: Date;
  },
  recipients: RecipientRow[],
): Promise<string> {
  const { id } = await db
    .insertInto("consent")
    .values({
      candidate_id: row.candidateId,
      purposes: sql<string[]>`${sql.val(row.purposes)}::text[]`,
      given_at: row.givenAt,
      form: row.form,
      given_by: row.givenBy,
      language: row.language,
      note: row.note,
      confirmed_at: row.confirmedAt,
      confirmed_by: row.confirmedBy,
      recorded_by: row.recordedBy,
      created_at: row.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (recipients.length) {
    await db
      .insertInto("consent_recipient")
      .values(
        recipients.map((r) => ({ consent_id: id, company_id: r.companyId, partner_name: r.partnerName, partner_type: r.partnerType })),
      )
      .execute();
  }
  return id;
}

/** The consents of one candidate with their recipients (company names read-only, decision 0009), newest first. */
export async function findConsents(db: Db, candidateId: string, consentId?: string): Promise<Consent[]> {
  let q = db
    .selectFrom("consent")
    .leftJoin("app_user", "app_user.id", "consent.recorded_by")
    .select([
      "consent.id",
      "consent.candidate_id",
      "consent.purposes",
      sql<string>`to_char(consent.given_at, 'YYYY-MM-DD')`.as("given_at"),
      "consent.form",
      "consent.given_by",
      "consent.language",
      "consent.note",
      "consent.confirmed_at",
      "consent.withdrawn_at",
      "consent.created_at",
      "app_user.display_name as recorded_by_name",
    ])
    .where("consent.candidate_id", "=", candidateId);
  if (consentId) q = q.where("consent.id", "=", consentId);
  const rows = await q.orderBy("consent.given_at", "desc").orderBy("consent.created_at", "desc").execute();
  if (!rows.length) return [];
  const recipients = await db
    .selectFrom("consent_recipient")
    .leftJoin("company", "company.id", "consent_recipient.company_id")
    .select([
      "consent_recipient.consent_id",
      "consent_recipient.company_id",
      "consent_recipient.partner_name",
      "consent_recipient.partner_type",
      "company.name as company_name",
    ])
    .where(
      "consent_recipient.consent_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("consent_recipient.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    candidateId: r.candidate_id,
    purposes: r.purposes as ConsentPurpose[],
    recipients: recipients
      .filter((x) => x.consent_id === r.id)
      .map(
        (x): Recipient => ({
          kind: x.company_id ? "company" : "partner",
          companyId: x.company_id,
          name: x.company_id ? (x.company_name ?? "") : (x.partner_name ?? ""),
          partnerType: x.partner_type,
        }),
      ),
    givenAt: r.given_at,
    form: r.form,
    givenBy: r.given_by,
    language: r.language,
    note: r.note,
    confirmedAt: iso(r.confirmed_at),
    withdrawnAt: iso(r.withdrawn_at),
    recordedBy: r.recorded_by_name ?? null,
    createdAt: iso(r.created_at) as string,
  }));
}

export async function markWithdrawn(db: Db, consentId: string, at: Date, userId: string | null): Promise<boolean> {
  const r = await db
    .updateTable("consent")
    .set({ withdrawn_at: at, withdrawn_by: userId })
    .where("id", "=", consentId)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markConfirmed(db: Db, consentId: string, at: Date, userId: string | null): Promise<boolean> {
  const r = await db
    .updateTable("consent")
    .set({ confirmed_at: at, confirmed_by: userId })
    .where("id", "=", consentId)
    .where("confirmed_at", "is", null)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The valid consent (confirmed, not withdrawn) of a candidate for a purpose, naming the recipient when
 * one is given; undefined when there is none. Read inside the write that acts on it.
 */
export async function findValidConsent(
  db: Db,
  candidateId: string,
  purpose: ConsentPurpose,
  recipient?: { companyId: string } | { partnerName: string },
): Promise<string | undefined> {
  let q = db
    .selectFrom("consent")
    .select("consent.id")
    .where("consent.candidate_id", "=", candidateId)
    .where("consent.withdrawn_at", "is", null)
    .where("consent.confirmed_at", "is not", null)
    .where(sql<SqlBool>`${purpose} = any(consent.purposes)`);
  if (recipient) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("consent_recipient")
          .select("consent_recipient.id")
          .whereRef("consent_recipient.consent_id", "=", "consent.id")
          .where((e) =>
            "companyId" in recipient
              ? e("consent_recipient.company_id", "=", recipient.companyId)
              : sql<SqlBool>`lower(consent_recipient.partner_name) = lower(${recipient.partnerName})`,
          ),
      ),
    );
  }
  const row = await q.orderBy("consent.given_at", "desc").executeTakeFirst();
  return row?.id;
}

/** Every candidate id with a valid matching consent (for the matching snapshot). */
export async function findMatchingConsentIds(db: Db, candidateIds?: string[]): Promise<string[]> {
  if (candidateIds && !candidateIds.length) return [];
  let q = db
    .selectFrom("consent")
    .select("candidate_id")
    .distinct()
    .where("withdrawn_at", "is", null)
    .where("confirmed_at", "is not", null)
    .where(sql<SqlBool>`'matching' = any(purposes)`);
  if (candidateIds) q = q.where("candidate_id", "in", candidateIds);
  const rows = await q.execute();
  return rows.map((r) => r.candidate_id);
}

export async function insertShare(
  db: Db,
  row: {
    candidateId: string;
    consentId: string;
    companyId: string | null;
    partnerName: string | null;
    note: string | null;
    by: string | null;
    at: Date;
  },
): Promise<string> {
  const { id } = await db
    .insertInto("profile_share")
    .values({
      candidate_id: row.candidateId,
      consent_id: row.consentId,
      company_id: row.companyId,
      partner_name: row.partnerName,
      note: row.note,
      shared_by: row.by,
      shared_at: row.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export function findShares(db: Db, candidateId: string) {
  return db
    .selectFrom("profile_share")
    .leftJoin("company", "company.id", "profile_share.company_id")
    .leftJoin("app_user", "app_user.id", "profile_share.shared_by")
    .select([
      "profile_share.id",
      "profile_share.shared_at",
      "profile_share.partner_name",
      "company.name as company_name",
      "app_user.display_name as user_name",
    ])
    .where("profile_share.candidate_id", "=", candidateId)
    .orderBy("profile_share.shared_at", "desc")
    .execute();
}

/** Erasure: consents (with their recipients) and the record of shares go with the person. */
export async function deleteConsentsOf(db: Db, candidateId: string): Promise<number> {
  await db.deleteFrom("profile_share").where("candidate_id", "=", candidateId).execute();
  const r = await db.deleteFrom("consent").where("candidate_id", "=", candidateId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
