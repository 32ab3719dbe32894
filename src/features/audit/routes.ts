import { z } from "@hono/zod-openapi";
import { type ApiRouter, csvDownload, ctxOf, defineRoute } from "../../lib/http/route.js";
import { auditExportQuerySchema, auditPageSchema, auditQuerySchema } from "./schema.js";
import { exportAuditEntries, listAuditEntries } from "./service.js";

const listAudit = defineRoute({
  method: "get",
  path: "/api/v1/audit",
  tags: ["Audit"],
  summary: "Audit-Log durchsuchen (neueste zuerst)",
  access: ["admin"],
  request: { query: auditQuerySchema },
  responses: { 200: { description: "Eine Seite des Audit-Logs", content: { "application/json": { schema: auditPageSchema } } } },
});

const exportAudit = defineRoute({
  method: "get",
  path: "/api/v1/audit/export",
  tags: ["Audit"],
  summary: "Audit-Log als CSV (genau die gefilterten Einträge, höchstens 100.000)",
  access: ["admin"],
  request: { query: auditExportQuerySchema },
  responses: { 200: { description: "CSV (UTF-8, Semikolon)", content: { "text/csv": { schema: z.string() } } } },
});

export function auditRoutes(router: ApiRouter): void {
  router.openapi(exportAudit, async (c) => {
    const ctx = ctxOf(c);
    return csvDownload(ctx, await exportAuditEntries(ctx, c.req.valid("query")), "audit-log");
  });
  router.openapi(listAudit, async (c) => c.json(await listAuditEntries(ctxOf(c), c.req.valid("query")), 200));
}
