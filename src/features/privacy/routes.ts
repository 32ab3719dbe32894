import { z } from "@hono/zod-openapi";
import { type ApiRouter, ctxOf, defineRoute, jsonBody, jsonResponse } from "../../lib/http/route.js";
import { candidateIdParam } from "../candidates/schema.js";
import { consentFormFor, dataExport, eraseCandidate } from "./data-requests.js";
import { retentionPreview, startRetentionRun } from "./retention.js";
import {
  consentFormQuerySchema,
  consentInputSchema,
  consentListSchema,
  consentParam,
  consentSchema,
  eraseInputSchema,
  eraseResultSchema,
  retentionPreviewSchema,
  shareInputSchema,
  shareSchema,
} from "./schema.js";
import { confirmConsent, listConsents, recordConsent, shareProfile, withdrawConsent } from "./service.js";

const staff = ["admin", "coordinator", "counsellor"] as const;
const tags = ["Datenschutz"];

const list = defineRoute({
  method: "get",
  path: "/api/v1/candidates/{id}/consents",
  tags,
  summary: "Einwilligungen einer Person (Zwecke, einzeln genannte Empfänger, Widerruf)",
  access: staff,
  request: { params: candidateIdParam },
  responses: { 200: jsonResponse(consentListSchema, "Einwilligungen") },
});
const create = defineRoute({
  method: "post",
  path: "/api/v1/candidates/{id}/consents",
  tags,
  summary: "Einwilligung erfassen (gilt ab sofort)",
  access: staff,
  request: { params: candidateIdParam, ...jsonBody(consentInputSchema) },
  responses: { 201: jsonResponse(consentSchema, "Erfasst") },
});
const withdraw = defineRoute({
  method: "post",
  path: "/api/v1/candidates/{id}/consents/{consentId}/withdraw",
  tags,
  summary: "Widerruf: wirkt sofort, überall",
  access: staff,
  request: { params: consentParam },
  responses: { 200: jsonResponse(consentSchema, "Widerrufen") },
});
const confirm = defineRoute({
  method: "post",
  path: "/api/v1/candidates/{id}/consents/{consentId}/confirm",
  tags,
  summary: "Online-Einwilligung (Selbstregistrierung) nach dem Gespräch bestätigen",
  access: staff,
  request: { params: consentParam },
  responses: { 200: jsonResponse(consentSchema, "Bestätigt") },
});
const form = defineRoute({
  method: "get",
  path: "/api/v1/candidates/{id}/consent-form",
  tags,
  summary: "Einwilligungsformular zum Ausdrucken (PDF) in der Sprache der Person",
  access: staff,
  request: { params: candidateIdParam, query: consentFormQuerySchema },
  responses: { 200: { description: "PDF", content: { "application/pdf": { schema: z.string() } } } },
});
const share = defineRoute({
  method: "post",
  path: "/api/v1/candidates/{id}/shares",
  tags,
  summary: "Profil an einen Betrieb oder Partner weitergeben: nur, wenn die Einwilligung ihn nennt (sonst 409)",
  access: staff,
  request: { params: candidateIdParam, ...jsonBody(shareInputSchema) },
  responses: { 201: jsonResponse(shareSchema, "Weitergegeben"), 409: { description: "Keine Einwilligung für diesen Empfänger" } },
});
const exportData = defineRoute({
  method: "get",
  path: "/api/v1/candidates/{id}/data-export",
  tags,
  summary: "Auskunft (Art. 15/20 DSGVO): alles Gespeicherte als JSON oder PDF",
  access: ["admin"],
  request: { params: candidateIdParam, query: z.strictObject({ format: z.enum(["json", "pdf"]).default("json") }) },
  responses: { 200: { description: "JSON oder PDF", content: { "application/json": { schema: z.object({}).passthrough() } } } },
});
const erase = defineRoute({
  method: "post",
  path: "/api/v1/candidates/{id}/erase",
  tags,
  summary: "Löschen (Art. 17 DSGVO): personenbezogene Daten und Dateien; Zahlen für Berichte bleiben ohne Personenbezug",
  access: ["admin"],
  request: { params: candidateIdParam, ...jsonBody(eraseInputSchema) },
  responses: { 200: jsonResponse(eraseResultSchema, "Gelöscht") },
});
const preview = defineRoute({
  method: "get",
  path: "/api/v1/privacy/retention",
  tags,
  summary: "Wer als Nächstes anonymisiert würde (Probe, ändert nichts)",
  access: ["admin"],
  responses: { 200: jsonResponse(retentionPreviewSchema, "Vorschau") },
});
const runNow = defineRoute({
  method: "post",
  path: "/api/v1/privacy/retention/run",
  tags,
  summary: "Aufbewahrungsfrist jetzt anwenden (als Auftrag)",
  access: ["admin"],
  responses: { 202: jsonResponse(z.object({ id: z.uuid() }), "Auftrag gestartet") },
});

const pdf = (bytes: Buffer, name: string) =>
  new Response(new Uint8Array(bytes), {
    status: 200,
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${name}.pdf"` },
  }) as never;

export function privacyRoutes(router: ApiRouter): void {
  router.openapi(list, async (c) => c.json({ items: await listConsents(ctxOf(c), c.req.valid("param").id) }, 200));
  router.openapi(create, async (c) => c.json(await recordConsent(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 201));
  router.openapi(withdraw, async (c) => {
    const { id, consentId } = c.req.valid("param");
    return c.json(await withdrawConsent(ctxOf(c), id, consentId), 200);
  });
  router.openapi(confirm, async (c) => {
    const { id, consentId } = c.req.valid("param");
    return c.json(await confirmConsent(ctxOf(c), id, consentId), 200);
  });
  router.openapi(form, async (c) =>
    pdf(await consentFormFor(ctxOf(c), c.req.valid("param").id, c.req.valid("query").language), "einwilligung"),
  );
  router.openapi(share, async (c) => c.json(await shareProfile(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 201));
  router.openapi(exportData, async (c) => {
    const ctx = ctxOf(c);
    const result = await dataExport(ctx, c.req.valid("param").id, c.req.valid("query").format);
    if (Buffer.isBuffer(result)) return pdf(result, "auskunft");
    return new Response(JSON.stringify(result, null, 2), {
      status: 200,
      headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="auskunft.json"' },
    }) as never;
  });
  router.openapi(erase, async (c) => c.json(await eraseCandidate(ctxOf(c), c.req.valid("param").id, c.req.valid("json").confirmName), 200));
  router.openapi(preview, async (c) => c.json(await retentionPreview(ctxOf(c)), 200));
  router.openapi(runNow, async (c) => c.json({ id: await startRetentionRun(ctxOf(c)) }, 202));
}
