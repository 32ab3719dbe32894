import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../lib/http/env.js";

/** Vite names every file under assets/ after its content: a new build brings new names, so these never change. */
const hashedAsset = "public, max-age=31536000, immutable";
/** The favicon keeps its name from build to build. */
const namedFile = "public, max-age=86400";

const isApiPath = (p: string) => p === "/api" || p.startsWith("/api/");

/** Sets the caching headers on files that were found (not on a 404 that follows a missing file). */
const cacheFor =
  (cacheControl: string): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    await next();
    if (c.res.status === 200 || c.res.status === 206) {
      c.header("Cache-Control", cacheControl);
      // The same URL answers with br, gzip or plain bytes: caches must keep them apart.
      c.header("Vary", "Accept-Encoding");
    }
  };

/**
 * Serves the built web app (dist/web, see scripts/web-build.mjs) when there is one:
 * - /assets/*: the hashed bundle files, cached for a year; the .br/.gz sibling the build wrote is
 *   sent when the browser accepts it (Content-Encoding br or gzip), otherwise the plain file; a
 *   missing asset is a 404, not the app's HTML under a script's name;
 * - /favicon.svg;
 * - every other GET outside /api: index.html, never cached, so a new build is picked up at once.
 * Mount it after the API routes.
 */
export function mountWebApp(app: OpenAPIHono<AppEnv>, webDistDir: string): void {
  const indexFile = path.join(webDistDir, "index.html");
  if (!existsSync(indexFile)) return;
  const indexHtml = readFileSync(indexFile, "utf8");
  const root = path.resolve(webDistDir);

  app.use("/assets/*", cacheFor(hashedAsset), serveStatic({ root, precompressed: true }));
  app.get("/assets/*", (c) => c.notFound());
  app.use("/favicon.svg", cacheFor(namedFile), serveStatic({ root, precompressed: true }));
  // Every other path belongs to the single-page app's router.
  app.get("*", async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    c.header("Cache-Control", "no-cache");
    return c.html(indexHtml);
  });
}
