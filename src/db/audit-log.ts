import type { Kysely } from "kysely";
import type { Database } from "./types.js";

export type AuditRow = {
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  changedFields: string[];
  requestId: string | null;
  ip: string | null;
};

/** The one INSERT into the append-only audit log; src/lib/audit.ts is its only caller. */
export async function insertAuditRow(db: Kysely<Database>, row: AuditRow): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: row.at,
      actor_id: row.actorId,
      actor_email: row.actorEmail,
      entity: row.entity,
      entity_id: row.entityId,
      action: row.action,
      changed_fields: JSON.stringify(row.changedFields),
      request_id: row.requestId,
      ip: row.ip,
    })
    .execute();
}
