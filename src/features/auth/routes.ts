import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { actorOf } from "../../lib/context.js";
import { type Actor, roleSeesResidence } from "../../lib/http/actor.js";
import { type ApiRouter, ctxOf, defineRoute, jsonBody, jsonResponse } from "../../lib/http/route.js";
import { type Me, meSchema } from "../users/schema.js";
import { loginBodySchema, loginResultSchema, passwordChangeSchema, totpCodeSchema, totpSetupSchema } from "./schema.js";
import { changeOwnPassword, login, logout, sessionCookieName } from "./service.js";
import { beginTotpSetup, confirmTotpSetup, disableTotp, verifySecondFactor } from "./totp.js";

const noContent = { description: "Erledigt" };

export function toMe(a: Actor, residenceRoles: readonly string[]): Me {
  return {
    id: a.id,
    email: a.email,
    displayName: a.displayName,
    role: a.role,
    districts: a.districts,
    organisation: a.organisation,
    mustChangePassword: a.mustChangePassword,
    totpEnabled: a.totpEnabled,
    secondFactorPending: a.secondFactorPending,
    mayReadResidence: roleSeesResidence(a.role, residenceRoles),
  };
}

const loginRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/login",
  tags: ["Anmeldung"],
  summary: "Mit E-Mail-Adresse und Passwort anmelden (setzt das Sitzungs-Cookie, beendet eine mitgesendete alte Sitzung)",
  access: "public",
  request: jsonBody(loginBodySchema),
  responses: {
    200: jsonResponse(loginResultSchema, "Angemeldet; ggf. fehlt noch der zweite Faktor"),
    429: { description: "Zu viele Fehlversuche (Retry-After)" },
  },
});

const logoutRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/logout",
  tags: ["Anmeldung"],
  summary: "Abmelden",
  access: "password-only",
  responses: { 204: noContent },
});

const meRoute = defineRoute({
  method: "get",
  path: "/api/v1/auth/me",
  tags: ["Anmeldung"],
  summary: "Das angemeldete Konto",
  access: "password-only",
  responses: { 200: jsonResponse(meSchema, "Das eigene Konto") },
});

const totpVerifyRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/totp/verify",
  tags: ["Anmeldung"],
  summary: "Zweiten Faktor (TOTP-Code) bei der Anmeldung bestätigen; jeder Code gilt einmal",
  access: "password-only",
  request: jsonBody(totpCodeSchema),
  responses: { 200: jsonResponse(meSchema, "Anmeldung abgeschlossen"), 429: { description: "Zu viele Fehlversuche (Retry-After)" } },
});

const totpSetupRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/totp/setup",
  tags: ["Konto"],
  summary: "Zwei-Faktor-Anmeldung einrichten: neues Geheimnis",
  access: "signed-in",
  responses: { 200: jsonResponse(totpSetupSchema, "Geheimnis und otpauth-Adresse für die App") },
});

const totpEnableRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/totp/enable",
  tags: ["Konto"],
  summary: "Zwei-Faktor-Anmeldung mit einem ersten Code aktivieren",
  access: "signed-in",
  request: jsonBody(totpCodeSchema),
  responses: { 204: noContent },
});

const totpDisableRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/totp/disable",
  tags: ["Konto"],
  summary: "Zwei-Faktor-Anmeldung abschalten (nicht für Administration); gedrosselt und protokolliert",
  access: "signed-in",
  request: jsonBody(totpCodeSchema),
  responses: { 204: noContent, 429: { description: "Zu viele Fehlversuche (Retry-After)" } },
});

const passwordRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/password",
  tags: ["Konto"],
  summary: "Eigenes Passwort ändern; das bisherige wird gedrosselt und protokolliert geprüft",
  access: "signed-in-any",
  request: jsonBody(passwordChangeSchema),
  responses: { 204: noContent, 429: { description: "Zu viele Fehlversuche (Retry-After)" } },
});

export function authRoutes(router: ApiRouter): void {
  router.openapi(loginRoute, async (c) => {
    const ctx = ctxOf(c);
    const result = await login(ctx, c.req.valid("json"), getCookie(c, sessionCookieName));
    const secure = (ctx.config.publicOrigin ?? new URL(c.req.url).origin).startsWith("https:");
    setCookie(c, sessionCookieName, result.token, { httpOnly: true, sameSite: "Lax", secure, path: "/", expires: result.expiresAt });
    return c.json({ secondFactorRequired: result.secondFactorRequired }, 200);
  });

  router.openapi(logoutRoute, async (c) => {
    await logout(ctxOf(c));
    deleteCookie(c, sessionCookieName, { path: "/" });
    return c.body(null, 204);
  });

  router.openapi(meRoute, (c) => {
    const ctx = ctxOf(c);
    return c.json(toMe(actorOf(ctx), ctx.config.residenceRoles), 200);
  });

  router.openapi(totpVerifyRoute, async (c) => {
    const ctx = ctxOf(c);
    await verifySecondFactor(ctx, c.req.valid("json").code);
    return c.json(toMe({ ...actorOf(ctx), secondFactorPending: false }, ctx.config.residenceRoles), 200);
  });

  router.openapi(totpSetupRoute, async (c) => c.json(await beginTotpSetup(ctxOf(c)), 200));

  router.openapi(totpEnableRoute, async (c) => {
    await confirmTotpSetup(ctxOf(c), c.req.valid("json").code);
    return c.body(null, 204);
  });

  router.openapi(totpDisableRoute, async (c) => {
    await disableTotp(ctxOf(c), c.req.valid("json").code);
    return c.body(null, 204);
  });

  router.openapi(passwordRoute, async (c) => {
    await changeOwnPassword(ctxOf(c), c.req.valid("json"));
    return c.body(null, 204);
  });
}
