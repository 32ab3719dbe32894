import { z } from "@hono/zod-openapi";
import { type ApiRouter, ctxOf, defineRoute, jsonBody, jsonResponse } from "../../lib/http/route.js";
import { listReferrals, updateReferral } from "./referrals.js";
import {
  candidateIdParam,
  consultationCreateSchema,
  consultationIdParam,
  consultationListQuerySchema,
  consultationPageSchema,
  consultationSchema,
  consultationUpdateSchema,
  referralIdParam,
  referralListQuerySchema,
  referralPageSchema,
  referralSchema,
  referralUpdateSchema,
} from "./schema.js";
import {
  candidateConsultations,
  createConsultation,
  deleteConsultation,
  listConsultations,
  requireConsultation,
  updateConsultation,
} from "./service.js";

/** Counsellors (young people of their districts), coordination and administration; partners see no counselling. */
export const consultationAccess = ["admin", "coordinator", "counsellor"] as const;
const tags = ["Beratung"];

const list = defineRoute({
  method: "get",
  path: "/api/v1/consultations",
  tags,
  summary: "Beratungen (neueste zuerst, Seiten per cursor)",
  access: consultationAccess,
  request: { query: consultationListQuerySchema },
  responses: { 200: jsonResponse(consultationPageSchema, "Eine Seite Beratungen") },
});
const create = defineRoute({
  method: "post",
  path: "/api/v1/consultations",
  tags,
  summary: "Beratung erfassen (Erst-, Verweis- oder Folgeberatung), mit Verweisungen",
  access: consultationAccess,
  request: { ...jsonBody(consultationCreateSchema) },
  responses: { 201: jsonResponse(consultationSchema, "Erfasst") },
});
const detail = defineRoute({
  method: "get",
  path: "/api/v1/consultations/{id}",
  tags,
  summary: "Eine Beratung mit ihren Verweisungen",
  access: consultationAccess,
  request: { params: consultationIdParam },
  responses: { 200: jsonResponse(consultationSchema, "Die Beratung") },
});
const update = defineRoute({
  method: "patch",
  path: "/api/v1/consultations/{id}",
  tags,
  summary: "Beratung ändern (Notizen, Ergebnis, nächster Schritt, erledigt …)",
  access: consultationAccess,
  request: { params: consultationIdParam, ...jsonBody(consultationUpdateSchema) },
  responses: { 200: jsonResponse(consultationSchema, "Geändert") },
});
const remove = defineRoute({
  method: "delete",
  path: "/api/v1/consultations/{id}",
  tags,
  summary: "Versehentlich erfasste Beratung löschen (mit ihren Verweisungen)",
  access: consultationAccess,
  request: { params: consultationIdParam },
  responses: { 204: { description: "Gelöscht" } },
});
const ofCandidate = defineRoute({
  method: "get",
  path: "/api/v1/candidates/{id}/consultations",
  tags,
  summary: "Alle Beratungen einer Person (neueste zuerst)",
  access: consultationAccess,
  request: { params: candidateIdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(consultationSchema) }), "Beratungen") },
});
const referrals = defineRoute({
  method: "get",
  path: "/api/v1/referrals",
  tags,
  summary: "Verweisungen zum Nachhalten (früheste Wiedervorlage zuerst)",
  access: consultationAccess,
  request: { query: referralListQuerySchema },
  responses: { 200: jsonResponse(referralPageSchema, "Eine Seite Verweisungen") },
});
const updateReferralRoute = defineRoute({
  method: "patch",
  path: "/api/v1/referrals/{id}",
  tags,
  summary: "Ausgang einer Verweisung erfassen (angekommen, nicht angekommen, unbekannt) oder neu nachhalten",
  access: consultationAccess,
  request: { params: referralIdParam, ...jsonBody(referralUpdateSchema) },
  responses: { 200: jsonResponse(referralSchema, "Geändert") },
});

export function consultationRoutes(router: ApiRouter): void {
  router.openapi(list, async (c) => c.json(await listConsultations(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(create, async (c) => c.json(await createConsultation(ctxOf(c), c.req.valid("json")), 201));
  router.openapi(detail, async (c) => c.json(await requireConsultation(ctxOf(c), c.req.valid("param").id), 200));
  router.openapi(update, async (c) => c.json(await updateConsultation(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200));
  router.openapi(remove, async (c) => {
    await deleteConsultation(ctxOf(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
  router.openapi(ofCandidate, async (c) => c.json({ items: await candidateConsultations(ctxOf(c), c.req.valid("param").id) }, 200));
  router.openapi(referrals, async (c) => c.json(await listReferrals(ctxOf(c), c.req.valid("query")), 200));
  router.openapi(updateReferralRoute, async (c) =>
    c.json(await updateReferral(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
}
