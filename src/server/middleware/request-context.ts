import { randomUUID } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { sessionCookieName } from "../../features/users/auth-routes.js";
import { resolveSession } from "../../features/users/auth-service.js";
import type { AppDeps, AppEnv } from "../../lib/http/env.js";
import { problems } from "../../lib/http/problem.js";

export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    c.set("requestId", requestId);
    c.set("deps", deps);
    c.set("actor", null);
    let ip = "unknown";
    if (deps.config.trustProxy) ip = c.req.header("x-forwarded-for")?.split(",")[0]?.trim() || ip;
    if (ip === "unknown") {
      try {
        ip = getConnInfo(c).remote.address ?? ip;
      } catch {
        // In-process requests (tests) have no socket.
      }
    }
    c.set("ip", ip);
    c.header("X-Request-Id", requestId);
    await next();
  };
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the session cookie to the actor. State-changing requests that carry the cookie must come
 * from the app's own origin (CSRF defence on top of SameSite=Lax).
 */
export function sessionAndOrigin(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookieName);
    if (token && !safeMethods.has(c.req.method)) {
      const expected = deps.config.publicOrigin ?? new URL(c.req.url).origin;
      if (c.req.header("origin") !== expected) {
        throw problems.forbidden("Die Anfrage kommt nicht von Lotse selbst und wurde abgewiesen.");
      }
    }
    if (token && token.length <= 100) {
      const actor = await resolveSession(deps.db, token, deps.now());
      if (actor) c.set("actor", actor);
    }
    await next();
  };
}
