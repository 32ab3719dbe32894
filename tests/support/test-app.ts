import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, expect } from "vitest";
import { type AccountSpec, demoAccounts, demoPassword, insertAccount } from "../../src/db/factories.js";
import { type AppConfig, loadConfig } from "../../src/lib/config.js";
import { type App, createApp } from "../../src/server/app.js";
import { createTestDatabase, type TestDatabase } from "./test-db.js";

export const origin = "http://localhost";

export type TestClock = { now: Date; advance: (ms: number) => void };

export type TestContext = {
  app: App;
  db: TestDatabase["db"];
  clock: TestClock;
  /** Signs in and returns the cookie header for later requests. */
  signIn: (email: string, password?: string, ip?: string) => Promise<string>;
  request: (
    method: string,
    path: string,
    options?: { as?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ) => Promise<Response>;
  addAccount: (spec: AccountSpec) => Promise<string>;
  /** The configuration the app runs with (its files and outbox folders are this test file's own). */
  config: AppConfig;
  folder: string;
};

/**
 * One app over one fresh database per test file, with the demo accounts in it. Requests go through
 * `app.request()` in process; the clock is the test's to move.
 */
export function setupTestApp(options: { env?: Record<string, string>; demo?: boolean } = {}): TestContext {
  const clock: TestClock = {
    now: new Date("2026-11-24T09:00:00Z"),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  let database: TestDatabase;
  const ctx = { clock } as TestContext;
  // Uploaded files and the mail outbox of this test file: a folder of its own, removed afterwards.
  const folder = mkdtempSync(path.join(tmpdir(), "lotse-test-"));
  ctx.folder = folder;

  beforeAll(async () => {
    database = await createTestDatabase();
    if (options.demo !== false) for (const account of demoAccounts) await insertAccount(database.db, account);
    const config = loadConfig({
      DATA_DIR: "/nonexistent",
      TRUST_PROXY: "1",
      FILES_DIR: path.join(folder, "files"),
      OUTBOX_DIR: path.join(folder, "outbox"),
      ...options.env,
    });
    ctx.config = config;
    ctx.db = database.db;
    ctx.app = createApp({ db: database.db, config, databaseKind: database.kind, now: () => clock.now, log: pino({ level: "silent" }) });
  });
  afterAll(async () => {
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  ctx.request = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.as) headers.cookie = opts.as;
    if (method !== "GET" && method !== "HEAD") headers.origin ??= origin;
    if (opts.body !== undefined || opts.raw !== undefined) headers["content-type"] ??= "application/json";
    headers["x-forwarded-for"] ??= "203.0.113.10";
    return ctx.app.request(`${origin}${path}`, {
      method,
      headers,
      body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
    });
  };
  ctx.signIn = async (email, password = demoPassword, ip = "203.0.113.10") => {
    const res = await ctx.request("POST", "/api/v1/auth/login", { body: { email, password }, headers: { "x-forwarded-for": ip } });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookie = res.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error("no session cookie");
    return cookie;
  };
  ctx.addAccount = (spec) => insertAccount(ctx.db, spec);
  return ctx;
}

/**
 * The negative-access check every feature uses: the request is refused (401/403/404) in the one
 * problem shape, and the answer leaks nothing of the data behind it (`secrets` must not appear).
 */
export async function expectDenied(res: Response, options: { status?: number[]; secrets?: string[] } = {}) {
  const allowed = options.status ?? [401, 403, 404];
  const text = await res.text();
  expect(allowed, `status ${res.status}: ${text}`).toContain(res.status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const body = JSON.parse(text) as { title: string };
  expect(body.title).toMatch(/\S/);
  for (const secret of options.secrets ?? []) expect(text).not.toContain(secret);
}

/** A 404 for a row outside the scope must read exactly like one for a row that does not exist. */
export async function expectSameAsMissing(outside: Response, missing: Response) {
  expect(outside.status).toBe(missing.status);
  const a = (await outside.json()) as Record<string, unknown>;
  const b = (await missing.json()) as Record<string, unknown>;
  delete a.requestId;
  delete b.requestId;
  expect(a).toEqual(b);
}

export const demo = {
  admin: "admin@demo.example",
  coordinator: "koordination@demo.example",
  counsellorHalle: "beratung.halle@demo.example",
  counsellorWittenberg: "beratung.wittenberg@demo.example",
  partner: "partner@demo.example",
} as const;
