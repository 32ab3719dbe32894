import { z } from "@hono/zod-openapi";
import { pageOf } from "../../lib/http/page.js";
import { isoDate } from "../../lib/schema-types.js";

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    actorName: z.string().nullable().describe("Anzeigename der handelnden Person, wenn für Sie sichtbar"),
    entity: z.string(),
    entityId: z.string().nullable(),
    entityLabel: z.string().nullable().describe("Name des Objekts (z. B. des Benutzerkontos), wenn für Sie sichtbar"),
    action: z.string(),
    changedFields: z.array(z.string()),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .openapi("AuditEntry");
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  entity: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  actor: z.string().max(200).optional().describe("E-Mail-Adresse (Teil genügt)"),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The filters of the list, for an export of exactly what is filtered. */
export const auditExportQuerySchema = auditQuerySchema.omit({ page: true, pageSize: true });
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

export const auditPageSchema = pageOf(auditEntrySchema, "AuditPage");
export type AuditPage = z.infer<typeof auditPageSchema>;
