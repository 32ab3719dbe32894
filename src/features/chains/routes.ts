import { z } from "@hono/zod-openapi";
import { type ApiRouter, ctxOf, defineRoute, jsonBody, jsonResponse } from "../../lib/http/route.js";
import { startDigest } from "./digest.js";
import { candidateHandout, templateHandout } from "./handout.js";
import { chainIndicators } from "./indicators.js";
import { updateStep } from "./run-steps.js";
import { listRuns, runDetail, startRun } from "./runs.js";
import {
  createdSchema,
  diffSchema,
  handoutQuery,
  idParam,
  indicatorsQuery,
  indicatorsSchema,
  publishSchema,
  runCreateSchema,
  runListQuery,
  runPageSchema,
  runSchema,
  runStepParam,
  runStepUpdateSchema,
  templateCreateSchema,
  templateListQuery,
  templatePageSchema,
  templateSchema,
  templateUpdateSchema,
  transferSchema,
} from "./schema.js";
import { createTemplate, listTemplates, newVersion, publishTemplate, templateDetail, updateTemplate } from "./templates.js";
import { diffTemplate, transferTemplate } from "./transfer.js";

/** Counsellors (templates of their districts, runs of their districts), coordination and administration. */
export const chainAccess = ["admin", "coordinator", "counsellor"] as const;
const access = chainAccess;
const tags = ["Prozessketten"];
const pdfResponse = { 200: { description: "PDF", content: { "application/pdf": { schema: z.string() } } } };

const templateList = defineRoute({
  method: "get",
  path: "/api/v1/chains/templates",
  tags,
  summary: "Vorlagen der Prozesskette (alle Kreise; Filter Kreis, Status, Suche)",
  access,
  request: { query: templateListQuery },
  responses: { 200: jsonResponse(templatePageSchema, "Eine Seite Vorlagen") },
});
const templateCreate = defineRoute({
  method: "post",
  path: "/api/v1/chains/templates",
  tags,
  summary: "Vorlage anlegen (Entwurf)",
  access,
  request: jsonBody(templateCreateSchema),
  responses: { 201: jsonResponse(templateSchema, "Angelegt") },
});
const templateRead = defineRoute({
  method: "get",
  path: "/api/v1/chains/templates/{id}",
  tags,
  summary: "Eine Vorlage mit ihren Schritten",
  access,
  request: { params: idParam },
  responses: { 200: jsonResponse(templateSchema, "Die Vorlage") },
});
const templateUpdate = defineRoute({
  method: "patch",
  path: "/api/v1/chains/templates/{id}",
  tags,
  summary: "Entwurf ändern (Schritte: die ganze Liste in neuer Reihenfolge; geänderte Stelle/Kontakt gelten als geprüft)",
  access,
  request: { params: idParam, ...jsonBody(templateUpdateSchema) },
  responses: { 200: jsonResponse(templateSchema, "Geändert") },
});
const transfer = defineRoute({
  method: "post",
  path: "/api/v1/chains/templates/{id}/transfer",
  tags,
  summary: "In einen anderen Kreis übertragen: Entwurf, alle kreisgebundenen Felder „zu prüfen“",
  access,
  request: { params: idParam, ...jsonBody(transferSchema) },
  responses: { 201: jsonResponse(createdSchema, "Der Entwurf") },
});
const diff = defineRoute({
  method: "get",
  path: "/api/v1/chains/templates/{id}/diff",
  tags,
  summary: "Vergleich mit der Quellvorlage: Schritte neu, entfallen, geändert; noch zu prüfende Felder",
  access,
  request: { params: idParam },
  responses: { 200: jsonResponse(diffSchema, "Der Vergleich") },
});
const publish = defineRoute({
  method: "post",
  path: "/api/v1/chains/templates/{id}/publish",
  tags,
  summary: "Entwurf veröffentlichen (löst die bisherige Fassung des Kreises ab); 409, solange Felder ungeprüft und unbestätigt sind",
  access,
  request: { params: idParam, ...jsonBody(publishSchema) },
  responses: { 200: jsonResponse(templateSchema, "Veröffentlicht") },
});
const version = defineRoute({
  method: "post",
  path: "/api/v1/chains/templates/{id}/versions",
  tags,
  summary: "Neue Fassung als Entwurf (Kopie dieser Vorlage für dieselben Kreise)",
  access,
  request: { params: idParam },
  responses: { 201: jsonResponse(createdSchema, "Der Entwurf") },
});
const templatePdf = defineRoute({
  method: "get",
  path: "/api/v1/chains/templates/{id}/handout.pdf",
  tags,
  summary: "Merkblatt (PDF, Deutsch): der Weg als nummerierte Schritte mit Beteiligten, Unterlagen, Fristen und Stellen des Kreises",
  access,
  request: { params: idParam },
  responses: pdfResponse,
});
const runList = defineRoute({
  method: "get",
  path: "/api/v1/chains/runs",
  tags,
  summary: "Läufe in Ihren Kreisen (Filter Kreis, Vorlage, Match, überfällig, abgeschlossen)",
  access,
  request: { query: runListQuery },
  responses: { 200: jsonResponse(runPageSchema, "Eine Seite Läufe") },
});
const runCreate = defineRoute({
  method: "post",
  path: "/api/v1/chains/runs",
  tags,
  summary: "Lauf für ein Match starten: Vorlage des Kreises des Platzes, Schritte nach Bedingungen, Fristen ab Beginn",
  access,
  request: jsonBody(runCreateSchema),
  responses: { 201: jsonResponse(runSchema, "Gestartet"), 200: jsonResponse(runSchema, "Bestand schon (zweiter Klick)") },
});
const runRead = defineRoute({
  method: "get",
  path: "/api/v1/chains/runs/{id}",
  tags,
  summary: "Ein Lauf mit Schritten, Fristen und Hinweisen",
  access,
  request: { params: idParam },
  responses: { 200: jsonResponse(runSchema, "Der Lauf") },
});
const stepUpdate = defineRoute({
  method: "patch",
  path: "/api/v1/chains/runs/{id}/steps/{stepId}",
  tags,
  summary: "Schritt abhaken: Status (nicht nötig mit Grund), Datum, Notiz, Dokumente der Person",
  access,
  request: { params: runStepParam, ...jsonBody(runStepUpdateSchema) },
  responses: { 200: jsonResponse(runSchema, "Der Lauf") },
});
const runPdf = defineRoute({
  method: "get",
  path: "/api/v1/chains/runs/{id}/handout.pdf",
  tags,
  summary: "Merkblatt für die jugendliche Person: ihre Schritte in ihrer Sprache (de, en, ar, uk, fa)",
  access,
  request: { params: idParam, query: handoutQuery },
  responses: pdfResponse,
});
const indicators = defineRoute({
  method: "get",
  path: "/api/v1/chains/indicators",
  tags,
  summary: "Kennzahlen: Vorlagen je Kreis, Läufe begonnen/abgeschlossen/überfällig, Median der Tage je Schritt",
  access,
  request: { query: indicatorsQuery },
  responses: { 200: jsonResponse(indicatorsSchema, "Kennzahlen") },
});
const digest = defineRoute({
  method: "post",
  path: "/api/v1/chains/digest",
  tags,
  summary: "Wochenübersicht der fälligen Schritte jetzt senden (sonst montags als Auftrag)",
  access: ["admin", "coordinator"],
  responses: { 202: jsonResponse(createdSchema, "Als Auftrag angenommen") },
});

const pdf = (bytes: Buffer, name: string) =>
  new Response(new Uint8Array(bytes), {
    status: 200,
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${name}.pdf"` },
  }) as never;

export function chainsRoutes(router: ApiRouter): void {
  router.openapi(templateList, async (c) => c.json(await listTemplates(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(templateCreate, async (c) => c.json(await createTemplate(ctxOf(c), c.req.valid("json")), 201));
  router.openapi(templateRead, async (c) => c.json(await templateDetail(ctxOf(c), c.req.valid("param").id), 200));
  router.openapi(templateUpdate, async (c) => c.json(await updateTemplate(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200));
  router.openapi(transfer, async (c) => c.json(await transferTemplate(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 201));
  router.openapi(diff, async (c) => c.json(await diffTemplate(ctxOf(c), c.req.valid("param").id), 200));
  router.openapi(publish, async (c) => c.json(await publishTemplate(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200));
  router.openapi(version, async (c) => c.json(await newVersion(ctxOf(c), c.req.valid("param").id), 201));
  router.openapi(templatePdf, async (c) => pdf(await templateHandout(ctxOf(c), c.req.valid("param").id), "prozesskette"));
  router.openapi(runList, async (c) => c.json(await listRuns(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(runCreate, async (c) => {
    const run = await startRun(ctxOf(c), c.req.valid("json"));
    return run.created ? c.json(run, 201) : c.json(run, 200);
  });
  router.openapi(runRead, async (c) => c.json(await runDetail(ctxOf(c), c.req.valid("param").id), 200));
  router.openapi(stepUpdate, async (c) => {
    const { id, stepId } = c.req.valid("param");
    return c.json(await updateStep(ctxOf(c), id, stepId, c.req.valid("json")), 200);
  });
  router.openapi(runPdf, async (c) =>
    pdf(await candidateHandout(ctxOf(c), c.req.valid("param").id, c.req.valid("query").language), "meine-schritte"),
  );
  router.openapi(indicators, async (c) => c.json(await chainIndicators(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(digest, async (c) => c.json(await startDigest(ctxOf(c)), 202));
}
