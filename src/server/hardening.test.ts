import { describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../tests/support/test-app.js";

/** Findings of a review, each with the request that used to give a 500 or an English message. */
const t = setupTestApp();

async function auditCount() {
  return Number(
    (
      await t.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
}
async function userCount() {
  return Number(
    (
      await t.db
        .selectFrom("app_user")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

describe("bad input is answered in German and changes nothing", () => {
  it('{"__proto__": {}} in a body is an unknown field, not a 500', async () => {
    const admin = await t.signIn(demo.admin);
    const [users, audits] = [await userCount(), await auditCount()];
    const res = await t.request("POST", "/api/v1/users", { as: admin, raw: '{"__proto__": {"isAdmin": true}, "email": "x@test.example"}' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: Record<string, string[]> };
    expect(Object.hasOwn(body.errors, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(body.errors, "__proto__")?.value).toEqual(["Dieses Feld ist unbekannt"]);
    const login = await t.request("POST", "/api/v1/auth/login", { raw: '{"__proto__": {}, "constructor": {"prototype": {}}}' });
    expect(login.status).toBe(422);
    expect([await userCount(), await auditCount()]).toEqual([users, audits]);
  });

  it("a NUL character in a body field, the query or the path is a 400", async () => {
    const admin = await t.signIn(demo.admin);
    const [users, audits] = [await userCount(), await auditCount()];
    const body = await t.request("POST", "/api/v1/users", {
      as: admin,
      body: { email: "nul@test.example", displayName: "Nu\u0000ll", role: "coordinator", password: "Ein-langes-Passwort" },
    });
    expect(body.status).toBe(400);
    expect(((await body.json()) as { detail: string }).detail).toBe("Die Anfrage enthält ein unzulässiges Steuerzeichen (NUL).");
    expect((await t.request("GET", "/api/v1/users?q=a%00b", { as: admin })).status).toBe(400);
    expect((await t.request("GET", "/api/v1/occupations/tisch%00ler", { as: admin })).status).toBe(400);
    expect([await userCount(), await auditCount()]).toEqual([users, audits]);
  });

  it("dates outside 1900–2199 in a filter are a 422 with a message, not a database error", async () => {
    const admin = await t.signIn(demo.admin);
    for (const query of ["to=9999-12-31", "from=0000-01-01", "from=1899-12-31"]) {
      const res = await t.request("GET", `/api/v1/audit?${query}`, { as: admin });
      expect(res.status, query).toBe(422);
      const field = query.split("=")[0] as string;
      expect(((await res.json()) as { errors: Record<string, string[]> }).errors[field]).toEqual([
        "Das Datum muss zwischen 1900 und 2199 liegen",
      ]);
    }
    expect((await t.request("GET", "/api/v1/audit?from=1900-01-01&to=2199-12-31", { as: admin })).status).toBe(200);
  });

  it("a field of the wrong type says what is wrong, not 'Pflichtfeld'", async () => {
    const res = await t.request("POST", "/api/v1/auth/login", { body: { email: 123, password: ["a"] } });
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: Record<string, string[]> };
    expect(errors.email).toEqual(["Erwartet wird Text, nicht eine Zahl"]);
    expect(errors.password).toEqual(["Erwartet wird Text, nicht eine Liste"]);
    const missing = await t.request("POST", "/api/v1/auth/login", { body: { email: "a@b.de" } });
    expect(((await missing.json()) as { errors: Record<string, string[]> }).errors.password).toEqual(["Pflichtfeld"]);
  });

  it("a text/plain body gets a German 415", async () => {
    const res = await t.request("POST", "/api/v1/auth/login", { raw: "email=a", headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({
      title: "Format nicht unterstützt",
      detail: "Bitte senden Sie die Daten als JSON (Content-Type: application/json).",
    });
  });

  it("a client's X-Request-Id is kept only in a safe shape; otherwise the server makes its own", async () => {
    const ok = await t.request("GET", "/api/health", { headers: { "x-request-id": "client-abc_123" } });
    expect(ok.headers.get("x-request-id")).toBe("client-abc_123");
    for (const bad of ["<script>alert(1)</script>", "a b c d e f g h", "kurz", "x".repeat(65)]) {
      const res = await t.request("GET", "/api/health", { headers: { "x-request-id": bad } });
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    await t.request("POST", "/api/v1/auth/login", {
      body: { email: "niemand@test.example", password: "falsch-falsch" },
      headers: { "x-request-id": "<img src=x onerror=alert(1)>", "x-forwarded-for": "198.51.100.201" },
    });
    const entry = await t.db
      .selectFrom("audit_log")
      .select("request_id")
      .where("action", "=", "login_failed")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("CSV exports neutralise cells that a spreadsheet would run as a formula", async () => {
    const admin = await t.signIn(demo.admin);
    for (const [i, name] of ['=HYPERLINK("http://evil.example","Klick")', "+49 Tabelle", "-Minus", "@SUMME(A1)"].entries()) {
      const res = await t.request("POST", "/api/v1/users", {
        as: admin,
        body: { email: `formel${i}@test.example`, displayName: name, role: "coordinator", password: "Ein-langes-Passwort" },
      });
      expect(res.status).toBe(201);
    }
    const csv = await (await t.request("GET", "/api/v1/users/export?q=formel", { as: admin })).text();
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1);
    expect(lines).toHaveLength(4);
    const firstCells = lines.map((l) => l.split(";")[0]?.replace(/^"|"$/g, "").replace(/""/g, '"'));
    expect(firstCells.sort()).toEqual(["'+49 Tabelle", "'-Minus", '\'=HYPERLINK("http://evil.example","Klick")', "'@SUMME(A1)"].sort());
  });
});

describe("protected attributes are not accepted", () => {
  it("a field such as nationality, religion or sex is refused by name and nothing is stored", async () => {
    const admin = await t.signIn(demo.admin);
    const users = await userCount();
    const res = await t.request("POST", "/api/v1/users", {
      as: admin,
      body: {
        email: "merkmal@test.example",
        displayName: "Mia Merkmal",
        role: "coordinator",
        password: "Ein-langes-Passwort",
        nationality: "SY",
        religion: "x",
        sex: "f",
      },
    });
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: Record<string, string[]> };
    expect(errors).toEqual({
      nationality: ["Dieses Feld ist unbekannt"],
      religion: ["Dieses Feld ist unbekannt"],
      sex: ["Dieses Feld ist unbekannt"],
    });
    expect(await userCount()).toBe(users);
  });
});

describe("answers in the language the browser asks for", () => {
  const en = { "accept-language": "en-GB,en;q=0.9,de;q=0.5" };

  it("a wrong password, a missing field and an unknown field come in English", async () => {
    const wrong = await t.request("POST", "/api/v1/auth/login", {
      body: { email: demo.coordinator, password: "falsch-falsch-falsch" },
      headers: { ...en, "x-forwarded-for": "198.51.100.210" },
    });
    expect(wrong.headers.get("content-language")).toBe("en");
    expect(await wrong.json()).toMatchObject({ title: "Sign-in failed", detail: "Email address or password is incorrect." });
    const invalid = await t.request("POST", "/api/v1/auth/login", { body: { email: "a@b.de", extra: 1 }, headers: en });
    expect(await invalid.json()).toMatchObject({
      title: "Invalid input",
      detail: "Please check the marked fields.",
      errors: { password: ["Required"], extra: ["This field is unknown"] },
    });
  });

  it("an unknown postcode and a short password in English; German stays the default", async () => {
    const cookie = await t.signIn(demo.admin);
    const postcode = await t.request("GET", "/api/v1/geo/distance?from=06108&to=99999", { as: cookie, headers: en });
    expect(((await postcode.json()) as { errors: Record<string, string[]> }).errors.to).toEqual(["The postcode 99999 is not known"]);
    const short = await t.request("POST", "/api/v1/users", {
      as: cookie,
      body: { email: "kurz@test.example", displayName: "Kurt Kurz", role: "coordinator", password: "kurz" },
      headers: en,
    });
    expect(((await short.json()) as { errors: Record<string, string[]> }).errors.password).toEqual([
      "The password must be at least 12 characters long",
    ]);
    const german = await t.request("GET", "/api/v1/users/00000000-0000-4000-8000-000000000000", { as: cookie });
    expect(((await german.json()) as { detail: string }).detail).toBe("Das Benutzerkonto existiert nicht oder ist für Sie nicht sichtbar.");
    const english = await t.request("GET", "/api/v1/users/00000000-0000-4000-8000-000000000000", { as: cookie, headers: en });
    expect(((await english.json()) as { detail: string }).detail).toBe("The user account does not exist or is not visible to you.");
  });
});

describe("HTTPS only headers", () => {
  it("sends no HSTS when served over plain HTTP", async () => {
    expect((await t.request("GET", "/api/health")).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("validation messages people understand", () => {
  it("limits say Mindestens/Höchstens with the unit, a non-number says what is expected", async () => {
    const cookie = await t.signIn(demo.coordinator);
    const errorsOf = async (url: string) =>
      ((await (await t.request("GET", url, { as: cookie })).json()) as { errors: Record<string, string[]> }).errors;
    expect((await errorsOf("/api/v1/companies?limit=0")).limit).toEqual(["Mindestens 1"]);
    expect((await errorsOf("/api/v1/users?pageSize=1000")).pageSize).toEqual(["Höchstens 200"]);
    expect((await errorsOf("/api/v1/users?page=abc")).page).toEqual(["Erwartet wird eine Zahl"]);
    expect((await errorsOf("/api/v1/users?page=99999999999999999999")).page).toEqual(["Die Zahl ist zu groß"]);
    expect((await errorsOf(`/api/v1/users?q=${"x".repeat(101)}`)).q).toEqual(["Höchstens 100 Zeichen"]);
  });
});

describe("numbers beyond what JSON can hold", () => {
  it("1e400 (Infinity) is a number that is too large, not 'a number, not a number'", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const res = await t.request("POST", "/api/v1/offers", {
      as: coordinator,
      raw: '{"companyId":"00000000-0000-4000-8000-000000000000","kind":"training","occupationId":"tischler","places":1e400,"startDate":"2027-08-01"}',
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: Record<string, string[]> }).errors.places).toEqual(["Die Zahl ist zu groß"]);
  });
});
