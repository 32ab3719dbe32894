import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { sql } from "kysely";
import { auditRoutes } from "../features/audit/routes.js";
import { geoRoutes } from "../features/geo/routes.js";
import { occupationRoutes } from "../features/occupations/routes.js";
import { authRoutes } from "../features/users/auth-routes.js";
import { userRoutes } from "../features/users/routes.js";
import type { AppDeps, AppEnv } from "../lib/http/env.js";
import { HttpProblem, problems } from "../lib/http/problem.js";
import { defineRoute } from "../lib/http/route.js";
import { apiReferenceCss, renderApiReference } from "./api-reference.js";
import { fieldErrors, problemResponse, toProblem } from "./middleware/errors.js";
import { requestContext, sessionAndOrigin } from "./middleware/request-context.js";
import { securityHeaders } from "./middleware/security-headers.js";

z.config(z.locales.de());

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

const health = defineRoute({
  method: "get",
  path: "/api/health",
  tags: ["Betrieb"],
  summary: "Lebenszeichen und Art der Datenbank",
  access: "public",
  responses: {
    200: {
      description: "Alles in Ordnung",
      content: { "application/json": { schema: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }) } },
    },
  },
});

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw problems.invalid(fieldErrors(result.error));
    },
  });

  app.use("*", requestContext(deps));
  app.use("*", securityHeaders());
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: () => {
        throw new HttpProblem(
          413,
          "Anfrage zu groß",
          `Die gesendeten Daten überschreiten ${Math.round(deps.config.bodyLimitBytes / 1024)} KB.`,
        );
      },
    }),
  );
  app.use("/api/*", sessionAndOrigin(deps));
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  app.openapi(health, async (c) => {
    await sql`select 1`.execute(deps.db);
    return c.json({ status: "ok" as const, database: deps.databaseKind }, 200);
  });
  authRoutes(app);
  userRoutes(app);
  auditRoutes(app);
  geoRoutes(app);
  occupationRoutes(app);

  const openApiConfig = {
    openapi: "3.1.0",
    info: {
      title: "Lotse",
      version: "1",
      description: "API von Lotse. Jeder Endpunkt nennt in x-access, wer ihn aufrufen darf.",
    },
  };
  app.doc31("/api/openapi.json", openApiConfig);
  app.get("/api/docs", (c) => c.html(renderApiReference(app.getOpenAPI31Document(openApiConfig) as never)));
  app.get("/api/docs.css", (c) => c.body(apiReferenceCss, 200, { "Content-Type": "text/css; charset=utf-8" }));
  app.all("/api/*", () => {
    throw new HttpProblem(404, "Nicht gefunden", "Diese Adresse gibt es in der API nicht.");
  });

  if (existsSync(path.join(webDistDir, "index.html"))) {
    const indexHtml = readFileSync(path.join(webDistDir, "index.html"), "utf8");
    app.use("/assets/*", serveStatic({ root: path.relative(process.cwd(), webDistDir) }));
    app.use("/favicon.svg", serveStatic({ root: path.relative(process.cwd(), webDistDir) }));
    // Every other path belongs to the single-page app's router.
    app.get("*", (c) => c.html(indexHtml));
  }

  app.onError((err, c) => {
    const problem = toProblem(err);
    if (problem) return problemResponse(c, problem);
    console.error(JSON.stringify({ level: "error", requestId: c.get("requestId"), msg: String(err), stack: (err as Error).stack }));
    return problemResponse(
      c,
      new HttpProblem(
        500,
        "Interner Fehler",
        "Etwas ist schiefgegangen. Bitte versuchen Sie es erneut; nennen Sie dem Support die Anfrage-ID.",
      ),
    );
  });
  app.notFound((c) => problemResponse(c, new HttpProblem(404, "Nicht gefunden", "Diese Adresse gibt es nicht.")));
  return app;
}

export type App = ReturnType<typeof createApp>;
