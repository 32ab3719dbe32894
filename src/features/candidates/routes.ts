import { z } from "@hono/zod-openapi";
import { type ApiRouter, ctxOf, defineRoute, jsonBody, jsonResponse } from "../../lib/http/route.js";
import { fileDownload } from "../../lib/spreadsheet.js";
import { exportCandidates } from "./export.js";
import {
  candidateCreateSchema,
  candidateExportQuerySchema,
  candidateIdParam,
  candidateListQuerySchema,
  candidatePageSchema,
  candidateSchema,
  candidateUpdateSchema,
  residenceInputSchema,
  residenceSchema,
  timelineSchema,
} from "./schema.js";
import { candidateDetail, createCandidate, listCandidates, readResidence, updateCandidate, writeResidence } from "./service.js";
import { candidateTimeline } from "./timeline.js";

/** Counsellors (their districts), coordination and administration; partners never see candidates here. */
export const candidateAccess = ["admin", "coordinator", "counsellor"] as const;
const tags = ["Jugendliche"];

const list = defineRoute({
  method: "get",
  path: "/api/v1/candidates",
  tags,
  summary: "Jugendliche suchen und filtern (ohne Aufenthaltsstatus)",
  access: candidateAccess,
  request: { query: candidateListQuerySchema },
  responses: { 200: jsonResponse(candidatePageSchema, "Eine Seite") },
});
const exportList = defineRoute({
  method: "get",
  path: "/api/v1/candidates/export",
  tags,
  summary: "Die gefilterten Jugendlichen als CSV/XLSX; Aufenthaltsstatus nur auf Wunsch und nur für berechtigte Rollen",
  access: candidateAccess,
  request: { query: candidateExportQuerySchema },
  responses: { 200: { description: "CSV oder XLSX", content: { "text/csv": { schema: z.string() } } } },
});
const create = defineRoute({
  method: "post",
  path: "/api/v1/candidates",
  tags,
  summary: "Jugendliche/n erfassen",
  access: candidateAccess,
  request: jsonBody(candidateCreateSchema),
  responses: { 201: jsonResponse(candidateSchema, "Erfasst") },
});
const detail = defineRoute({
  method: "get",
  path: "/api/v1/candidates/{id}",
  tags,
  summary: "Eine Person; `residence` nur für berechtigte Rollen (jeder Abruf wird protokolliert)",
  access: candidateAccess,
  request: { params: candidateIdParam },
  responses: { 200: jsonResponse(candidateSchema, "Die Person"), 404: { description: "Nicht gefunden oder nicht sichtbar" } },
});
const update = defineRoute({
  method: "patch",
  path: "/api/v1/candidates/{id}",
  tags,
  summary: "Ändern (auch den Status; der Wechsel kommt in den Verlauf)",
  access: candidateAccess,
  request: { params: candidateIdParam, ...jsonBody(candidateUpdateSchema) },
  responses: { 200: jsonResponse(candidateSchema, "Geändert") },
});
const residenceRead = defineRoute({
  method: "get",
  path: "/api/v1/candidates/{id}/residence",
  tags,
  summary: "Aufenthaltsstatus (nur berechtigte Rollen; protokolliert)",
  access: candidateAccess,
  request: { params: candidateIdParam },
  responses: { 200: jsonResponse(z.object({ residence: residenceSchema.nullable() }), "Aufenthaltsstatus") },
});
const residenceWrite = defineRoute({
  method: "put",
  path: "/api/v1/candidates/{id}/residence",
  tags,
  summary: "Aufenthaltsstatus erfassen oder ändern (nur berechtigte Rollen)",
  access: candidateAccess,
  request: { params: candidateIdParam, ...jsonBody(residenceInputSchema) },
  responses: { 200: jsonResponse(z.object({ residence: residenceSchema.nullable() }), "Gespeichert") },
});
const timeline = defineRoute({
  method: "get",
  path: "/api/v1/candidates/{id}/timeline",
  tags,
  summary: "Verlauf: Beratungen, Verweisungen, Dokumente, Einwilligungen, Statuswechsel (neueste zuerst)",
  access: candidateAccess,
  request: { params: candidateIdParam },
  responses: { 200: jsonResponse(timelineSchema, "Verlauf") },
});

export function candidateRoutes(router: ApiRouter): void {
  router.openapi(list, async (c) => c.json(await listCandidates(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(exportList, async (c) => {
    const ctx = ctxOf(c);
    const { format, includeResidence, ...filters } = c.req.valid("query");
    return fileDownload(await exportCandidates(ctx, filters, format, includeResidence ?? false), "jugendliche", ctx.now, format);
  });
  router.openapi(create, async (c) => c.json(await createCandidate(ctxOf(c), c.req.valid("json")), 201));
  router.openapi(detail, async (c) => c.json(await candidateDetail(ctxOf(c), c.req.valid("param").id), 200));
  router.openapi(update, async (c) => c.json(await updateCandidate(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200));
  router.openapi(residenceRead, async (c) => c.json({ residence: await readResidence(ctxOf(c), c.req.valid("param").id) }, 200));
  router.openapi(residenceWrite, async (c) =>
    c.json({ residence: await writeResidence(ctxOf(c), c.req.valid("param").id, c.req.valid("json")) }, 200),
  );
  router.openapi(timeline, async (c) => c.json({ items: await candidateTimeline(ctxOf(c), c.req.valid("param").id) }, 200));
}
