import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { AccessFixture } from "../../tests/support/access-fixture.js";
import { demo, expectDenied, expectSameAsMissing, setupTestApp } from "../../tests/support/test-app.js";

/**
 * Every route of the app, from its OpenAPI document (not a hand list), called as anonymous, as every
 * role, and as a counsellor of the wrong district. A route a later feature adds is covered without
 * touching this file; a route with path parameters needs an access fixture in its feature folder.
 */
const t = setupTestApp();

type Operation = { "x-access": string };
type Doc = { paths: Record<string, Record<string, Operation>> };

const featuresDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../features");
const fixtures = new Map<string, AccessFixture>();
beforeAll(async () => {
  for (const feature of readdirSync(featuresDir)) {
    const file = path.join(featuresDir, feature, "access-fixtures.test-support.ts");
    if (!existsSync(file)) continue;
    const { accessFixtures } = (await import(file)) as { accessFixtures: AccessFixture[] };
    for (const f of accessFixtures) fixtures.set(f.route, f);
  }
});

const personas = [
  { name: "admin", email: demo.admin, role: "admin" },
  { name: "coordinator", email: demo.coordinator, role: "coordinator" },
  { name: "counsellor (Halle)", email: demo.counsellorHalle, role: "counsellor" },
  { name: "partner", email: demo.partner, role: "partner" },
] as const;

function allows(access: string, role: string): boolean {
  if (["password-only", "signed-in-any", "signed-in"].includes(access)) return true;
  return access.startsWith("roles:") && access.slice(6).split(",").includes(role);
}

const fill = (path: string, params: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "x"));

async function routes() {
  const doc = (await (await t.request("GET", "/api/openapi.json")).json()) as Doc;
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, access: op["x-access"] })),
  );
}

// Dozens of sign-ins (scrypt) and fixtures per run: room for a busy machine and a real PostgreSQL.
describe("route matrix: every route, every role, the wrong district", { timeout: 240_000 }, () => {
  it("every route with path parameters has an access fixture", async () => {
    const missing = (await routes()).filter((r) => r.path.includes("{") && !fixtures.has(`${r.method} ${r.path}`));
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it("anonymous callers get 401 on every route that is not public, and nothing leaks", async () => {
    const checked: string[] = [];
    for (const r of await routes()) {
      if (r.access === "public") continue;
      const made = r.path.includes("{") ? await fixtures.get(`${r.method} ${r.path}`)?.make(t) : undefined;
      const res = await t.request(r.method, fill(r.path, made?.params ?? {}), {
        body: made?.body ?? (r.method === "GET" ? undefined : {}),
      });
      await expectDenied(res, { status: [401], secrets: made?.secrets ?? [] });
      checked.push(`${r.method} ${r.path}`);
    }
    expect(checked.length).toBeGreaterThan(10);
  });

  it("each role gets 403 where it is not allowed and never a 500 where it is", async () => {
    const signedIn = new Map<string, string>();
    for (const p of personas) signedIn.set(p.email, await t.signIn(p.email));
    const denied: string[] = [];
    for (const r of await routes()) {
      const fixture = fixtures.get(`${r.method} ${r.path}`);
      for (const p of personas) {
        const made = r.path.includes("{") ? await fixture?.make(t) : undefined;
        // A call to the sign-in routes may end the session (logout, password change): those get a session of their own.
        const cookie =
          r.path.startsWith("/api/v1/auth") && r.method !== "GET" ? await t.signIn(p.email) : (signedIn.get(p.email) as string);
        const res = await t.request(r.method, fill(r.path, made?.params ?? {}), {
          as: cookie,
          body: made?.body ?? (r.method === "GET" ? undefined : {}),
        });
        if (r.access === "public" || allows(r.access, p.role)) {
          expect(res.status, `${p.name}: ${r.method} ${r.path} → ${await res.clone().text()}`).toBeLessThan(500);
        } else {
          await expectDenied(res, { status: [403], secrets: made?.secrets ?? [] });
          denied.push(`${p.role} ${r.method} ${r.path}`);
        }
      }
    }
    // The partner may open none of the account administration and the audit log.
    expect(denied).toContain("partner GET /api/v1/users");
    expect(denied).toContain("counsellor GET /api/v1/audit");
    expect(denied).toContain("coordinator POST /api/v1/users");
  });

  it("a counsellor of another district gets for a record of Halle exactly what a missing record gives", async () => {
    const wittenberg = await t.signIn(demo.counsellorWittenberg);
    let checked = 0;
    for (const r of await routes()) {
      const fixture = fixtures.get(`${r.method} ${r.path}`);
      if (!fixture || !allows(r.access, "counsellor")) continue;
      const made = await fixture.make(t);
      if (!made.districtBound) continue;
      const body = made.body ?? (r.method === "GET" ? undefined : {});
      const outside = await t.request(r.method, fill(r.path, made.params), { as: wittenberg, body });
      const missing = await t.request(r.method, fill(r.path, made.missingParams), { as: wittenberg, body });
      expect(outside.status, `${r.method} ${r.path}`).toBe(404);
      const text = await outside.clone().text();
      for (const secret of made.secrets) expect(text).not.toContain(secret);
      await expectSameAsMissing(outside, missing);
      // The counsellor of Halle does see it.
      const halle = await t.request(r.method, fill(r.path, made.params), { as: await t.signIn(demo.counsellorHalle), body });
      expect([200, 201, 204], `${r.method} ${r.path} as Halle: ${halle.status}`).toContain(halle.status);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(1);
  });
});
