import pino from "pino";
import { describe, expect, it } from "vitest";
import { setupTestApp } from "../../tests/support/test-app.js";
import { audit, auditSensitiveRead, changedFields } from "./audit.js";
import { loadConfig } from "./config.js";
import { systemContext, withWrite } from "./context.js";
import { DomainError } from "./errors.js";

const t = setupTestApp({ demo: false });
const ctx = () =>
  systemContext({ db: t.db, config: loadConfig({ DATA_DIR: "/nonexistent" }), log: pino({ level: "silent" }), now: t.clock.now }, "test");

async function count(table: "audit_log" | "app_user", where?: [string, string]) {
  let q = t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"));
  if (where) q = q.where(where[0] as never, "=", where[1] as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe("withWrite: composable writes", () => {
  it("a write inside a write shares its transaction: both land together", async () => {
    await withWrite(ctx(), async (outer) => {
      await outer.db
        .insertInto("app_user")
        .values({ email: "aussen@test.example", display_name: "Außen", role: "coordinator", password_hash: "x" })
        .execute();
      await withWrite(outer, async (inner) => {
        expect(inner.db).toBe(outer.db);
        await inner.db
          .insertInto("app_user")
          .values({ email: "innen@test.example", display_name: "Innen", role: "coordinator", password_hash: "x" })
          .execute();
        await audit(inner, { entity: "user", action: "create", entityId: null, before: null, after: { email: "innen@test.example" } });
      });
    });
    expect(await count("app_user", ["email", "aussen@test.example"])).toBe(1);
    expect(await count("app_user", ["email", "innen@test.example"])).toBe(1);
  });

  it("a failure in the inner write takes back the outer one and its audit entry", async () => {
    const audits = await count("audit_log");
    await expect(
      withWrite(ctx(), async (outer) => {
        await outer.db
          .insertInto("app_user")
          .values({ email: "zurueck@test.example", display_name: "Zurück", role: "coordinator", password_hash: "x" })
          .execute();
        await audit(outer, { entity: "user", action: "create", entityId: null, fields: ["email"] });
        await withWrite(outer, async () => {
          throw new DomainError("conflict", "Konflikt im inneren Schritt");
        });
      }),
    ).rejects.toThrow("Konflikt im inneren Schritt");
    expect(await count("app_user", ["email", "zurueck@test.example"])).toBe(0);
    expect(await count("audit_log")).toBe(audits);
  });

  it("a broken unique constraint comes out as a domain conflict that names the field", async () => {
    const write = () =>
      withWrite(ctx(), (w) =>
        w.db
          .insertInto("app_user")
          .values({ email: "doppelt@test.example", display_name: "D", role: "coordinator", password_hash: "x" })
          .execute(),
      );
    await write();
    const error = await write().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe("conflict");
    expect((error as DomainError).options.fields?.email).toEqual(["Diese E-Mail-Adresse ist bereits vergeben"]);
  });

  it("an audit entry outside a write is a programming error, not a silent extra transaction", async () => {
    await expect(audit(ctx(), { entity: "user", action: "update", entityId: null, fields: [] })).rejects.toThrow(/outside withWrite/);
  });
});

describe("auditSensitiveRead: one call per read of residence status or documents", () => {
  it("records who read which sensitive fields of which record, with the request id", async () => {
    const read = { ...ctx(), requestId: "lesen-aufenthalt-01" };
    await auditSensitiveRead(read, {
      entity: "user",
      entityId: "3f1c2a9e-0000-4000-8000-000000000001",
      fields: ["residenceStatus", "workNote"],
    });
    const entry = await t.db
      .selectFrom("audit_log")
      .select(["action", "entity_id", "changed_fields"])
      .where("request_id", "=", "lesen-aufenthalt-01")
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      action: "read_sensitive",
      entity_id: "3f1c2a9e-0000-4000-8000-000000000001",
      changed_fields: ["residenceStatus", "workNote"],
    });
  });
});

describe("changedFields: computed from before and after", () => {
  it("names exactly the fields whose values differ, arrays by content", () => {
    const before = { role: "counsellor", districts: ["15002", "15088"], displayName: "Hanna", disabled: false };
    expect(changedFields(before, { ...before, districts: ["15002", "15088"] })).toEqual([]);
    expect(changedFields(before, { ...before, districts: ["15002"], disabled: true })).toEqual(["disabled", "districts"]);
    expect(changedFields(null, { email: "neu@test.example", organisation: null })).toEqual(["email"]);
  });
});
