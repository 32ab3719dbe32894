import type { Kysely } from "kysely";
import type { Database } from "../../db/types.js";
import type { RequestMeta } from "../../lib/http/actor.js";
import { findAuditEntries, insertAuditEntry } from "./repository.js";
import type { AuditPage, AuditQuery } from "./schema.js";

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

export function listAuditEntries(db: Kysely<Database>, query: AuditQuery): Promise<AuditPage> {
  return findAuditEntries(db, query);
}
