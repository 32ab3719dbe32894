import type { Kysely } from "kysely";
import type { Database } from "../../db/types.js";
import { germanDateTime, toGermanCsv } from "../../lib/csv.js";
import type { RequestMeta } from "../../lib/http/actor.js";
import { findAuditEntries, insertAuditEntry } from "./repository.js";
import type { AuditExportQuery, AuditPage, AuditQuery } from "./schema.js";

export type AuditActor = { id: string; email: string } | null;

/**
 * Writes one audit entry. Call it with the transaction of the write it records, so that the change
 * and its entry land together or not at all.
 */
export async function recordAudit(
  trx: Kysely<Database>,
  who: { actor: AuditActor; meta: RequestMeta | null },
  what: { entity: string; entityId: string | null; action: string; changedFields?: string[] },
): Promise<void> {
  await insertAuditEntry(trx, {
    actorId: who.actor?.id ?? null,
    actorEmail: who.actor?.email ?? null,
    entity: what.entity,
    entityId: what.entityId,
    action: what.action,
    changedFields: what.changedFields ?? [],
    requestId: who.meta?.requestId ?? null,
    ip: who.meta?.ip ?? null,
  });
}

/** The largest export, so one request cannot hold the server for long. */
export const exportLimit = 100_000;

/** The filtered audit log as CSV (newest first); the export itself is recorded. */
export async function exportAuditEntries(
  db: Kysely<Database>,
  who: { actor: AuditActor; meta: RequestMeta },
  query: AuditExportQuery,
): Promise<string> {
  const rows: (string | number | null)[][] = [];
  for (let page = 1; rows.length < exportLimit; page++) {
    const result = await findAuditEntries(db, { ...query, page, pageSize: 1000 });
    for (const e of result.items) {
      rows.push([e.id, germanDateTime(e.at), e.actorEmail, e.entity, e.entityId, e.action, e.changedFields.join(", "), e.requestId, e.ip]);
    }
    if (result.items.length < 1000) break;
  }
  await recordAudit(db, who, { entity: "audit_log", entityId: null, action: "export", changedFields: Object.keys(query) });
  return toGermanCsv(["Nr.", "Zeitpunkt", "Person", "Objekt", "Objekt-ID", "Aktion", "Geänderte Felder", "Anfrage-ID", "IP"], rows);
}

export function listAuditEntries(db: Kysely<Database>, query: AuditQuery): Promise<AuditPage> {
  return findAuditEntries(db, query);
}
