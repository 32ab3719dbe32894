import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../lib/http/env.js";
import { defineRoute } from "../../lib/http/route.js";
import { auditPageSchema, auditQuerySchema } from "./schema.js";
import { listAuditEntries } from "./service.js";

const listAudit = defineRoute({
  method: "get",
  path: "/api/v1/audit",
  tags: ["Audit"],
  summary: "Audit-Log durchsuchen (neueste zuerst)",
  access: ["admin"],
  request: { query: auditQuerySchema },
  responses: { 200: { description: "Eine Seite des Audit-Logs", content: { "application/json": { schema: auditPageSchema } } } },
});

export function auditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listAudit, async (c) => c.json(await listAuditEntries(c.get("deps").db, c.req.valid("query")), 200));
}
