import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { demo, expectSameAsMissing, setupTestApp } from "../../../tests/support/test-app.js";

const t = setupTestApp();

type Offer = {
  id: string;
  postalCode: string;
  ags: string;
  city: string;
  districtName: string;
  companyName: string;
  occupationName: string;
  eqMonths: number | null;
  status: string;
  requirements: Record<string, unknown>;
};

async function company(as: string, name: string, postalCode: string): Promise<string> {
  const res = await t.request("POST", "/api/v1/companies", { as, body: { name, postalCode, confirmNotDuplicate: true } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const offer = (as: string, body: Record<string, unknown>) => t.request("POST", "/api/v1/offers", { as, body });

describe("training places", () => {
  it("a place takes the company's postcode unless another place of work is given", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const id = await company(coordinator, "Kfz-Werkstatt Özdemir", "06108");
    const here = await offer(coordinator, {
      companyId: id,
      kind: "training",
      occupationId: "kraftfahrzeugmechatroniker",
      places: 2,
      startDate: "2027-08-01",
      requirements: { minSchoolCertificate: "lower_secondary", minGermanLevel: "B1", drivingLicence: false },
    });
    expect(here.status, await here.clone().text()).toBe(201);
    expect((await here.json()) as Offer).toMatchObject({
      postalCode: "06108",
      ags: "15002",
      companyName: "Kfz-Werkstatt Özdemir",
      occupationName: "Kraftfahrzeugmechatroniker/-in",
      status: "open",
      requirements: { minSchoolCertificate: "lower_secondary", minGermanLevel: "B1", drivingLicence: false, note: null },
    });
    const elsewhere = await offer(coordinator, {
      companyId: id,
      kind: "internship",
      occupationId: "kraftfahrzeugmechatroniker",
      places: 1,
      startDate: "2027-03-01",
      postalCode: "06217",
    });
    expect((await elsewhere.json()) as Offer).toMatchObject({ postalCode: "06217", ags: "15088", districtName: "Saalekreis" });
    const detail = (await (await t.request("GET", `/api/v1/companies/${id}`, { as: coordinator })).json()) as { openPlaces: number };
    expect(detail.openPlaces).toBe(3);
  });

  it("an EQ lasts 4–12 months when it starts on or after 01.04.2024, 6–12 before", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const id = await company(coordinator, "Supermarkt Nguyen", "06110");
    const eq = (startDate: string, eqMonths: number | null) =>
      offer(coordinator, { companyId: id, kind: "entry_qualification", occupationId: "verkaeufer", places: 1, startDate, eqMonths });
    expect((await eq("2027-02-01", 4)).status).toBe(201);
    expect((await eq("2024-04-01", 4)).status).toBe(201);
    const before = await eq("2024-03-01", 4);
    expect(before.status).toBe(422);
    expect(((await before.json()) as { errors: Record<string, string[]> }).errors.eqMonths).toEqual([
      "Eine EQ mit Beginn an diesem Tag dauert 6 bis 12 Monate",
    ]);
    expect((await eq("2027-02-01", 13)).status).toBe(422);
    const missing = await eq("2027-02-01", null);
    expect(((await missing.json()) as { errors: Record<string, string[]> }).errors.eqMonths).toEqual([
      "Für eine EQ die Dauer in Monaten angeben",
    ]);
    const training = await offer(coordinator, {
      companyId: id,
      kind: "training",
      occupationId: "verkaeufer",
      places: 1,
      startDate: "2027-08-01",
      eqMonths: 6,
    });
    expect(((await training.json()) as { errors: Record<string, string[]> }).errors.eqMonths).toEqual([
      "Eine Dauer in Monaten gibt es nur für eine EQ",
    ]);
  });

  it("a retired occupation is not offered for a new place, but an old place keeps it", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const id = await company(coordinator, "Glaserei Klar", "06112");
    const old = await offer(coordinator, { companyId: id, kind: "training", occupationId: "glaser", places: 1, startDate: "2027-08-01" });
    expect(old.status).toBe(201);
    const oldId = ((await old.json()) as Offer).id;
    await sql`update occupation set retired_at = now() where id = 'glaser'`.execute(t.db);
    const fresh = await offer(coordinator, { companyId: id, kind: "training", occupationId: "glaser", places: 1, startDate: "2027-08-01" });
    expect(fresh.status).toBe(422);
    expect(((await fresh.json()) as { errors: Record<string, string[]> }).errors.occupationId?.[0]).toMatch(/wird nicht mehr ausgebildet/);
    const edit = await t.request("PATCH", `/api/v1/offers/${oldId}`, { as: coordinator, body: { places: 2 } });
    expect(edit.status).toBe(200);
    await sql`update occupation set retired_at = null where id = 'glaser'`.execute(t.db);
  });

  it("a contact person of another company is refused; an unknown occupation too", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const a = await company(coordinator, "Firma A", "06114");
    const b = await company(coordinator, "Firma B", "06114");
    const contact = (await (
      await t.request("POST", `/api/v1/companies/${b}/contacts`, { as: coordinator, body: { name: "Berta B" } })
    ).json()) as { id: string };
    const res = await offer(coordinator, {
      companyId: a,
      kind: "training",
      occupationId: "tischler",
      places: 1,
      startDate: "2027-08-01",
      contactId: contact.id,
    });
    expect(((await res.json()) as { errors: Record<string, string[]> }).errors.contactId).toEqual([
      "Diese Ansprechperson gehört nicht zu diesem Betrieb",
    ]);
    const unknown = await offer(coordinator, {
      companyId: a,
      kind: "training",
      occupationId: "astronaut",
      places: 1,
      startDate: "2027-08-01",
    });
    expect(((await unknown.json()) as { errors: Record<string, string[]> }).errors.occupationId).toEqual([
      "Diesen Beruf gibt es im Katalog nicht",
    ]);
  });

  it("the list filters by occupation and district, pages by start date, and stays in scope", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const halle = await company(coordinator, "Tischlerei Halle-Süd", "06128");
    const wittenberg = await company(coordinator, "Tischlerei Wittenberg", "06886");
    for (const [companyId, startDate] of [
      [halle, "2027-09-01"],
      [halle, "2027-08-01"],
      [wittenberg, "2027-08-01"],
    ] as const) {
      expect((await offer(coordinator, { companyId, kind: "training", occupationId: "tischler", places: 1, startDate })).status).toBe(201);
    }
    const page = (await (
      await t.request("GET", "/api/v1/offers?occupationId=tischler&district=15002&limit=1", { as: coordinator })
    ).json()) as { items: { startDate: string }[]; nextCursor: string; total: number };
    expect(page.total).toBe(2);
    expect(page.items.map((o) => o.startDate)).toEqual(["2027-08-01"]);
    const next = (await (
      await t.request("GET", `/api/v1/offers?occupationId=tischler&district=15002&limit=1&cursor=${page.nextCursor}`, { as: coordinator })
    ).json()) as { items: { startDate: string }[]; nextCursor: string | null };
    expect(next.items.map((o) => o.startDate)).toEqual(["2027-09-01"]);
    expect(next.nextCursor).toBeNull();
    const counsellorW = await t.signIn(demo.counsellorWittenberg);
    const seen = (await (await t.request("GET", "/api/v1/offers?occupationId=tischler", { as: counsellorW })).json()) as {
      items: { companyName: string }[];
    };
    expect(seen.items.map((o) => o.companyName)).toEqual(["Tischlerei Wittenberg"]);
    const halleOffer = (await (
      await t.request("GET", "/api/v1/offers?occupationId=tischler&district=15002", { as: coordinator })
    ).json()) as { items: { id: string }[] };
    await expectSameAsMissing(
      await t.request("GET", `/api/v1/offers/${halleOffer.items[0]?.id}`, { as: counsellorW }),
      await t.request("GET", "/api/v1/offers/00000000-0000-4000-8000-000000000000", { as: counsellorW }),
    );
    const csv = await (await t.request("GET", "/api/v1/offers/export?format=csv&occupationId=tischler", { as: counsellorW })).text();
    expect(
      csv
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n")
        .slice(1)
        .map((l) => l.split(";")[0]),
    ).toEqual(["Tischlerei Wittenberg"]);
  });

  it("a counsellor cannot add a place to a company of another district", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const halle = await company(coordinator, "Hotel Saaleblick", "06108");
    const res = await offer(await t.signIn(demo.counsellorWittenberg), {
      companyId: halle,
      kind: "training",
      occupationId: "koch-koechin",
      places: 1,
      startDate: "2027-08-01",
    });
    expect(res.status).toBe(404);
  });
});
