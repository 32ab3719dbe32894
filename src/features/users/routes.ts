import { z } from "@hono/zod-openapi";
import { type ApiRouter, csvDownload, ctxOf, defineRoute } from "../../lib/http/route.js";
import {
  idParamSchema,
  passwordResetSchema,
  userCreateSchema,
  userPageSchema,
  userSchema,
  usersExportQuerySchema,
  usersQuerySchema,
  userUpdateSchema,
} from "./schema.js";
import { createUserAccount, exportUsers, getUser, listUsers, resetUserPassword, updateUserAccount } from "./service.js";

const userJson = { content: { "application/json": { schema: userSchema } } };

const list = defineRoute({
  method: "get",
  path: "/api/v1/users",
  tags: ["Benutzer"],
  summary: "Benutzerkonten (Beratung: nur Kolleginnen und Kollegen der eigenen Kreise)",
  access: ["admin", "coordinator", "counsellor"],
  request: { query: usersQuerySchema },
  responses: { 200: { description: "Eine Seite Benutzerkonten", content: { "application/json": { schema: userPageSchema } } } },
});

const exportList = defineRoute({
  method: "get",
  path: "/api/v1/users/export",
  tags: ["Benutzer"],
  summary: "Benutzerkonten als CSV (genau die gefilterten, im eigenen Sichtbereich)",
  access: ["admin", "coordinator", "counsellor"],
  request: { query: usersExportQuerySchema },
  responses: { 200: { description: "CSV (UTF-8, Semikolon)", content: { "text/csv": { schema: z.string() } } } },
});

const detail = defineRoute({
  method: "get",
  path: "/api/v1/users/{id}",
  tags: ["Benutzer"],
  summary: "Ein Benutzerkonto",
  access: ["admin", "coordinator", "counsellor"],
  request: { params: idParamSchema },
  responses: { 200: { description: "Das Konto", ...userJson }, 404: { description: "Nicht gefunden oder nicht sichtbar" } },
});

const create = defineRoute({
  method: "post",
  path: "/api/v1/users",
  tags: ["Benutzer"],
  summary: "Benutzerkonto anlegen (Passwortwechsel bei der ersten Anmeldung)",
  access: ["admin"],
  request: { body: { content: { "application/json": { schema: userCreateSchema } }, required: true } },
  responses: { 201: { description: "Angelegt", ...userJson }, 409: { description: "E-Mail-Adresse vergeben" } },
});

const update = defineRoute({
  method: "patch",
  path: "/api/v1/users/{id}",
  tags: ["Benutzer"],
  summary: "Rolle, Kreise, Name, Organisation ändern; Konto deaktivieren",
  access: ["admin"],
  request: { params: idParamSchema, body: { content: { "application/json": { schema: userUpdateSchema } }, required: true } },
  responses: { 200: { description: "Geändert", ...userJson }, 404: { description: "Nicht gefunden" }, 409: { description: "Konflikt" } },
});

const resetPassword = defineRoute({
  method: "post",
  path: "/api/v1/users/{id}/password-reset",
  tags: ["Benutzer"],
  summary: "Passwort zurücksetzen (erzwingt einen Wechsel bei der nächsten Anmeldung)",
  access: ["admin"],
  request: { params: idParamSchema, body: { content: { "application/json": { schema: passwordResetSchema } }, required: true } },
  responses: { 204: { description: "Zurückgesetzt" }, 404: { description: "Nicht gefunden" } },
});

export function userRoutes(router: ApiRouter): void {
  router.openapi(list, async (c) => c.json(await listUsers(ctxOf(c), c.req.valid("query")), 200));
  // Before the detail route: "export" is not an id.
  router.openapi(exportList, async (c) => {
    const ctx = ctxOf(c);
    return csvDownload(ctx, await exportUsers(ctx, c.req.valid("query")), "benutzer");
  });
  router.openapi(detail, async (c) => c.json(await getUser(ctxOf(c), c.req.valid("param").id), 200));
  router.openapi(create, async (c) => c.json(await createUserAccount(ctxOf(c), c.req.valid("json")), 201));
  router.openapi(update, async (c) => c.json(await updateUserAccount(ctxOf(c), c.req.valid("param").id, c.req.valid("json")), 200));
  router.openapi(resetPassword, async (c) => {
    await resetUserPassword(ctxOf(c), c.req.valid("param").id, c.req.valid("json").newPassword);
    return c.body(null, 204);
  });
}
