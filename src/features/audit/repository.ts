import type { Kysely } from "kysely";
import type { Database } from "../../db/types.js";
import type { AuditEntry, AuditPage, AuditQuery } from "./schema.js";

export type NewAuditEntry = {
  actorId: string | null;
  actorEmail: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  changedFields: string[];
  requestId: string | null;
  ip: string | null;
};

export async function insertAuditEntry(db: Kysely<Database>, entry: NewAuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      actor_email: entry.actorEmail,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      changed_fields: JSON.stringify(entry.changedFields),
      request_id: entry.requestId,
      ip: entry.ip,
    })
    .execute();
}

export async function findAuditEntries(db: Kysely<Database>, q: AuditQuery): Promise<AuditPage> {
  let query = db.selectFrom("audit_log");
  if (q.entity) query = query.where("entity", "=", q.entity);
  if (q.action) query = query.where("action", "=", q.action);
  if (q.actor) query = query.where("actor_email", "ilike", `%${q.actor.replace(/[%_\\]/g, "\\$&")}%`);
  if (q.from) query = query.where("at", ">=", new Date(`${q.from}T00:00:00Z`));
  if (q.to) query = query.where("at", "<", new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000));
  const [{ total }] = (await query.select((eb) => eb.fn.countAll<number>().as("total")).execute()) as [{ total: number }];
  const rows = await query
    .select(["id", "at", "actor_id", "actor_email", "entity", "entity_id", "action", "changed_fields", "request_id", "ip"])
    .orderBy("id", "desc")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const items: AuditEntry[] = rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    changedFields: r.changed_fields,
    requestId: r.request_id,
    ip: r.ip,
  }));
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}
