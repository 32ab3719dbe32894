import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import type { Actor } from "../../lib/http/actor.js";
import type { AppEnv } from "../../lib/http/env.js";
import { actorOf, defineRoute, requestMeta } from "../../lib/http/route.js";
import { beginTotpSetup, changeOwnPassword, confirmTotpSetup, disableTotp, login, logout, verifySecondFactor } from "./auth-service.js";
import { loginBodySchema, type Me, meSchema, passwordChangeSchema, totpCodeSchema, totpSetupSchema } from "./schema.js";

export const sessionCookieName = "lotse_session";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const noContent = { description: "Erledigt" };

export function toMe(a: Actor): Me {
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
  };
}

const loginRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/login",
  tags: ["Anmeldung"],
  summary: "Mit E-Mail-Adresse und Passwort anmelden (setzt das Sitzungs-Cookie)",
  access: "public",
  request: { body: { content: { "application/json": { schema: loginBodySchema } }, required: true } },
  responses: {
    200: json(z.object({ secondFactorRequired: z.boolean() }), "Angemeldet; ggf. fehlt noch der zweite Faktor"),
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
  responses: { 200: json(meSchema, "Das eigene Konto") },
});

const totpVerifyRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/totp/verify",
  tags: ["Anmeldung"],
  summary: "Zweiten Faktor (TOTP-Code) bei der Anmeldung bestätigen",
  access: "password-only",
  request: { body: { content: { "application/json": { schema: totpCodeSchema } }, required: true } },
  responses: { 200: json(meSchema, "Anmeldung abgeschlossen") },
});

const totpSetupRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/totp/setup",
  tags: ["Konto"],
  summary: "Zwei-Faktor-Anmeldung einrichten: neues Geheimnis",
  access: "signed-in",
  responses: { 200: json(totpSetupSchema, "Geheimnis und otpauth-Adresse für die App") },
});

const totpEnableRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/totp/enable",
  tags: ["Konto"],
  summary: "Zwei-Faktor-Anmeldung mit einem ersten Code aktivieren",
  access: "signed-in",
  request: { body: { content: { "application/json": { schema: totpCodeSchema } }, required: true } },
  responses: { 204: noContent },
});

const totpDisableRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/totp/disable",
  tags: ["Konto"],
  summary: "Zwei-Faktor-Anmeldung abschalten (nicht für Administration)",
  access: "signed-in",
  request: { body: { content: { "application/json": { schema: totpCodeSchema } }, required: true } },
  responses: { 204: noContent },
});

const passwordRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/password",
  tags: ["Konto"],
  summary: "Eigenes Passwort ändern",
  access: "signed-in-any",
  request: { body: { content: { "application/json": { schema: passwordChangeSchema } }, required: true } },
  responses: { 204: noContent },
});

export function authRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(loginRoute, async (c) => {
    const { db, config, now } = c.get("deps");
    const result = await login(db, c.req.valid("json"), {
      meta: requestMeta(c),
      userAgent: c.req.header("user-agent")?.slice(0, 300) ?? null,
      now: now(),
      sessionHours: config.sessionHours,
    });
    const secure = (config.publicOrigin ?? new URL(c.req.url).origin).startsWith("https:");
    setCookie(c, sessionCookieName, result.token, {
      httpOnly: true,
      sameSite: "Lax",
      secure,
      path: "/",
      expires: result.expiresAt,
    });
    return c.json({ secondFactorRequired: result.secondFactorRequired }, 200);
  });

  app.openapi(logoutRoute, async (c) => {
    await logout(c.get("deps").db, actorOf(c), requestMeta(c));
    deleteCookie(c, sessionCookieName, { path: "/" });
    return c.body(null, 204);
  });

  app.openapi(meRoute, (c) => c.json(toMe(actorOf(c)), 200));

  app.openapi(totpVerifyRoute, async (c) => {
    const actor = actorOf(c);
    const { db, now } = c.get("deps");
    await verifySecondFactor(db, actor, c.req.valid("json").code, requestMeta(c), now());
    return c.json(toMe({ ...actor, secondFactorPending: false }), 200);
  });

  app.openapi(totpSetupRoute, async (c) => c.json(await beginTotpSetup(c.get("deps").db, actorOf(c), requestMeta(c)), 200));

  app.openapi(totpEnableRoute, async (c) => {
    const { db, now } = c.get("deps");
    await confirmTotpSetup(db, actorOf(c), c.req.valid("json").code, requestMeta(c), now());
    return c.body(null, 204);
  });

  app.openapi(totpDisableRoute, async (c) => {
    const { db, now } = c.get("deps");
    await disableTotp(db, actorOf(c), c.req.valid("json").code, requestMeta(c), now());
    return c.body(null, 204);
  });

  app.openapi(passwordRoute, async (c) => {
    await changeOwnPassword(c.get("deps").db, actorOf(c), c.req.valid("json"), requestMeta(c));
    return c.body(null, 204);
  });
}
