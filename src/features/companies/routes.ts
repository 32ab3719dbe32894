import { z } from "@hono/zod-openapi";
import { type ApiRouter, ctxOf, defineRoute, jsonBody, jsonResponse } from "../../lib/http/route.js";
import { fileDownload } from "../../lib/spreadsheet.js";
import {
  boardSchema,
  companyCreateSchema,
  companyFiltersSchema,
  companyIdParam,
  companyListQuerySchema,
  companyMapSchema,
  companyPageSchema,
  companySchema,
  companyUpdateSchema,
  duplicateQuerySchema,
  duplicatesSchema,
  exportQuerySchema,
  mergeSchema,
  stageChangeSchema,
  stageMoveSchema,
} from "./schema.js";
import {
  companyBoard,
  companyMap,
  createCompany,
  deleteCompany,
  exportCompanies,
  findDuplicates,
  listCompanies,
  mergeCompanies,
  moveCompanyStage,
  requireCompany,
  stageHistory,
  updateCompany,
} from "./service.js";

/** Counsellors (their districts), coordination and administration; partners see no companies. */
export const companyAccess = ["admin", "coordinator", "counsellor"] as const;
const tags = ["Betriebe"];

const list = defineRoute({
  method: "get",
  path: "/api/v1/companies",
  tags,
  summary: "Betriebe suchen und filtern (Seiten per cursor)",
  access: companyAccess,
  request: { query: companyListQuerySchema },
  responses: { 200: jsonResponse(companyPageSchema, "Eine Seite Betriebe") },
});
const exportList = defineRoute({
  method: "get",
  path: "/api/v1/companies/export",
  tags,
  summary: "Genau die gefilterten Betriebe als CSV oder XLSX",
  access: companyAccess,
  request: { query: exportQuerySchema },
  responses: { 200: { description: "CSV oder XLSX", content: { "text/csv": { schema: z.string() } } } },
});
const board = defineRoute({
  method: "get",
  path: "/api/v1/companies/board",
  tags,
  summary: "Akquise-Board: Spalten je Stufe mit Anzahl und Karten",
  access: companyAccess,
  request: { query: companyFiltersSchema },
  responses: { 200: jsonResponse(boardSchema, "Das Board") },
});
const map = defineRoute({
  method: "get",
  path: "/api/v1/companies/map",
  tags,
  summary: "Betriebe als Punkte für die Karte",
  access: companyAccess,
  request: { query: companyFiltersSchema },
  responses: { 200: jsonResponse(companyMapSchema, "Punkte") },
});
const duplicates = defineRoute({
  method: "get",
  path: "/api/v1/companies/duplicates",
  tags,
  summary: "Ähnliche Betriebe mit derselben Postleitzahl (vor dem Anlegen)",
  access: companyAccess,
  request: { query: duplicateQuerySchema },
  responses: { 200: jsonResponse(duplicatesSchema, "Mögliche Dubletten") },
});
const create = defineRoute({
  method: "post",
  path: "/api/v1/companies",
  tags,
  summary: "Betrieb anlegen (409 mit `duplicates`, wenn ähnliche existieren)",
  access: companyAccess,
  request: jsonBody(companyCreateSchema),
  responses: { 201: jsonResponse(companySchema, "Angelegt"), 409: { description: "Mögliche Dubletten" } },
});
const detail = defineRoute({
  method: "get",
  path: "/api/v1/companies/{id}",
  tags,
  summary: "Ein Betrieb",
  access: companyAccess,
  request: { params: companyIdParam },
  responses: { 200: jsonResponse(companySchema, "Der Betrieb"), 404: { description: "Nicht gefunden oder nicht sichtbar" } },
});
const update = defineRoute({
  method: "patch",
  path: "/api/v1/companies/{id}",
  tags,
  summary: "Betrieb ändern (auch die Stufe; eine Absage braucht einen Grund)",
  access: companyAccess,
  request: { params: companyIdParam, ...jsonBody(companyUpdateSchema) },
  responses: { 200: jsonResponse(companySchema, "Geändert"), 404: { description: "Nicht gefunden" } },
});
const remove = defineRoute({
  method: "delete",
  path: "/api/v1/companies/{id}",
  tags,
  summary: "Betrieb mit Ansprechpersonen, Kontaktverlauf und Plätzen löschen",
  access: companyAccess,
  request: { params: companyIdParam },
  responses: { 204: { description: "Gelöscht" }, 404: { description: "Nicht gefunden" } },
});
const stage = defineRoute({
  method: "post",
  path: "/api/v1/companies/{id}/stage",
  tags,
  summary: "Auf dem Board verschieben (Stufe wechseln)",
  access: companyAccess,
  request: { params: companyIdParam, ...jsonBody(stageMoveSchema) },
  responses: { 200: jsonResponse(companySchema, "Verschoben") },
});
const history = defineRoute({
  method: "get",
  path: "/api/v1/companies/{id}/history",
  tags,
  summary: "Verlauf der Stufen (neueste zuerst)",
  access: companyAccess,
  request: { params: companyIdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(stageChangeSchema) }), "Verlauf") },
});
const merge = defineRoute({
  method: "post",
  path: "/api/v1/companies/{id}/merge",
  tags,
  summary: "Eine Dublette in diesen Betrieb übernehmen (Kontakte, Verlauf, Plätze wandern mit)",
  access: companyAccess,
  request: { params: companyIdParam, ...jsonBody(mergeSchema) },
  responses: { 200: jsonResponse(companySchema, "Zusammengeführt") },
});

export function companyRoutes(router: ApiRouter): void {
  router.openapi(list, async (c) => c.json(await listCompanies(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(exportList, async (c) => {
    const ctx = ctxOf(c);
    const { format, ...filters } = c.req.valid("query");
    return fileDownload(await exportCompanies(ctx, filters, format), "betriebe", ctx.now, format);
  });
  router.openapi(board, async (c) => c.json(await companyBoard(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(map, async (c) => c.json(await companyMap(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(duplicates, async (c) => {
    const q = c.req.valid("query");
    return c.json(await findDuplicates(ctxOf(c), q.name, q.postalCode), 200);
  });
  router.openapi(create, async (c) => c.json(await createCompany(ctxOf(c), c.req.valid("json")), 201));
  router.openapi(detail, async (c) => c.json(await requireCompany(ctxOf(c), c.req.valid("param").id), 200));
  router.openapi(update, async (c) => c.json(await updateCompany(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200));
  router.openapi(remove, async (c) => {
    await deleteCompany(ctxOf(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
  router.openapi(stage, async (c) => c.json(await moveCompanyStage(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200));
  router.openapi(history, async (c) => c.json({ items: await stageHistory(ctxOf(c), c.req.valid("param").id) }, 200));
  router.openapi(merge, async (c) => c.json(await mergeCompanies(ctxOf(c), c.req.valid("param").id, c.req.valid("json").otherId), 200));
}
