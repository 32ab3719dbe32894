import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { OpenAPIHono } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressAssets } from "../../scripts/compress-assets.mjs";
import type { AppEnv } from "../lib/http/env.js";
import { mountWebApp } from "./static-files.js";

const dist = mkdtempSync(path.join(tmpdir(), "lotse-dist-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const indexHtml = '<!doctype html><html lang="de"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head></html>';
const script = `export const greeting = ${JSON.stringify("Willkommen bei Lotse! ".repeat(200))};\n`;
const scriptFile = path.join(dist, "assets/index-Ab12Cd34.js");

/** An app like createApp's: API routes first, then the web app; deliberately without an /api/* catch-all. */
function appWith(webDistDir: string) {
  const app = new OpenAPIHono<AppEnv>();
  app.get("/api/health", (c) => c.json({ status: "ok" }));
  mountWebApp(app, webDistDir);
  app.notFound((c) => c.json({ title: "Nicht gefunden" }, 404));
  return app;
}

let app: ReturnType<typeof appWith>;
beforeAll(async () => {
  mkdirSync(path.join(dist, "assets"), { recursive: true });
  writeFileSync(path.join(dist, "index.html"), indexHtml);
  writeFileSync(path.join(dist, "favicon.svg"), `<svg xmlns="http://www.w3.org/2000/svg">${"<g/>".repeat(50)}</svg>`);
  writeFileSync(scriptFile, script);
  await compressAssets(dist);
  app = appWith(dist);
});

const get = (p: string, headers: Record<string, string> = {}) => app.request(`http://localhost${p}`, { headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe("the built web app (mountWebApp)", () => {
  it("sends an asset Brotli-compressed to a browser that accepts br: the .br file the build wrote, cached for good", async () => {
    const res = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    const body = await bytes(res);
    expect(body).toEqual(readFileSync(`${scriptFile}.br`));
    expect(body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it("sends gzip to a client that only accepts gzip, the plain file to one that accepts neither", async () => {
    const gz = await get("/assets/index-Ab12Cd34.js", { "accept-encoding": "gzip" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(await bytes(gz)).toString()).toBe(script);

    const plain = await get("/assets/index-Ab12Cd34.js");
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect((await bytes(plain)).toString()).toBe(script);
    expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(plain.headers.get("vary")).toBe("Accept-Encoding");
  });

  it("a missing asset is a 404, not the app's HTML, and is not cached as immutable", async () => {
    const res = await get("/assets/index-Old00000.js", { "accept-encoding": "br" });
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBeNull();
    expect(await res.json()).toEqual({ title: "Nicht gefunden" });
  });

  it("serves the favicon", async () => {
    const res = await get("/favicon.svg");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=86400");
  });

  it("answers every other GET with index.html, not cached, so the app's router takes over", async () => {
    for (const p of ["/", "/kandidaten/42", "/benutzer?rolle=admin", "/lizenzen"]) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toBe(indexHtml);
    }
  });

  it("does not swallow API paths: known ones answer, unknown ones are a 404, not HTML", async () => {
    expect(await (await get("/api/health")).json()).toEqual({ status: "ok" });
    for (const p of ["/api/v1/gibt-es-nicht", "/api"]) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    }
    expect((await app.request("http://localhost/kandidaten", { method: "POST" })).status).toBe(404);
  });

  it("mounts nothing when there is no build", async () => {
    const bare = appWith(path.join(dist, "gibt-es-nicht"));
    expect((await bare.request("http://localhost/")).status).toBe(404);
  });
});
