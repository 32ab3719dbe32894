import { type ApiRouter, ctxOf, defineRoute, jsonBody, jsonResponse } from "../../lib/http/route.js";
import {
  confirmInputSchema,
  confirmResultSchema,
  registrationAcceptedSchema,
  registrationInputSchema,
  registrationTextsSchema,
  textsParam,
} from "./schema.js";
import { confirmRegistration, registrationTexts, submitRegistration } from "./service.js";

const tags = ["Selbstregistrierung"];

const texts = defineRoute({
  method: "get",
  path: "/api/v1/registration/texts/{language}",
  tags,
  summary: "Datenschutzhinweis und Einwilligungstext in einer der fünf Sprachen",
  access: "public",
  request: { params: textsParam },
  responses: { 200: jsonResponse(registrationTextsSchema, "Texte") },
});
const submit = defineRoute({
  method: "post",
  path: "/api/v1/registrations",
  tags,
  summary: "Selbstregistrierung (ohne Anmeldung): schickt eine Mail mit Bestätigungslink",
  access: "public",
  request: jsonBody(registrationInputSchema),
  responses: { 202: jsonResponse(registrationAcceptedSchema, "Mail unterwegs"), 429: { description: "Zu viele Anmeldungen" } },
});
const confirm = defineRoute({
  method: "post",
  path: "/api/v1/registrations/confirm",
  tags,
  summary: "Bestätigungslink aus der Mail: legt die Person mit Status new an",
  access: "public",
  request: jsonBody(confirmInputSchema),
  responses: {
    200: jsonResponse(confirmResultSchema, "Bestätigt"),
    404: { description: "Link unbekannt" },
    410: { description: "Link abgelaufen" },
  },
});

export function registrationRoutes(router: ApiRouter): void {
  router.openapi(texts, (c) => c.json(registrationTexts(c.req.valid("param").language), 200));
  router.openapi(submit, async (c) => c.json(await submitRegistration(ctxOf(c), c.req.valid("json"), new URL(c.req.url).origin), 202));
  router.openapi(confirm, async (c) => c.json(await confirmRegistration(ctxOf(c), c.req.valid("json").token), 200));
}
