import { createRoute, type OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { Ctx } from "../context.js";
import { fail } from "../errors.js";
import type { Role } from "./actor.js";
import type { AppEnv } from "./env.js";

/**
 * Who may call a route. Declared next to every route; `x-access` in the OpenAPI document carries
 * it, a snapshot test lists all routes with it, and the route matrix test calls every route as every
 * role. A route without a declaration cannot be registered (default deny).
 */
export type Access =
  | "public"
  /** Signed in with the password, second factor still open (only the second-factor routes). */
  | "password-only"
  /** Signed in, a forced password change may be pending (only the account routes). */
  | "signed-in-any"
  | "signed-in"
  | readonly Role[];

function describeAccess(access: Access): string {
  return typeof access === "string" ? access : `roles:${[...access].sort().join(",")}`;
}

function accessGuard(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access === "public") return next();
    const actor = c.get("ctx").actor;
    if (!actor) throw fail.notSignedIn();
    if (access === "password-only") return next();
    if (actor.secondFactorPending) {
      throw fail.forbidden("Bitte bestätigen Sie die Anmeldung mit dem Code aus Ihrer Authenticator-App.");
    }
    if (access === "signed-in-any") return next();
    if (actor.mustChangePassword) throw fail.forbidden("Bitte legen Sie zuerst ein neues Passwort fest.");
    if (access === "signed-in") return next();
    if (!access.includes(actor.role)) throw fail.forbidden();
    return next();
  };
}

const problemSchema = z
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

declare const accessDeclared: unique symbol;
/** A route made by `defineRoute`: the only kind the API router accepts. */
export type DeclaredRoute = RouteConfig & { readonly [accessDeclared]: true };
const declaredRoutes = new WeakSet<object>();

/** A route with its access declaration and the error responses every route can give. */
export function defineRoute<R extends Omit<RouteConfig, "middleware"> & { access: Access }>(config: R) {
  const { access, ...route } = config;
  const errors: RouteConfig["responses"] = { 400: problemResponse("Ungültige Anfrage"), 422: problemResponse("Ungültige Eingabe") };
  if (access !== "public") {
    errors[401] = problemResponse("Nicht angemeldet");
    errors[403] = problemResponse("Keine Berechtigung");
  }
  const made = createRoute({
    ...route,
    "x-access": describeAccess(access),
    middleware: [accessGuard(access)] as const,
    responses: { ...errors, ...route.responses },
  } as unknown as Omit<R, "access"> & { middleware: [MiddlewareHandler<AppEnv>] });
  declaredRoutes.add(made);
  return made as typeof made & { readonly [accessDeclared]: true };
}

declare const typedApp: OpenAPIHono<AppEnv>;
type HandlerOf<R extends DeclaredRoute> = Parameters<typeof typedApp.openapi<R>>[1];

/** What a feature gets to register its routes: only declared routes go in. */
export type ApiRouter = { openapi: <R extends DeclaredRoute>(route: R, handler: HandlerOf<R>) => void };
export type FeatureRoutes = (router: ApiRouter) => void;

/** Hono's path syntax of an OpenAPI path ("/users/{id}" → "/users/:id"). */
export const honoPath = (path: string) => path.replaceAll(/\/{(.+?)}/g, "/:$1");

/**
 * The router features register on. Remembers what went in, so the app can check at start that no
 * API route reached Hono without an access declaration.
 */
export function apiRouter(app: OpenAPIHono<AppEnv>): { router: ApiRouter; registered: Set<string> } {
  const registered = new Set<string>();
  const router: ApiRouter = {
    openapi(route, handler) {
      if (!declaredRoutes.has(route)) throw new Error(`${route.method} ${route.path}: Route ohne Zugriffsregel (defineRoute)`);
      registered.add(`${route.method.toUpperCase()} ${honoPath(route.path)}`);
      app.openapi(route, handler as never);
    },
  };
  return { router, registered };
}

/** The request context of a route handler. */
export const ctxOf = (c: { get: (key: "ctx") => Ctx }): Ctx => c.get("ctx");

/** A CSV download: the file name gets the day of the request. */
export function csvDownload(ctx: Pick<Ctx, "now">, csv: string, name: string): Response {
  return new Response(csv, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${ctx.now.toISOString().slice(0, 10)}.csv"`,
    },
  });
}

/** A JSON response of a route: `200: jsonResponse(schema, "Beschreibung")`. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A required JSON request body: `request: { ...jsonBody(schema) }`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});
