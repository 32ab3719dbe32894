import { insertAuditRow } from "../db/audit-log.js";
import { type Ctx, withWrite } from "./context.js";

/** What the audit log can name: a closed list, so a typo is a compile error, not a new entity. */
export const auditEntities = [
  "user",
  "session",
  "audit_log",
  "occupation",
  "company",
  "company_contact",
  "company_activity",
  "offer",
  "import",
  "job",
  "candidate",
  "candidate_residence",
  "candidate_document",
  "consent",
  "consultation",
  "referral",
  "registration",
  "match",
  "matching_run",
  "commute_check",
  "chain_template",
  "chain_run",
  "chain_run_step",
] as const;
export type AuditEntity = (typeof auditEntities)[number];

export const auditActions = [
  "create",
  "update",
  "delete",
  "merge",
  "export",
  "read_sensitive",
  "login",
  "login_password_ok",
  "login_failed",
  "logout",
  "second_factor_failed",
  "password_changed",
  "password_change_failed",
  "password_reset",
  "totp_setup_started",
  "totp_enabled",
  "totp_disabled",
  "totp_disable_failed",
  /** A batch of an import: the ids written, one entry per batch and entity. */
  "import",
  "commit",
  /** Consent: withdrawn, or an online consent confirmed by a counsellor. */
  "withdraw",
  "confirm",
  /** A candidate's profile went to a named recipient. */
  "share",
  "download",
  /** Data requests (Art. 15/17 DSGVO) and retention: what happened is kept, never the content. */
  "data_export",
  "erase",
  "anonymise",
  /** Process chains: a template copied to another district, a draft published. */
  "transfer",
  "publish",
] as const;
export type AuditAction = (typeof auditActions)[number];

type Plain = Record<string, unknown>;

/**
 * The fields whose values differ between two states of a record, sorted. Values are compared as
 * JSON, so arrays and dates compare by content. Only the field names are logged, never the values.
 */
export function changedFields(before: Plain | null | undefined, after: Plain | null | undefined): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: string[] = [];
  for (const key of keys) {
    if (JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after?.[key] ?? null)) out.push(key);
  }
  return out.sort();
}

export type AuditEntry = {
  entity: AuditEntity;
  action: AuditAction;
  entityId: string | null;
} & (
  | { before?: Plain | null; after?: Plain | null; fields?: undefined }
  /** For entries with no record states (sign-in, export): the names of what was involved. */
  | { fields: string[]; before?: undefined; after?: undefined }
);

/**
 * Records one audit entry inside the write it belongs to: call it within `withWrite`, so the change
 * and its entry land together or not at all. Changed fields come from before/after, not by hand.
 */
export async function audit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  if (!ctx.inWrite) throw new Error(`audit(${entry.entity}.${entry.action}) outside withWrite`);
  const fields = entry.fields ?? changedFields(entry.before, entry.after);
  await insertAuditRow(ctx.db, {
    at: ctx.now,
    actorId: ctx.actor?.id ?? null,
    actorEmail: ctx.actor?.email ?? null,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    changedFields: fields,
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

/**
 * Records that the actor read sensitive fields (residence status, documents) of one record. One call
 * per read, in its own transaction when none is open.
 */
export function auditSensitiveRead(ctx: Ctx, what: { entity: AuditEntity; entityId: string; fields: string[] }): Promise<void> {
  return withWrite(ctx, (w) => audit(w, { entity: what.entity, action: "read_sensitive", entityId: what.entityId, fields: what.fields }));
}
