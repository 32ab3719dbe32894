import { createRoute, type OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { Actor, Role } from "./actor.js";
import type { AppEnv } from "./env.js";
import { problems } from "./problem.js";

/**
 * Who may call a route. Declared next to every route; `x-access` in the OpenAPI document carries
 * it, and a snapshot test lists all routes with it, so a change to who may reach what shows in review.
 */
export type Access =
  | "public"
  /** Signed in with the password, second factor still open (only the second-factor routes). */
  | "password-only"
  /** Signed in, a forced password change may be pending (only the account routes). */
  | "signed-in-any"
  | "signed-in"
  | readonly Role[];

export function describeAccess(access: Access): string {
  return typeof access === "string" ? access : `roles:${[...access].sort().join(",")}`;
}

function accessGuard(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access === "public") return next();
    const actor = c.get("actor");
    if (!actor) throw problems.notSignedIn();
    if (access === "password-only") return next();
    if (actor.secondFactorPending) {
      throw problems.forbidden("Bitte bestätigen Sie die Anmeldung mit dem Code aus Ihrer Authenticator-App.");
    }
    if (access === "signed-in-any") return next();
    if (actor.mustChangePassword) {
      throw problems.forbidden("Bitte legen Sie zuerst ein neues Passwort fest.");
    }
    if (access === "signed-in") return next();
    if (!access.includes(actor.role)) throw problems.forbidden();
    return next();
  };
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.array(z.string())).optional(),
    requestId: z.string().optional(),
  })
  .openapi("Problem");

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

/** A route with its access declaration and the error responses every route can give. */
export function defineRoute<R extends Omit<RouteConfig, "middleware"> & { access: Access }>(config: R) {
  const { access, ...route } = config;
  const errors: RouteConfig["responses"] = { 422: problemResponse("Ungültige Eingabe") };
  if (access !== "public") {
    errors[401] = problemResponse("Nicht angemeldet");
    errors[403] = problemResponse("Keine Berechtigung");
  }
  return createRoute({
    ...route,
    "x-access": describeAccess(access),
    middleware: [accessGuard(access)] as const,
    responses: { ...errors, ...route.responses },
  } as unknown as Omit<R, "access"> & { middleware: [MiddlewareHandler<AppEnv>] });
}

/** The actor of a route whose access declaration guarantees a signed-in user. */
export function actorOf(c: { get: (key: "actor") => Actor | null }): Actor {
  const actor = c.get("actor");
  if (!actor) throw problems.notSignedIn();
  return actor;
}

export type FeatureRoutes = (app: OpenAPIHono<AppEnv>) => void;

/** Who asked, for the audit log: the request id and the client address. */
export function requestMeta(c: { get: (key: "requestId" | "ip") => string }): { requestId: string; ip: string } {
  return { requestId: c.get("requestId"), ip: c.get("ip") };
}

/** A CSV download: the file name gets today's date. */
export function csvDownload(csv: string, name: string): Response {
  return new Response(csv, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
}
