import { audit } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { germanDateTime, toGermanCsv } from "../../lib/csv.js";
import { userDisplayNames } from "../users/service.js";
import { findAuditEntries } from "./repository.js";
import type { AuditExportQuery, AuditPage, AuditQuery } from "./schema.js";

/** The largest export, so one request cannot hold the server for long. */
export const exportLimit = 100_000;

/** Names instead of ids where the reader may see the account (the users feature decides). */
async function withNames(ctx: Ctx, page: AuditPage): Promise<AuditPage> {
  const ids = page.items.flatMap((e) => [e.actorId, e.entity === "user" || e.entity === "session" ? e.entityId : null]);
  const names = await userDisplayNames(
    ctx,
    ids.filter((id): id is string => typeof id === "string" && /^[0-9a-f-]{36}$/.test(id)),
  );
  return {
    ...page,
    items: page.items.map((e) => ({
      ...e,
      actorName: (e.actorId && names.get(e.actorId)) || null,
      entityLabel: ((e.entity === "user" || e.entity === "session") && e.entityId && names.get(e.entityId)) || null,
    })),
  };
}

export async function listAuditEntries(ctx: Ctx, query: AuditQuery): Promise<AuditPage> {
  return withNames(ctx, await findAuditEntries(ctx.db, query));
}

/** The filtered audit log as CSV (newest first); the export itself is recorded. */
export async function exportAuditEntries(ctx: Ctx, query: AuditExportQuery): Promise<string> {
  const rows: (string | number | null)[][] = [];
  for (let page = 1; rows.length < exportLimit; page++) {
    const result = await withNames(ctx, await findAuditEntries(ctx.db, { ...query, page, pageSize: 1000 }));
    for (const e of result.items) {
      rows.push([
        e.id,
        germanDateTime(e.at),
        e.actorName,
        e.actorEmail,
        e.entity,
        e.entityId,
        e.entityLabel,
        e.action,
        e.changedFields.join(", "),
        e.requestId,
        e.ip,
      ]);
    }
    if (result.items.length < 1000) break;
  }
  await withWrite(ctx, (w) => audit(w, { entity: "audit_log", action: "export", entityId: null, fields: Object.keys(query).sort() }));
  return toGermanCsv(
    ["Nr.", "Zeitpunkt", "Person", "E-Mail-Adresse", "Objekt", "Objekt-ID", "Objektname", "Aktion", "Geänderte Felder", "Anfrage-ID", "IP"],
    rows,
  );
}
