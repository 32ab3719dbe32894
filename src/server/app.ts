import path from "node:path";
import { fileURLToPath } from "node:url";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { auditRoutes } from "../features/audit/routes.js";
import { authRoutes } from "../features/auth/routes.js";
import { documentRoutes, documentUploadHasOwnLimit } from "../features/candidates/document-routes.js";
import { candidateRoutes } from "../features/candidates/routes.js";
import { candidatesToday } from "../features/candidates/today.js";
import { chainsRoutes } from "../features/chains/routes.js";
import { chainsToday } from "../features/chains/today.js";
import { contactLogRoutes } from "../features/companies/contact-log-routes.js";
import { companyRoutes } from "../features/companies/routes.js";
import { companiesToday } from "../features/companies/today.js";
import { consultationRoutes } from "../features/consultations/routes.js";
import { consultationsToday } from "../features/consultations/today.js";
import { geoRoutes } from "../features/geo/routes.js";
import { hasOwnBodyLimit, importRoutes } from "../features/imports/routes.js";
import { matchingRoutes } from "../features/matching/routes.js";
import { matchesToday } from "../features/matching/today.js";
import { occupationRoutes } from "../features/occupations/routes.js";
import { offerRoutes } from "../features/offers/routes.js";
import { privacyRoutes } from "../features/privacy/routes.js";
import { registrationRoutes } from "../features/registration/routes.js";
import { todayRoutes } from "../features/today/routes.js";
import { userRoutes } from "../features/users/routes.js";
import { DomainError, fail } from "../lib/errors.js";
import type { AppDeps, AppEnv } from "../lib/http/env.js";
import { apiRouter, type FeatureRoutes, honoPath } from "../lib/http/route.js";
import { negotiateLocale } from "../lib/i18n/locale.js";
import { msg } from "../lib/i18n/messages.js";
import { configureZodMessages } from "../lib/i18n/zod-messages.js";
import { apiReferenceCss, renderApiReference } from "./api-reference.js";
import { problemResponse, toDomainError, zodFieldErrors } from "./middleware/errors.js";
import { rejectNulCharacters, requestContext, sessionAndOrigin } from "./middleware/request-context.js";
import { securityHeaders } from "./middleware/security-headers.js";
import { operationsRoutes } from "./operations-routes.js";
import { mountWebApp } from "./static-files.js";

configureZodMessages();

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

/** Every feature's routes. A new feature adds one line here; the route matrix test finds its routes. */
const features: FeatureRoutes[] = [
  operationsRoutes,
  authRoutes,
  userRoutes,
  auditRoutes,
  geoRoutes,
  occupationRoutes,
  companyRoutes,
  contactLogRoutes,
  offerRoutes,
  consultationRoutes,
  todayRoutes([companiesToday, consultationsToday, candidatesToday, matchesToday, chainsToday]),
  importRoutes,
  candidateRoutes,
  documentRoutes,
  privacyRoutes,
  registrationRoutes,
  matchingRoutes,
  chainsRoutes,
];

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw fail.invalid(zodFieldErrors(result.error));
    },
  });

  app.use("/api/*", requestContext(deps));
  app.use("*", securityHeaders(deps.config));
  const generalBodyLimit = bodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: () => {
      throw new DomainError(
        "too_large",
        msg("Die gesendeten Daten überschreiten {kb} KB.", { kb: Math.round(deps.config.bodyLimitBytes / 1024) }),
      );
    },
  });
  // Uploads (imports, documents) check their own, larger limits in their routes.
  app.use("/api/*", (c, next) =>
    hasOwnBodyLimit(c.req.method, c.req.path) || documentUploadHasOwnLimit(c.req.method, c.req.path) ? next() : generalBodyLimit(c, next),
  );
  app.use("/api/*", rejectNulCharacters());
  app.use("/api/*", sessionAndOrigin(deps));
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  const { router, registered } = apiRouter(app);
  for (const register of features) register(router);

  const openApiConfig = {
    openapi: "3.1.0",
    info: {
      title: "Lotse",
      version: "1",
      description:
        "API von Lotse. Jeder Endpunkt nennt in x-access, wer ihn aufrufen darf. Fehler kommen als problem+json in der Sprache von Accept-Language (Deutsch oder Englisch).",
    },
  };
  app.doc31("/api/openapi.json", openApiConfig);
  app.get("/api/docs", (c) => c.html(renderApiReference(app.getOpenAPI31Document(openApiConfig) as never)));
  app.get("/api/docs.css", (c) => c.body(apiReferenceCss, 200, { "Content-Type": "text/css; charset=utf-8" }));
  assertEveryApiRouteDeclared(app, registered, ["GET /api/openapi.json", "GET /api/docs", "GET /api/docs.css"]);
  app.all("/api/*", () => {
    throw new DomainError("not_found", "Diese Adresse gibt es in der API nicht.");
  });

  mountWebApp(app, webDistDir);

  app.onError((err, c) => {
    const ctx = c.get("ctx");
    const locale = ctx?.locale ?? negotiateLocale(c.req.header("accept-language"));
    const requestId = ctx?.requestId ?? "";
    const known = toDomainError(err);
    if (known) return problemResponse(c, known, locale, requestId);
    (ctx?.log ?? deps.log).error({ err, method: c.req.method, path: c.req.path }, "Unerwarteter Fehler");
    return problemResponse(c, internalError, locale, requestId);
  });
  app.notFound((c) =>
    problemResponse(
      c,
      new DomainError("not_found", "Diese Adresse gibt es nicht."),
      c.get("ctx")?.locale ?? "de",
      c.get("ctx")?.requestId ?? "",
    ),
  );
  return app;
}

const internalError = new DomainError(
  "internal",
  "Etwas ist schiefgegangen. Bitte versuchen Sie es erneut; nennen Sie dem Support die Anfrage-ID.",
);

/**
 * Default deny: every API route must have come in through `defineRoute` with an access declaration.
 * A route registered on Hono directly stops the start.
 */
export function assertEveryApiRouteDeclared(app: OpenAPIHono<AppEnv>, registered: Set<string>, documentation: string[]) {
  const allowed = new Set([...registered, ...documentation]);
  for (const r of app.routes) {
    if (!r.path.startsWith("/api/") || r.method === "ALL") continue;
    const key = `${r.method} ${honoPath(r.path)}`;
    if (!allowed.has(key)) throw new Error(`${key}: API-Route ohne Zugriffsregel – mit defineRoute anlegen`);
  }
}

export type App = ReturnType<typeof createApp>;
