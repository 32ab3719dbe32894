import { describe, expect, it } from "vitest";
import { demo, expectDenied, expectSameAsMissing, setupTestApp } from "../../../tests/support/test-app.js";
import { counsellorSpec } from "../../db/factories.js";

const t = setupTestApp();

const newCoordinator = {
  email: "Neu.Koordination@Test.Example",
  displayName: "Nora Neu",
  role: "coordinator",
  password: "Start-Passwort-2026",
};

async function auditCount(entityId?: string) {
  let q = t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n"));
  if (entityId) q = q.where("entity_id", "=", entityId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe("user administration", () => {
  it("an admin creates a user; the account must change its password and the audit log records who did it", async () => {
    const admin = await t.signIn(demo.admin);
    const res = await t.request("POST", "/api/v1/users", {
      as: admin,
      body: newCoordinator,
      headers: { "x-request-id": "anlegen-nora-0001" },
    });
    expect(res.status).toBe(201);
    const user = (await res.json()) as { id: string; email: string; mustChangePassword: boolean };
    expect(user).toMatchObject({ email: "neu.koordination@test.example", mustChangePassword: true });
    const entry = await t.db.selectFrom("audit_log").selectAll().where("entity_id", "=", user.id).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity: "user", action: "create", actor_email: demo.admin });
    expect(entry.changed_fields).toEqual(["disabled", "displayName", "districts", "email", "password", "role"]);
    expect(entry.request_id).toBe("anlegen-nora-0001");
  });

  it("a second click with the same e-mail gets a clear message and creates nothing", async () => {
    const admin = await t.signIn(demo.admin);
    const before = await auditCount();
    const res = await t.request("POST", "/api/v1/users", { as: admin, body: newCoordinator });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { errors: Record<string, string[]> }).errors.email).toEqual([
      "Diese E-Mail-Adresse ist bereits vergeben",
    ]);
    expect(await auditCount()).toBe(before);
  });

  it("two clicks at the same moment create one account: the unique index answers the race with 409", async () => {
    const admin = await t.signIn(demo.admin);
    const body = { ...newCoordinator, email: "zweimal@test.example" };
    const [a, b] = await Promise.all([
      t.request("POST", "/api/v1/users", { as: admin, body }),
      t.request("POST", "/api/v1/users", { as: admin, body }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const list = (await (await t.request("GET", "/api/v1/users?q=zweimal", { as: admin })).json()) as { total: number };
    expect(list.total).toBe(1);
    const created = await t.db
      .selectFrom("audit_log")
      .select("entity_id")
      .where("action", "=", "create")
      .where("entity", "=", "user")
      .execute();
    expect(created.filter((r) => r.entity_id !== null)).toHaveLength(2); // Nora Neu above and this one, not three
  });

  it("bad input is answered field by field in German and writes nothing", async () => {
    const admin = await t.signIn(demo.admin);
    const before = await auditCount();
    const res = await t.request("POST", "/api/v1/users", {
      as: admin,
      body: { email: "kein-mail", displayName: "X", role: "chef", password: "kurz", districts: ["1500"], extra: 1 },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { title: string; errors: Record<string, string[]> };
    expect(body.title).toBe("Ungültige Eingabe");
    expect(body.errors.email).toEqual(["Bitte eine gültige E-Mail-Adresse angeben"]);
    expect(body.errors.password?.[0]).toMatch(/mindestens 12 Zeichen/);
    expect(body.errors["districts.0"]).toEqual(["Kreisschlüssel (AGS) mit fünf Ziffern angeben"]);
    expect(body.errors.extra).toEqual(["Dieses Feld ist unbekannt"]);
    expect(body.errors.role?.[0]).toMatch(/Ungültig|ungültig/);
    expect(await auditCount()).toBe(before);
  });

  it("malformed JSON is a 400, a body over the limit a 413, never a 500", async () => {
    const admin = await t.signIn(demo.admin);
    const malformed = await t.request("POST", "/api/v1/users", { as: admin, raw: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { detail: string }).detail).toMatch(/kein gültiges JSON/);
    const huge = await t.request("POST", "/api/v1/users", {
      as: admin,
      raw: JSON.stringify({ ...newCoordinator, displayName: "x".repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    const wrongType = await t.request("POST", "/api/v1/users", { as: admin, body: { ...newCoordinator, email: 42 } });
    expect(wrongType.status).toBe(422);
  });

  it("counsellors need a district of the service region; partners an organisation", async () => {
    const admin = await t.signIn(demo.admin);
    const noDistrict = await t.request("POST", "/api/v1/users", {
      as: admin,
      body: { ...newCoordinator, email: "b1@test.example", role: "counsellor" },
    });
    expect(((await noDistrict.json()) as { errors: Record<string, string[]> }).errors.districts?.[0]).toMatch(/mindestens einen Kreis/);
    const outside = await t.request("POST", "/api/v1/users", {
      as: admin,
      body: { ...newCoordinator, email: "b2@test.example", role: "counsellor", districts: ["15003"] },
    });
    expect(((await outside.json()) as { errors: Record<string, string[]> }).errors.districts?.[0]).toMatch(/Nicht in der Region.*15003/);
    const partner = await t.request("POST", "/api/v1/users", {
      as: admin,
      body: { ...newCoordinator, email: "p@test.example", role: "partner" },
    });
    expect(((await partner.json()) as { errors: Record<string, string[]> }).errors.organisation).toBeDefined();
  });

  it("an admin assigns districts and disables an account; the person's sessions end at once", async () => {
    const admin = await t.signIn(demo.admin);
    const id = await t.addAccount(counsellorSpec(1, ["15084"]));
    const theirs = await t.signIn("beratung.1@test.example");
    const moved = await t.request("PATCH", `/api/v1/users/${id}`, { as: admin, body: { districts: ["15087", "15084"] } });
    expect(((await moved.json()) as { districts: string[] }).districts).toEqual(["15084", "15087"]);
    const disabled = await t.request("PATCH", `/api/v1/users/${id}`, { as: admin, body: { disabled: true } });
    expect(((await disabled.json()) as { disabled: boolean }).disabled).toBe(true);
    await expectDenied(await t.request("GET", "/api/v1/auth/me", { as: theirs }), { status: [401] });
    const actions = await t.db
      .selectFrom("audit_log")
      .select(["action", "changed_fields"])
      .where("entity", "=", "user")
      .where("entity_id", "=", id)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.changed_fields)).toEqual([["districts"], ["disabled"]]);
  });

  it("an admin changes their own password only with the current one, not by the reset", async () => {
    const admin = await t.signIn(demo.admin);
    const me = (await (await t.request("GET", "/api/v1/auth/me", { as: admin })).json()) as { id: string };
    const res = await t.request("POST", `/api/v1/users/${me.id}/password-reset`, {
      as: admin,
      body: { newPassword: "Ohne-altes-Passwort-1" },
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toBe(
      "Ihr eigenes Passwort ändern Sie unter „Mein Konto“ mit dem bisherigen Passwort.",
    );
    expect((await t.request("GET", "/api/v1/auth/me", { as: admin })).status).toBe(200);
  });

  it("the last active admin cannot be demoted or disabled", async () => {
    const admin = await t.signIn(demo.admin);
    const me = (await (await t.request("GET", "/api/v1/auth/me", { as: admin })).json()) as { id: string };
    const others = await t.db.selectFrom("app_user").select("id").where("role", "=", "admin").where("id", "!=", me.id).execute();
    for (const o of others) await t.db.updateTable("app_user").set({ disabled_at: new Date() }).where("id", "=", o.id).execute();
    const res = await t.request("PATCH", `/api/v1/users/${me.id}`, { as: admin, body: { role: "coordinator" } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/letzte aktive Administrationskonto/);
  });
});

describe("who may see and change accounts", () => {
  it("every write route refuses coordinators, counsellors and partners", async () => {
    const victim = await t.addAccount(counsellorSpec(2, ["15002"]));
    for (const email of [demo.coordinator, demo.counsellorHalle, demo.partner]) {
      const cookie = await t.signIn(email);
      await expectDenied(await t.request("POST", "/api/v1/users", { as: cookie, body: { ...newCoordinator, email: "x@test.example" } }), {
        status: [403],
      });
      await expectDenied(await t.request("PATCH", `/api/v1/users/${victim}`, { as: cookie, body: { disabled: true } }), { status: [403] });
      await expectDenied(
        await t.request("POST", `/api/v1/users/${victim}/password-reset`, { as: cookie, body: { newPassword: "Uebernahme-2026!" } }),
        { status: [403] },
      );
    }
    const row = await t.db.selectFrom("app_user").select("disabled_at").where("id", "=", victim).executeTakeFirstOrThrow();
    expect(row.disabled_at).toBeNull();
  });

  it("without a session every account route answers 401", async () => {
    await expectDenied(await t.request("GET", "/api/v1/users"), { status: [401] });
    await expectDenied(await t.request("GET", "/api/v1/auth/me"), { status: [401] });
  });

  it("a counsellor sees only colleagues of their own districts; another district's account reads as missing", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const list = (await (await t.request("GET", "/api/v1/users?pageSize=200", { as: halle })).json()) as { items: { email: string }[] };
    const emails = list.items.map((u) => u.email);
    expect(emails).toContain(demo.counsellorHalle);
    expect(emails).not.toContain(demo.counsellorWittenberg);
    expect(emails).not.toContain(demo.admin);

    const wittenberg = await t.db
      .selectFrom("app_user")
      .select("id")
      .where("email", "=", demo.counsellorWittenberg)
      .executeTakeFirstOrThrow();
    const outside = await t.request("GET", `/api/v1/users/${wittenberg.id}`, { as: halle });
    const missing = await t.request("GET", "/api/v1/users/00000000-0000-4000-8000-000000000000", { as: halle });
    await expectSameAsMissing(outside.clone(), missing);
    await expectDenied(outside, { status: [404], secrets: [demo.counsellorWittenberg, "Walid"] });

    const searched = (await (await t.request("GET", "/api/v1/users?q=Walid", { as: halle })).json()) as { total: number };
    expect(searched.total).toBe(0);
    const filtered = (await (await t.request("GET", "/api/v1/users?district=15091", { as: halle })).json()) as { total: number };
    expect(filtered.total).toBe(0);
  });

  it("a coordinator sees all districts; a partner sees no accounts", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const all = (await (await t.request("GET", "/api/v1/users?district=15091", { as: coordinator })).json()) as {
      items: { email: string }[];
    };
    expect(all.items.map((u) => u.email)).toContain(demo.counsellorWittenberg);
    await expectDenied(await t.request("GET", "/api/v1/users", { as: await t.signIn(demo.partner) }), { status: [403] });
  });

  it("a malformed id is a clear 422, not a database error", async () => {
    const admin = await t.signIn(demo.admin);
    const res = await t.request("GET", "/api/v1/users/not-a-uuid", { as: admin });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: Record<string, string[]> }).errors.id).toEqual(["Ungültige Kennung"]);
  });
});

describe("exports", () => {
  const rowsOf = (csv: string) =>
    csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");

  it("a counsellor exports exactly the filtered colleagues of their own districts, as CSV for German spreadsheets; the export is audited", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const res = await t.request("GET", "/api/v1/users/export?role=counsellor", { as: halle });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="benutzer-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark for spreadsheets
    const csv = await res.text();
    const rows = rowsOf(csv);
    expect(rows[0]).toBe("Name;E-Mail-Adresse;Rolle;Kreise;Organisation;Status;Zwei-Faktor;Angelegt am");
    expect(rows.some((r) => r.includes(demo.counsellorHalle) && r.includes("Halle (Saale), Saalekreis"))).toBe(true);
    expect(csv).not.toContain(demo.counsellorWittenberg);
    expect(csv).not.toContain(demo.admin);
    const entry = await t.db
      .selectFrom("audit_log")
      .select(["actor_email", "changed_fields"])
      .where("entity", "=", "user")
      .where("action", "=", "export")
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ actor_email: demo.counsellorHalle, changed_fields: ["role"] });
  });

  it("a partner may not export accounts; a bad filter is a 422", async () => {
    await expectDenied(await t.request("GET", "/api/v1/users/export", { as: await t.signIn(demo.partner) }), {
      status: [403],
      secrets: [demo.admin],
    });
    expect((await t.request("GET", "/api/v1/users/export?district=abc", { as: await t.signIn(demo.coordinator) })).status).toBe(422);
  });
});
