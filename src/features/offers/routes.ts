import { z } from "@hono/zod-openapi";
import { type ApiRouter, ctxOf, defineRoute, jsonBody, jsonResponse } from "../../lib/http/route.js";
import { fileDownload } from "../../lib/spreadsheet.js";
import { companyAccess } from "../companies/routes.js";
import {
  offerCreateSchema,
  offerExportQuerySchema,
  offerFiltersSchema,
  offerIdParam,
  offerListQuerySchema,
  offerMapSchema,
  offerPageSchema,
  offerSchema,
  offerUpdateSchema,
} from "./schema.js";
import { createOffer, deleteOffer, exportOffers, listOffers, offerMap, requireOffer, updateOffer } from "./service.js";

const tags = ["Ausbildungsplätze"];

const list = defineRoute({
  method: "get",
  path: "/api/v1/offers",
  tags,
  summary: "Ausbildungs-, EQ- und Praktikumsplätze über alle Betriebe (nach Beginn, Seiten per cursor)",
  access: companyAccess,
  request: { query: offerListQuerySchema },
  responses: { 200: jsonResponse(offerPageSchema, "Eine Seite Plätze") },
});
const exportList = defineRoute({
  method: "get",
  path: "/api/v1/offers/export",
  tags,
  summary: "Genau die gefilterten Plätze als CSV oder XLSX",
  access: companyAccess,
  request: { query: offerExportQuerySchema },
  responses: { 200: { description: "CSV oder XLSX", content: { "text/csv": { schema: z.string() } } } },
});
const map = defineRoute({
  method: "get",
  path: "/api/v1/offers/map",
  tags,
  summary: "Plätze als Punkte für die Karte",
  access: companyAccess,
  request: { query: offerFiltersSchema },
  responses: { 200: jsonResponse(offerMapSchema, "Punkte") },
});
const create = defineRoute({
  method: "post",
  path: "/api/v1/offers",
  tags,
  summary: "Platz anlegen (Arbeitsort ohne Angabe: Postleitzahl des Betriebs)",
  access: companyAccess,
  request: jsonBody(offerCreateSchema),
  responses: { 201: jsonResponse(offerSchema, "Angelegt") },
});
const detail = defineRoute({
  method: "get",
  path: "/api/v1/offers/{id}",
  tags,
  summary: "Ein Platz",
  access: companyAccess,
  request: { params: offerIdParam },
  responses: { 200: jsonResponse(offerSchema, "Der Platz"), 404: { description: "Nicht gefunden oder nicht sichtbar" } },
});
const update = defineRoute({
  method: "patch",
  path: "/api/v1/offers/{id}",
  tags,
  summary: "Platz ändern",
  access: companyAccess,
  request: { params: offerIdParam, ...jsonBody(offerUpdateSchema) },
  responses: { 200: jsonResponse(offerSchema, "Geändert") },
});
const remove = defineRoute({
  method: "delete",
  path: "/api/v1/offers/{id}",
  tags,
  summary: "Platz löschen",
  access: companyAccess,
  request: { params: offerIdParam },
  responses: { 204: { description: "Gelöscht" } },
});

export function offerRoutes(router: ApiRouter): void {
  router.openapi(list, async (c) => c.json(await listOffers(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(exportList, async (c) => {
    const ctx = ctxOf(c);
    const { format, ...filters } = c.req.valid("query");
    return fileDownload(await exportOffers(ctx, filters, format), "ausbildungsplaetze", ctx.now, format);
  });
  router.openapi(map, async (c) => c.json(await offerMap(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(create, async (c) => c.json(await createOffer(ctxOf(c), c.req.valid("json")), 201));
  router.openapi(detail, async (c) => c.json(await requireOffer(ctxOf(c), c.req.valid("param").id), 200));
  router.openapi(update, async (c) => c.json(await updateOffer(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200));
  router.openapi(remove, async (c) => {
    await deleteOffer(ctxOf(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
