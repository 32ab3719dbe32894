import { describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../tests/support/test-app.js";

const t = setupTestApp();

type Doc = { openapi: string; paths: Record<string, Record<string, { "x-access"?: string; responses: Record<string, unknown> }>> };

describe("the API as a whole", () => {
  it("GET /api/health names the database", async () => {
    const res = await t.request("GET", "/api/health");
    expect(await res.json()).toEqual({ status: "ok", database: process.env.DATABASE_URL ? "postgres" : "pglite" });
  });

  it("sends the security headers: CSP without inline scripts, no framing, nosniff, referrer policy", async () => {
    const res = await t.request("GET", "/api/health");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("an unknown API path is a 404 problem in German", async () => {
    const res = await t.request("GET", "/api/v1/gibt-es-nicht");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ title: "Nicht gefunden", status: 404 });
  });

  it("publishes an OpenAPI 3.1 document and a readable reference page", async () => {
    const doc = (await (await t.request("GET", "/api/openapi.json")).json()) as Doc;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/v1/users"]?.post?.responses["422"]).toBeDefined();
    const page = await t.request("GET", "/api/docs");
    const html = await page.text();
    expect(html).toContain("API-Referenz");
    expect(html).toContain("/api/v1/occupations");
    expect(html).not.toContain("<script");
  });

  /**
   * A diff in this snapshot changes who can reach an endpoint: review it as a permission change.
   */
  it("every route declares who may call it", async () => {
    const doc = (await (await t.request("GET", "/api/openapi.json")).json()) as Doc;
    const table: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op["x-access"], `${method} ${path}`).toMatch(/^(public|password-only|signed-in-any|signed-in|roles:[a-z,]+)$/);
        table.push(`${method.toUpperCase().padEnd(6)} ${path.padEnd(40)} ${op["x-access"]}`);
      }
    }
    expect(table.sort().join("\n")).toMatchSnapshot();
  });

  it("a session cookie does not change what a public route answers, and a partner's cookie opens no admin route", async () => {
    const partner = await t.signIn(demo.partner);
    expect((await t.request("GET", "/api/health", { as: partner })).status).toBe(200);
    expect((await t.request("GET", "/api/v1/audit", { as: partner })).status).toBe(403);
  });
});
