import type { Db } from "../../lib/context.js";
import type { AuditPage, AuditQuery } from "./schema.js";

/** One page of the audit log, newest first; names are filled in by the service. */
export async function findAuditEntries(db: Db, q: AuditQuery): Promise<AuditPage> {
  let query = db.selectFrom("audit_log");
  if (q.entity) query = query.where("entity", "=", q.entity);
  if (q.action) query = query.where("action", "=", q.action);
  if (q.actor) query = query.where("actor_email", "ilike", `%${q.actor.replace(/[%_\\]/g, "\\$&")}%`);
  if (q.from) query = query.where("at", ">=", new Date(`${q.from}T00:00:00Z`));
  if (q.to) query = query.where("at", "<", new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await query
    .select(["id", "at", "actor_id", "actor_email", "entity", "entity_id", "action", "changed_fields", "request_id", "ip"])
    .orderBy("id", "desc")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const items = rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    actorName: null,
    entity: r.entity,
    entityId: r.entity_id,
    entityLabel: null,
    action: r.action,
    changedFields: r.changed_fields,
    requestId: r.request_id,
    ip: r.ip,
  }));
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}
