import { randomUUID } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { resolveSession, sessionCookieName } from "../../features/auth/service.js";
import type { Ctx } from "../../lib/context.js";
import { fail } from "../../lib/errors.js";
import { scopeOf } from "../../lib/http/actor.js";
import type { AppDeps, AppEnv } from "../../lib/http/env.js";
import { negotiateLocale, runInLocale } from "../../lib/i18n/locale.js";

/** A client's X-Request-Id is kept only in this shape (it goes into logs and the audit log). */
export const safeRequestId = /^[A-Za-z0-9_-]{8,64}$/;

function clientIp(c: Parameters<MiddlewareHandler<AppEnv>>[0], deps: AppDeps): string {
  if (deps.config.trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded && /^[0-9A-Fa-f:.]{2,45}$/.test(forwarded)) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // In-process requests (tests) have no socket.
  }
}

/**
 * Builds the request context once per API request: request id, client address, language, clock,
 * logger; the actor and scope are filled in by `sessionAndOrigin`. Runs the rest of the request in
 * the request's language, so even zod's messages come in it.
 */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && safeRequestId.test(incoming) ? incoming : randomUUID();
    const locale = negotiateLocale(c.req.header("accept-language"));
    const ctx: Ctx = {
      db: deps.db,
      actor: null,
      scope: scopeOf(null),
      now: deps.now(),
      requestId,
      ip: clientIp(c, deps),
      userAgent: c.req.header("user-agent")?.slice(0, 300) ?? null,
      locale,
      log: deps.log.child({ requestId }),
      config: deps.config,
      inWrite: false,
    };
    c.set("deps", deps);
    c.set("ctx", ctx);
    c.header("X-Request-Id", requestId);
    const started = performance.now();
    await runInLocale(locale, next);
    const ms = Math.round(performance.now() - started);
    const status = c.res.status;
    if (status >= 500) ctx.log.error({ method: c.req.method, path: c.req.path, status, ms }, "Anfrage fehlgeschlagen");
    else ctx.log.debug({ method: c.req.method, path: c.req.path, status, ms }, "Anfrage");
  };
}

const nulCharacter = String.fromCharCode(0);
const containsNul = (text: string) => text.includes(nulCharacter) || /\\u0000|%00/i.test(text);

/**
 * A NUL character cannot be stored by PostgreSQL: refuse it in the path, the query and a JSON body
 * with a clear 400 before any handler runs.
 */
export function rejectNulCharacters(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (containsNul(c.req.url)) throw fail.badRequest("Die Anfrage enthält ein unzulässiges Steuerzeichen (NUL).");
    const type = c.req.header("content-type") ?? "";
    if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method) && type.includes("json")) {
      const text = await c.req.text();
      if (containsNul(text)) throw fail.badRequest("Die Anfrage enthält ein unzulässiges Steuerzeichen (NUL).");
    }
    await next();
  };
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the session cookie to the actor and its scope. State-changing requests that carry the
 * cookie must come from the app's own origin (CSRF defence on top of SameSite=Lax).
 */
export function sessionAndOrigin(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookieName);
    if (token && !safeMethods.has(c.req.method)) {
      const expected = deps.config.publicOrigin ?? new URL(c.req.url).origin;
      if (c.req.header("origin") !== expected) {
        throw fail.forbidden("Die Anfrage kommt nicht von Lotse selbst und wurde abgewiesen.");
      }
    }
    if (token && token.length <= 100) {
      const ctx = c.get("ctx");
      const actor = await resolveSession(ctx, token);
      if (actor) c.set("ctx", { ...ctx, actor, scope: scopeOf(actor) });
    }
    await next();
  };
}
