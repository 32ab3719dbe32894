import { z } from "@hono/zod-openapi";
import { type ApiRouter, ctxOf, defineRoute, jsonBody, jsonResponse } from "../../lib/http/route.js";
import { addContact, changeContact, listActivities, listContacts, logActivity, markNextStep, removeContact } from "./contact-log.js";
import { companyAccess } from "./routes.js";
import {
  activityInputSchema,
  activityParam,
  activitySchema,
  activityUpdateSchema,
  companyIdParam,
  contactInputSchema,
  contactParam,
  contactSchema,
} from "./schema.js";

const tags = ["Betriebe"];

const contacts = defineRoute({
  method: "get",
  path: "/api/v1/companies/{id}/contacts",
  tags,
  summary: "Ansprechpersonen eines Betriebs",
  access: companyAccess,
  request: { params: companyIdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(contactSchema) }), "Ansprechpersonen") },
});
const addContactRoute = defineRoute({
  method: "post",
  path: "/api/v1/companies/{id}/contacts",
  tags,
  summary: "Ansprechperson hinzufügen",
  access: companyAccess,
  request: { params: companyIdParam, ...jsonBody(contactInputSchema) },
  responses: { 201: jsonResponse(contactSchema, "Angelegt") },
});
const changeContactRoute = defineRoute({
  method: "put",
  path: "/api/v1/companies/{id}/contacts/{contactId}",
  tags,
  summary: "Ansprechperson ändern",
  access: companyAccess,
  request: { params: contactParam, ...jsonBody(contactInputSchema) },
  responses: { 200: jsonResponse(contactSchema, "Geändert") },
});
const removeContactRoute = defineRoute({
  method: "delete",
  path: "/api/v1/companies/{id}/contacts/{contactId}",
  tags,
  summary: "Ansprechperson löschen",
  access: companyAccess,
  request: { params: contactParam },
  responses: { 204: { description: "Gelöscht" } },
});
const activities = defineRoute({
  method: "get",
  path: "/api/v1/companies/{id}/activities",
  tags,
  summary: "Kontaktverlauf (neueste zuerst)",
  access: companyAccess,
  request: { params: companyIdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(activitySchema) }), "Kontaktverlauf") },
});
const logActivityRoute = defineRoute({
  method: "post",
  path: "/api/v1/companies/{id}/activities",
  tags,
  summary: "Kontakt eintragen (Anruf, Besuch, E-Mail, Brief, Veranstaltung, Notiz), optional mit Wiedervorlage",
  access: companyAccess,
  request: { params: companyIdParam, ...jsonBody(activityInputSchema) },
  responses: { 201: jsonResponse(activitySchema, "Eingetragen") },
});
const markRoute = defineRoute({
  method: "patch",
  path: "/api/v1/companies/{id}/activities/{activityId}",
  tags,
  summary: "Wiedervorlage erledigt (oder wieder offen)",
  access: companyAccess,
  request: { params: activityParam, ...jsonBody(activityUpdateSchema) },
  responses: { 200: jsonResponse(activitySchema, "Geändert") },
});

export function contactLogRoutes(router: ApiRouter): void {
  router.openapi(contacts, async (c) => c.json({ items: await listContacts(ctxOf(c), c.req.valid("param").id) }, 200));
  router.openapi(addContactRoute, async (c) => c.json(await addContact(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 201));
  router.openapi(changeContactRoute, async (c) => {
    const p = c.req.valid("param");
    return c.json(await changeContact(ctxOf(c), p.id, p.contactId, c.req.valid("json")), 200);
  });
  router.openapi(removeContactRoute, async (c) => {
    const p = c.req.valid("param");
    await removeContact(ctxOf(c), p.id, p.contactId);
    return c.body(null, 204);
  });
  router.openapi(activities, async (c) => c.json({ items: await listActivities(ctxOf(c), c.req.valid("param").id) }, 200));
  router.openapi(logActivityRoute, async (c) => c.json(await logActivity(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 201));
  router.openapi(markRoute, async (c) => {
    const p = c.req.valid("param");
    return c.json(await markNextStep(ctxOf(c), p.id, p.activityId, c.req.valid("json").nextStepDone), 200);
  });
}
