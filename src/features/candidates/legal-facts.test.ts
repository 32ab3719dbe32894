import { beforeAll, describe, expect, it } from "vitest";
import { demo, expectDenied, setupTestApp } from "../../../tests/support/test-app.js";

/**
 * The legal facts the matching flags, recorded on a young person: since when the Duldung is held,
 * identity and passport, the company a permit is tied to (residence section), the end of full-time
 * schooling and the J1 health check (the record). The clock stands at 24 November 2026.
 */
const t = setupTestApp();
const missing = "00000000-0000-4000-8000-000000000000";

type Json = Record<string, unknown>;
type Problem = { errors: Record<string, string[]> };
let halle: string;
let wittenberg: string;
let coordinator: string;
let admin: string;
let saaleCompany: string;
let giebichensteinCompany: string;
let wittenbergCompany: string;

async function company(as: string, name: string, postalCode: string): Promise<string> {
  const res = await t.request("POST", "/api/v1/companies", { as, body: { name, postalCode, confirmNotDuplicate: true } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as Json).id as string;
}

beforeAll(async () => {
  halle = await t.signIn(demo.counsellorHalle);
  wittenberg = await t.signIn(demo.counsellorWittenberg);
  coordinator = await t.signIn(demo.coordinator);
  admin = await t.signIn(demo.admin);
  saaleCompany = await company(halle, "Elektro Saale GmbH", "06108");
  giebichensteinCompany = await company(halle, "Bäckerei Giebichenstein", "06114");
  wittenbergCompany = await company(wittenberg, "Lutherstadt Metallbau KG", "06886");
});

const person = (lastName: string, extra: Json = {}) => ({
  firstName: "Sahra",
  lastName,
  birthDate: "2008-09-15",
  postalCode: "06108",
  ...extra,
});

async function create(body: Json, as = halle): Promise<Json> {
  const res = await t.request("POST", "/api/v1/candidates", { as, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Json;
}

async function detail(id: string, as = halle): Promise<Json> {
  const res = await t.request("GET", `/api/v1/candidates/${id}`, { as });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Json;
}

async function expectInvalid(res: Response, field: string, messages: string[]) {
  const text = await res.text();
  expect(res.status, text).toBe(422);
  expect((JSON.parse(text) as Problem).errors[field], text).toEqual(messages);
}

async function countNamed(lastName: string): Promise<number> {
  const rows = await t.db.selectFrom("candidate").select("id").where("last_name", "=", lastName).execute();
  return rows.length;
}

describe("legal facts: every field through POST, GET, PATCH and PUT", () => {
  let id: string;

  it("records them on creating and reads them back, with the tied company's name", async () => {
    const created = await create(
      person("Warsame", {
        schoolObligationUntil: "2027-07-31",
        j1ExaminedOn: "2026-10-05",
        residence: {
          status: "ausbildungsduldung",
          workPermission: "allowed",
          validUntil: "2029-07-31",
          immigrationOffice: "Ausländerbehörde Stadt Halle (Saale)",
          heldSince: "2026-03-02",
          identityClarified: true,
          hasPassport: false,
          tiedCompanyId: saaleCompany,
        },
      }),
    );
    id = created.id as string;
    const expected = {
      status: "ausbildungsduldung",
      workPermission: "allowed",
      validUntil: "2029-07-31",
      safeCountryOfOrigin: false,
      immigrationOffice: "Ausländerbehörde Stadt Halle (Saale)",
      heldSince: "2026-03-02",
      identityClarified: true,
      hasPassport: false,
      tiedCompanyId: saaleCompany,
      tiedCompanyName: "Elektro Saale GmbH",
    };
    expect(created).toMatchObject({ schoolObligationUntil: "2027-07-31", j1ExaminedOn: "2026-10-05" });
    expect(created.residence).toEqual(expected);
    const read = await detail(id);
    expect(read).toMatchObject({ schoolObligationUntil: "2027-07-31", j1ExaminedOn: "2026-10-05" });
    expect(read.residence).toEqual(expected);
  });

  it("changes and clears them with PATCH", async () => {
    const res = await t.request("PATCH", `/api/v1/candidates/${id}`, {
      as: halle,
      body: {
        schoolObligationUntil: null,
        j1ExaminedOn: "2026-11-20",
        residence: {
          status: "permit_16g",
          workPermission: "allowed",
          validUntil: "2029-08-31",
          heldSince: null,
          identityClarified: true,
          hasPassport: true,
          tiedCompanyId: giebichensteinCompany,
        },
      },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ schoolObligationUntil: null, j1ExaminedOn: "2026-11-20" });
    const read = await detail(id);
    expect(read).toMatchObject({ schoolObligationUntil: null, j1ExaminedOn: "2026-11-20" });
    expect(read.residence).toEqual({
      status: "permit_16g",
      workPermission: "allowed",
      validUntil: "2029-08-31",
      safeCountryOfOrigin: false,
      immigrationOffice: null,
      heldSince: null,
      identityClarified: true,
      hasPassport: true,
      tiedCompanyId: giebichensteinCompany,
      tiedCompanyName: "Bäckerei Giebichenstein",
    });
  });

  it("the section on its own (PUT) replaces the whole section: what it leaves out is no longer set", async () => {
    const put = await t.request("PUT", `/api/v1/candidates/${id}/residence`, {
      as: halle,
      body: { status: "duldung", workPermission: "needs_approval", validUntil: "2027-01-31", heldSince: "2026-10-01" },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const expected = {
      status: "duldung",
      workPermission: "needs_approval",
      validUntil: "2027-01-31",
      safeCountryOfOrigin: false,
      immigrationOffice: null,
      heldSince: "2026-10-01",
      identityClarified: false,
      hasPassport: false,
      tiedCompanyId: null,
      tiedCompanyName: null,
    };
    expect(((await put.json()) as Json).residence).toEqual(expected);
    const read = await t.request("GET", `/api/v1/candidates/${id}/residence`, { as: halle });
    expect(((await read.json()) as Json).residence).toEqual(expected);
    // The record's own facts stayed as they were.
    expect(await detail(id)).toMatchObject({ schoolObligationUntil: null, j1ExaminedOn: "2026-11-20" });
  });

  it("a section recorded without the new facts has them unset", async () => {
    const created = await create(person("Osman", { residence: { status: "gestattung", workPermission: "needs_approval" } }));
    expect(created).toMatchObject({ schoolObligationUntil: null, j1ExaminedOn: null });
    expect(created.residence).toMatchObject({ heldSince: null, identityClarified: false, hasPassport: false, tiedCompanyId: null });
  });

  it("the export with the residence columns names them", async () => {
    await t.request("PUT", `/api/v1/candidates/${id}/residence`, {
      as: halle,
      body: {
        status: "ausbildungsduldung",
        workPermission: "allowed",
        heldSince: "2026-03-02",
        identityClarified: true,
        tiedCompanyId: saaleCompany,
      },
    });
    const csv = await (await t.request("GET", "/api/v1/candidates/export?q=Warsame&includeResidence=true", { as: halle })).text();
    expect(csv).toContain("Duldung seit");
    expect(csv).toContain("Identität geklärt");
    expect(csv).toContain("Pass vorhanden");
    expect(csv).toContain("Gebunden an Betrieb");
    expect(csv).toContain("02.03.2026");
    expect(csv).toContain("Elektro Saale GmbH");
  });
});

describe("legal facts: dates out of range are a 422 at the field, and nothing changes", () => {
  let id: string;
  const residence = { status: "duldung", workPermission: "needs_approval", heldSince: "2026-08-01" };

  beforeAll(async () => {
    id = (await create(person("Kidane", { schoolObligationUntil: "2027-07-31", j1ExaminedOn: "2026-09-01", residence }))).id as string;
  });

  it("refuses impossible and out-of-range dates on creating; nobody is recorded", async () => {
    const cases: [Json, string, string[]][] = [
      [{ schoolObligationUntil: "0000-01-01" }, "schoolObligationUntil", ["Das Datum muss zwischen 1900 und 2199 liegen"]],
      [{ j1ExaminedOn: "2026-02-30" }, "j1ExaminedOn", ["Datum im Format JJJJ-MM-TT angeben"]],
      [{ j1ExaminedOn: "1985-06-01" }, "j1ExaminedOn", ["Das Datum muss zwischen 1990 und 2199 liegen"]],
      [{ schoolObligationUntil: "2200-01-01" }, "schoolObligationUntil", ["Das Datum muss zwischen 1900 und 2199 liegen"]],
      [{ residence: { ...residence, heldSince: "0000-01-01" } }, "residence.heldSince", ["Das Datum muss zwischen 1900 und 2199 liegen"]],
      [{ residence: { ...residence, heldSince: "2026-02-30" } }, "residence.heldSince", ["Datum im Format JJJJ-MM-TT angeben"]],
      [{ residence: { ...residence, heldSince: "1950-01-01" } }, "residence.heldSince", ["Das Datum muss zwischen 1990 und 2199 liegen"]],
    ];
    for (const [extra, field, messages] of cases) {
      await expectInvalid(await t.request("POST", "/api/v1/candidates", { as: halle, body: person("Ungültig", extra) }), field, messages);
    }
    expect(await countNamed("Ungültig")).toBe(0);
  });

  it("refuses them on changing, in German and in English; the record and the section stay as they were", async () => {
    await expectInvalid(
      await t.request("PATCH", `/api/v1/candidates/${id}`, { as: halle, body: { j1ExaminedOn: "0000-01-01", lastName: "Geändert" } }),
      "j1ExaminedOn",
      ["Das Datum muss zwischen 1900 und 2199 liegen"],
    );
    await expectInvalid(
      await t.request("PATCH", `/api/v1/candidates/${id}`, {
        as: halle,
        body: { schoolObligationUntil: "2026-02-30", residence: { ...residence, heldSince: "2026-02-29" } },
      }),
      "residence.heldSince",
      ["Datum im Format JJJJ-MM-TT angeben"],
    );
    await expectInvalid(
      await t.request("PUT", `/api/v1/candidates/${id}/residence`, { as: halle, body: { ...residence, heldSince: "1989-12-31" } }),
      "heldSince",
      ["Das Datum muss zwischen 1990 und 2199 liegen"],
    );
    await expectInvalid(
      await t.request("PATCH", `/api/v1/candidates/${id}`, {
        as: halle,
        body: { schoolObligationUntil: "1989-07-31" },
        headers: { "accept-language": "en" },
      }),
      "schoolObligationUntil",
      ["The date must be between 1990 and 2199"],
    );
    const read = await detail(id);
    expect(read).toMatchObject({ lastName: "Kidane", schoolObligationUntil: "2027-07-31", j1ExaminedOn: "2026-09-01" });
    expect(read.residence).toMatchObject({ status: "duldung", heldSince: "2026-08-01" });
  });
});

describe("legal facts: the tied company is one the person may see", () => {
  const tied = (tiedCompanyId: string, status = "ausbildungsduldung") => ({ status, workPermission: "allowed", tiedCompanyId });
  const outside = "Diesen Betrieb gibt es nicht oder er liegt außerhalb Ihrer Kreise";
  let id: string;

  beforeAll(async () => {
    id = (await create(person("Tekle", { residence: tied(saaleCompany) }))).id as string;
  });

  it("refuses a company that does not exist or lies outside the counsellor's districts; nobody is recorded", async () => {
    for (const companyId of [missing, wittenbergCompany]) {
      await expectInvalid(
        await t.request("POST", "/api/v1/candidates", { as: halle, body: person("Ungebunden", { residence: tied(companyId) }) }),
        "residence.tiedCompanyId",
        [outside],
      );
    }
    await expectInvalid(
      await t.request("POST", "/api/v1/candidates", { as: halle, body: person("Ungebunden", { residence: tied("kein-betrieb") }) }),
      "residence.tiedCompanyId",
      ["Ungültige Kennung"],
    );
    expect(await countNamed("Ungebunden")).toBe(0);
  });

  it("refuses it on changing (PATCH and PUT), in English too; the section keeps its company", async () => {
    await expectInvalid(
      await t.request("PATCH", `/api/v1/candidates/${id}`, {
        as: halle,
        body: { j1ExaminedOn: "2026-11-01", residence: tied(wittenbergCompany) },
      }),
      "residence.tiedCompanyId",
      [outside],
    );
    await expectInvalid(await t.request("PUT", `/api/v1/candidates/${id}/residence`, { as: halle, body: tied(missing) }), "tiedCompanyId", [
      outside,
    ]);
    await expectInvalid(
      await t.request("PUT", `/api/v1/candidates/${id}/residence`, {
        as: halle,
        body: tied(wittenbergCompany),
        headers: { "accept-language": "en" },
      }),
      "tiedCompanyId",
      ["This company does not exist or lies outside your districts"],
    );
    const read = await detail(id);
    expect(read.j1ExaminedOn).toBeNull();
    expect(read.residence).toMatchObject({
      status: "ausbildungsduldung",
      tiedCompanyId: saaleCompany,
      tiedCompanyName: "Elektro Saale GmbH",
    });
  });

  it("only an Ausbildungsduldung or a § 16g permit is tied to a company", async () => {
    await expectInvalid(
      await t.request("PUT", `/api/v1/candidates/${id}/residence`, { as: halle, body: tied(saaleCompany, "duldung") }),
      "tiedCompanyId",
      ["An einen Betrieb gebunden ist nur eine Ausbildungsduldung oder eine Aufenthaltserlaubnis nach § 16g"],
    );
    expect((await detail(id)).residence).toMatchObject({ status: "ausbildungsduldung", tiedCompanyId: saaleCompany });
  });

  it("a company set by the administration outside the counsellor's districts stays when the counsellor edits the section", async () => {
    const byAdmin = await t.request("PUT", `/api/v1/candidates/${id}/residence`, { as: admin, body: tied(wittenbergCompany) });
    expect(byAdmin.status, await byAdmin.clone().text()).toBe(200);
    const res = await t.request("PUT", `/api/v1/candidates/${id}/residence`, {
      as: halle,
      body: { ...tied(wittenbergCompany), identityClarified: true },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as Json).residence).toMatchObject({
      identityClarified: true,
      tiedCompanyId: wittenbergCompany,
      tiedCompanyName: "Lutherstadt Metallbau KG",
    });
  });
});

describe("legal facts: roles without the residence right", () => {
  const residenceKeys = ["residence", "heldSince", "identityClarified", "hasPassport", "tiedCompanyId", "tiedCompanyName"];
  let id: string;

  beforeAll(async () => {
    id = (
      await create(
        person("Habte", {
          j1ExaminedOn: "2026-10-05",
          residence: {
            status: "ausbildungsduldung",
            workPermission: "allowed",
            heldSince: "2026-03-02",
            identityClarified: true,
            hasPassport: true,
            tiedCompanyId: saaleCompany,
          },
        }),
      )
    ).id as string;
  });

  it("the coordination reads the record with its own facts, never a residence key", async () => {
    const res = await t.request("GET", `/api/v1/candidates/${id}`, { as: coordinator });
    const text = await res.text();
    expect(res.status).toBe(200);
    const read = JSON.parse(text) as Json;
    expect(read).toMatchObject({ lastName: "Habte", j1ExaminedOn: "2026-10-05", schoolObligationUntil: null });
    for (const key of residenceKeys) expect(text).not.toContain(`"${key}"`);
    expect(text).not.toContain("Elektro Saale GmbH");
  });

  it("the coordination changes the record's facts, and the answer carries no residence key either", async () => {
    const res = await t.request("PATCH", `/api/v1/candidates/${id}`, { as: coordinator, body: { schoolObligationUntil: "2027-06-30" } });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ schoolObligationUntil: "2027-06-30", j1ExaminedOn: "2026-10-05" });
    for (const key of residenceKeys) expect(text).not.toContain(`"${key}"`);
  });

  it("the coordination may not set the facts of the section, not even to learn whether a company exists", async () => {
    const body = { status: "ausbildungsduldung", workPermission: "allowed", heldSince: "2026-01-01", tiedCompanyId: missing };
    await expectDenied(await t.request("PATCH", `/api/v1/candidates/${id}`, { as: coordinator, body: { residence: body } }), {
      status: [403],
    });
    await expectDenied(await t.request("PUT", `/api/v1/candidates/${id}/residence`, { as: coordinator, body }), { status: [403] });
    await expectDenied(await t.request("POST", "/api/v1/candidates", { as: coordinator, body: person("Verboten", { residence: body }) }), {
      status: [403],
    });
    expect(await countNamed("Verboten")).toBe(0);
    expect((await detail(id)).residence).toMatchObject({ heldSince: "2026-03-02", tiedCompanyId: saaleCompany });
  });

  it("lists never carry the section, for anyone", async () => {
    for (const as of [halle, coordinator]) {
      const text = await (await t.request("GET", "/api/v1/candidates?q=Habte", { as })).text();
      expect(JSON.parse(text).items).toHaveLength(1);
      for (const key of residenceKeys) expect(text).not.toContain(`"${key}"`);
    }
  });
});
