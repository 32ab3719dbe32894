import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { demo, expectDenied, setupTestApp } from "../../../tests/support/test-app.js";

const t = setupTestApp();

describe("audit log", () => {
  it("an admin lists the newest entries first and filters by entity, action and person", async () => {
    const admin = await t.signIn(demo.admin);
    await t.request("POST", "/api/v1/users", {
      as: admin,
      body: { email: "audit@test.example", displayName: "Audit Person", role: "coordinator", password: "Audit-Passwort-2026" },
    });
    const page = (await (await t.request("GET", "/api/v1/audit?entity=user&action=create", { as: admin })).json()) as {
      items: { actorEmail: string; entity: string; action: string; ip: string }[];
      total: number;
    };
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ actorEmail: demo.admin, entity: "user", action: "create", ip: "203.0.113.10" });
    const logins = (await (await t.request("GET", "/api/v1/audit?action=login&actor=admin@", { as: admin })).json()) as { total: number };
    expect(logins.total).toBeGreaterThanOrEqual(1);
    const all = (await (await t.request("GET", "/api/v1/audit?pageSize=5", { as: admin })).json()) as { items: { id: number }[] };
    const ids = all.items.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("filters by date; a malformed date is a clear 422", async () => {
    const admin = await t.signIn(demo.admin);
    const none = (await (await t.request("GET", "/api/v1/audit?to=2000-01-01", { as: admin })).json()) as { total: number };
    expect(none.total).toBe(0);
    const bad = await t.request("GET", "/api/v1/audit?from=24.11.2026", { as: admin });
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as { errors: object }).errors)).toEqual(["from"]);
  });

  it("only admins read it", async () => {
    for (const email of [demo.coordinator, demo.counsellorHalle, demo.partner]) {
      await expectDenied(await t.request("GET", "/api/v1/audit", { as: await t.signIn(email) }), { status: [403], secrets: [demo.admin] });
    }
  });

  it("entries cannot be changed or deleted, not even with SQL", async () => {
    await expect(sql`update audit_log set action = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it("a refused write leaves no audit entry (rollback of write and entry together: src/lib/context.test.ts)", async () => {
    const admin = await t.signIn(demo.admin);
    const before = await t.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const res = await t.request("POST", "/api/v1/users", {
      as: admin,
      body: { email: demo.coordinator.toUpperCase(), displayName: "Doppelt", role: "coordinator", password: "Audit-Passwort-2026" },
    });
    expect(res.status).toBe(409);
    const after = await t.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("shows names instead of ids: who acted and which account it was about", async () => {
    const admin = await t.signIn(demo.admin);
    const created = (await (
      await t.request("POST", "/api/v1/users", {
        as: admin,
        body: { email: "benannt@test.example", displayName: "Bena Benannt", role: "coordinator", password: "Audit-Passwort-2026" },
      })
    ).json()) as { id: string };
    const page = (await (await t.request("GET", "/api/v1/audit?entity=user&action=create&actor=admin", { as: admin })).json()) as {
      items: { entityId: string; actorName: string; entityLabel: string }[];
    };
    expect(page.items.find((e) => e.entityId === created.id)).toMatchObject({
      actorName: "Anja Administratorin",
      entityLabel: "Bena Benannt",
    });
  });
});

describe("audit export", () => {
  it("exports exactly the filtered entries as CSV, and records the export", async () => {
    const admin = await t.signIn(demo.admin);
    const res = await t.request("GET", "/api/v1/audit/export?action=login&actor=admin@", { as: admin });
    expect(res.status).toBe(200);
    const rows = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toBe("Nr.;Zeitpunkt;Person;E-Mail-Adresse;Objekt;Objekt-ID;Objektname;Aktion;Geänderte Felder;Anfrage-ID;IP");
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(1)) {
      expect(row).toContain(";Anja Administratorin;admin@demo.example;session;");
      expect(row).toMatch(/;login;/);
      expect(row).toMatch(/^\d+;\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2};/);
    }
    const recorded = await t.db
      .selectFrom("audit_log")
      .select("actor_email")
      .where("entity", "=", "audit_log")
      .where("action", "=", "export")
      .execute();
    expect(recorded).toEqual([{ actor_email: demo.admin }]);
  });

  it("only admins export it", async () => {
    await expectDenied(await t.request("GET", "/api/v1/audit/export", { as: await t.signIn(demo.coordinator) }), { status: [403] });
  });
});
