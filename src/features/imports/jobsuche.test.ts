import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../../tests/support/test-app.js";
import { dryRun, runJobs } from "./imports.test-support.js";
import { postcodeText } from "./jobsuche.js";
import type { ImportView } from "./schema.js";

const t = setupTestApp();
const fixture = (name: string) => readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", name));

async function view(as: string, id: string): Promise<ImportView> {
  return (await (await t.request("GET", `/api/v1/imports/${id}`, { as })).json()) as ImportView;
}

async function commit(as: string, id: string) {
  expect((await t.request("POST", `/api/v1/imports/${id}/commit`, { as })).status).toBe(202);
  await runJobs(t);
  return view(as, id);
}

const offerByRef = (ref: string) =>
  t.db
    .selectFrom("offer")
    .innerJoin("company", "company.id", "offer.company_id")
    .select([
      "offer.id",
      "offer.kind",
      "offer.occupation_id",
      "offer.start_date",
      "offer.postal_code",
      "offer.places",
      "offer.title",
      "offer.source",
      "company.name",
      "company.postal_code as company_postal_code",
      "company.source as company_source",
    ])
    .where("offer.external_ref", "=", ref)
    .execute();

describe("Jobsuche import (the job search of the Bundesagentur für Arbeit), offline from uploaded files", () => {
  it("restores the leading zero of a postcode the search returns as an integer", () => {
    expect(postcodeText(6108)).toBe("06108");
    expect(postcodeText("6108")).toBe("06108");
    expect(postcodeText("06108")).toBe("06108");
    expect(postcodeText(39104)).toBe("39104");
  });

  it("search results (stellenangebote[], refnr, integer plz): employers become companies, postings training places", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const id = await dryRun(t, coordinator, { content: fixture("jobsuche-search.json"), name: "suche.json" }, "jobsuche");
    const probe = await view(coordinator, id);
    expect(probe.columns).toEqual(["refnr", "arbeitgeber", "titel", "beruf", "plz", "ort", "eintrittsdatum"]);
    expect(probe.result?.rows).toEqual([
      { row: 1, action: "create" },
      { row: 2, action: "create" },
      {
        row: 3,
        action: "reject",
        reasons: ["Der Beruf „Wissenschaftliche/r Mitarbeiter/in (Hochschule)“ ist im Berufekatalog nicht bekannt"],
      },
    ]);
    await commit(coordinator, id);
    expect(await offerByRef("10001-1000000001-S")).toEqual([
      expect.objectContaining({
        kind: "training",
        occupation_id: "tischler",
        start_date: "2027-08-01",
        postal_code: "06108",
        places: 1,
        title: "Ausbildung zum Tischler (m/w/d) 2027",
        source: "jobsuche",
        name: "Holzwerkstatt Saale GmbH",
        company_postal_code: "06108",
        company_source: "jobsuche",
      }),
    ]);
    expect(await offerByRef("10001-1000000002-S")).toEqual([
      expect.objectContaining({ occupation_id: "elektroniker-fuer-energie-und-gebaeudetechnik", company_postal_code: "06217" }),
    ]);
    expect(await offerByRef("10001-1000000003-S")).toEqual([]);
    const rejected = await (await t.request("GET", `/api/v1/imports/${id}/rejected`, { as: coordinator })).text();
    expect(rejected).toContain("10001-1000000003-S;Forschungsinstitut an der Saale;Wissenschaftlicher Mitarbeiter (m/w/d)");
  });

  it("a second import of the same postings updates them (by refnr) and duplicates nothing", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const changed = JSON.parse(fixture("jobsuche-search.json").toString("utf8")) as { stellenangebote: { eintrittsdatum: string }[] };
    (changed.stellenangebote[0] as { eintrittsdatum: string }).eintrittsdatum = "2027-09-01";
    const id = await dryRun(t, coordinator, { content: JSON.stringify(changed) }, "jobsuche");
    expect((await view(coordinator, id)).result).toMatchObject({ created: 0, updated: 2, rejected: 1 });
    expect((await commit(coordinator, id)).result).toMatchObject({ created: 0, updated: 2, rejected: 1 });
    const offers = await offerByRef("10001-1000000001-S");
    expect(offers).toHaveLength(1);
    expect(offers[0]?.start_date).toBe("2027-09-01");
    expect(await t.db.selectFrom("company").select("id").where("name", "=", "Holzwerkstatt Saale GmbH").execute()).toHaveLength(1);
  });

  it("job details (refnr, titel, arbeitgeberAdresse, anzahlOffeneStellen)", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const id = await dryRun(t, coordinator, { content: fixture("jobsuche-details.json") }, "jobsuche");
    expect((await commit(coordinator, id)).result).toMatchObject({ created: 1, rejected: 0 });
    expect(await offerByRef("10001-1000000004-S")).toEqual([
      expect.objectContaining({
        occupation_id: "kaufmann-fuer-bueromanagement",
        places: 2,
        postal_code: "06110",
        name: "Büro & Service Halle GmbH",
      }),
    ]);
  });

  it("the second shape: search results under ergebnisliste[] keyed referenznummer", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const id = await dryRun(t, coordinator, { content: fixture("jobsuche-search-v2.json") }, "jobsuche");
    expect((await view(coordinator, id)).result).toMatchObject({ created: 2, rejected: 0 });
    await commit(coordinator, id);
    expect(await offerByRef("10001-1000000005-S")).toEqual([
      expect.objectContaining({
        occupation_id: "koch-koechin",
        start_date: "2027-08-01",
        postal_code: "06108",
        name: "Gasthaus Zur Saale",
      }),
    ]);
    const shk = await offerByRef("10001-1000000006-S");
    expect(shk[0]?.occupation_id).toMatch(/^anlagenmechaniker/);
    expect(shk[0]).toMatchObject({ start_date: "2027-08-15", postal_code: "06132" });
  });

  it("the second shape: details with stellenangebotsTitel, firma, stellenlokationen[], eintrittszeitraum", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const id = await dryRun(t, coordinator, { content: fixture("jobsuche-details-v2.json") }, "jobsuche");
    expect((await commit(coordinator, id)).result).toMatchObject({ created: 1, rejected: 0 });
    expect(await offerByRef("10001-1000000007-S")).toEqual([
      expect.objectContaining({
        occupation_id: "verkaeufer",
        start_date: "2027-08-01",
        postal_code: "06108",
        name: "Markt am Platz GmbH",
        title: "Ausbildung Verkäufer/in (m/w/d) im Lebensmittelhandel",
      }),
    ]);
    // The same posting again, now in the first shape's details: the same place, updated.
    const again = {
      refnr: "10001-1000000007-S",
      titel: "Verkäufer/in",
      beruf: "Verkäufer/in",
      arbeitgeber: "Markt am Platz GmbH",
      arbeitsorte: [{ plz: "06108", ort: "Halle (Saale)" }],
      eintrittsdatum: "2027-08-01",
      anzahlOffeneStellen: 3,
    };
    const second = await dryRun(t, coordinator, { content: JSON.stringify([again]) }, "jobsuche");
    expect((await commit(coordinator, second)).result).toMatchObject({ created: 0, updated: 1 });
    expect((await offerByRef("10001-1000000007-S")).map((o) => o.places)).toEqual([3]);
  });

  it("postings without reference or start are rejected with a reason", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const file = {
      stellenangebote: [
        { beruf: "Tischler/in", arbeitgeber: "Ohne Referenz", arbeitsort: { plz: 6108 }, eintrittsdatum: "2027-08-01" },
        { refnr: "10001-1000000008-S", beruf: "Tischler/in", arbeitgeber: "Ohne Beginn", arbeitsort: { plz: 6108 } },
      ],
    };
    const id = await dryRun(t, coordinator, { content: JSON.stringify(file) }, "jobsuche");
    expect((await view(coordinator, id)).result?.rows).toEqual([
      { row: 1, action: "reject", reasons: ["Die Stelle hat keine Referenznummer (refnr/referenznummer)"] },
      { row: 2, action: "reject", reasons: ["Der Beginn fehlt"] },
    ]);
  });
});
