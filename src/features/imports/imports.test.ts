import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { demo, expectSameAsMissing, setupTestApp } from "../../../tests/support/test-app.js";
import { dryRun, runJobs, uploadImport } from "./imports.test-support.js";
import type { ImportView } from "./schema.js";

const t = setupTestApp();

const header = "Externe ID;Betrieb;Straße;PLZ;Ort;Branche;Größe;Kammer;Beruf;Art;Plätze;Beginn";
/** Two good rows, four broken ones, and a second place for the first company. */
const csv = [
  header,
  "A-1;Tischlerei Importtest;Hauptstraße 1;06108;Halle;Holz;10-49;HWK;Tischler/-in;Ausbildung;2;01.08.2027",
  "A-2;Bäckerei Importtest;Markt 2;06110;Halle;Lebensmittel;1-9;HWK;Bäcker/in;;1;2027-08-01",
  "A-3;;Ohne Name 3;06108;Halle;;;;Tischler/-in;;1;01.08.2027",
  "A-4;Firma Falsche PLZ;Weg 4;99999;Nirgendwo;;;;Tischler/-in;;1;01.08.2027",
  "A-5;Firma Raketenbau;Weg 5;06108;Halle;;;;Raketenbauer/in;;1;01.08.2027",
  "A-6;Firma Kaputtes Datum;Weg 6;06108;Halle;;;;Tischler/-in;;1;31.02.2027",
  "A-1;Tischlerei Importtest;Hauptstraße 1;06108;Halle;Holz;10-49;HWK;Koch/Köchin;Ausbildung;1;01.09.2027",
].join("\r\n");

async function view(as: string, id: string, query = "", headers: Record<string, string> = {}): Promise<ImportView> {
  const res = await t.request("GET", `/api/v1/imports/${id}${query}`, { as, headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ImportView;
}

async function commit(as: string, id: string) {
  const res = await t.request("POST", `/api/v1/imports/${id}/commit`, { as });
  expect(res.status, await res.clone().text()).toBe(202);
  await runJobs(t);
}

const companiesNamed = (pattern: string) =>
  t.db.selectFrom("company").select(["id", "name", "postal_code", "source", "external_ref"]).where("name", "like", pattern).execute();
const offersOf = (companyId: string) =>
  t.db
    .selectFrom("offer")
    .select(["id", "occupation_id", "places", "start_date", "external_ref"])
    .where("company_id", "=", companyId)
    .execute();

describe("imports: dry run, then commit", () => {
  it("the dry run shows per row what would happen and writes nothing; the commit writes exactly the valid rows", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const id = await dryRun(t, coordinator, { content: `\uFEFF${csv}` }, "csv");
    const probe = await view(coordinator, id);
    expect(probe).toMatchObject({ status: "done", phase: "dry_run", progress: 1, mappingSource: "detected" });
    expect(probe.mapping).toMatchObject({
      name: "Betrieb",
      postalCode: "PLZ",
      occupation: "Beruf",
      startDate: "Beginn",
      externalId: "Externe ID",
    });
    expect(probe.result).toMatchObject({ created: 3, updated: 0, rejected: 4, committed: false, rowsTotal: 7 });
    const byRow = new Map(probe.result?.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toEqual({ row: 2, action: "create" });
    expect(byRow.get(4)?.reasons).toEqual(["Der Name des Betriebs fehlt"]);
    expect(byRow.get(5)?.reasons).toEqual(["Die Postleitzahl 99999 ist nicht bekannt"]);
    expect(byRow.get(6)?.reasons).toEqual(["Der Beruf „Raketenbauer/in“ ist im Berufekatalog nicht bekannt"]);
    expect(byRow.get(7)?.reasons).toEqual(["Beginn „31.02.2027“: kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT)"]);
    expect(await companiesNamed("%Importtest%")).toEqual([]);

    await commit(coordinator, id);
    const done = await view(coordinator, id);
    expect(done).toMatchObject({ status: "done", phase: "commit", dryRun: { created: 3, updated: 0, rejected: 4 } });
    expect(done.result).toMatchObject({ created: 3, updated: 0, rejected: 4, committed: true });
    const written = await companiesNamed("%Importtest%");
    expect(written.map((c) => c.name).sort()).toEqual(["Bäckerei Importtest", "Tischlerei Importtest"]);
    const tischlerei = written.find((c) => c.name === "Tischlerei Importtest");
    expect(tischlerei).toMatchObject({ source: "import", external_ref: "A-1", postal_code: "06108" });
    const places = await offersOf(tischlerei?.id as string);
    expect(places.map((o) => o.occupation_id).sort()).toEqual(["koch-koechin", "tischler"]);
    // A broken row wrote nothing, not even its company.
    expect(await companiesNamed("Firma %")).toEqual([]);
    // One audit entry per batch and entity, naming the ids, as the coordinator.
    const entries = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "import")
      .where("request_id", "like", "job-%")
      .execute();
    expect(entries.map((e) => e.entity).sort()).toEqual(["company", "offer"]);
    expect(entries.every((e) => e.actor_email === demo.coordinator)).toBe(true);
    expect(entries.find((e) => e.entity === "company")?.changed_fields).toContain(`created:${tischlerei?.id}`);

    const download = await t.request("GET", `/api/v1/imports/${id}/rejected`, { as: coordinator });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toContain("text/csv");
    const text = await download.text();
    expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(`Zeile;Gründe;${header}`);
    expect(text).toContain("5;Die Postleitzahl 99999 ist nicht bekannt;A-4;Firma Falsche PLZ");
    expect(text).not.toContain("Tischlerei Importtest");
  });

  it("a second import of the same file updates what the first wrote and duplicates nothing", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const before = await companiesNamed("%Importtest%");
    const offersBefore = (await Promise.all(before.map((c) => offersOf(c.id)))).flat().length;
    const changed = csv.replace(
      "Markt 2;06110;Halle;Lebensmittel;1-9;HWK;Bäcker/in;;1",
      "Markt 2;06110;Halle;Lebensmittel;1-9;HWK;Bäcker/in;;4",
    );
    const id = await dryRun(t, coordinator, { content: changed }, "csv");
    expect((await view(coordinator, id)).result).toMatchObject({ created: 0, updated: 3, rejected: 4 });
    await commit(coordinator, id);
    expect((await view(coordinator, id)).result).toMatchObject({ created: 0, updated: 3, rejected: 4 });
    const after = await companiesNamed("%Importtest%");
    expect(after.map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());
    const offersAfter = (await Promise.all(after.map((c) => offersOf(c.id)))).flat();
    expect(offersAfter.length).toBe(offersBefore);
    const baeckerei = after.find((c) => c.name === "Bäckerei Importtest");
    expect((await offersOf(baeckerei?.id as string)).map((o) => o.places)).toEqual([4]);
  });

  it("without an external id, a company is matched by its name and postcode", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const res = await t.request("POST", "/api/v1/companies", {
      as: coordinator,
      body: { name: "Malerbetrieb Farbenfroh", postalCode: "06108" },
    });
    expect(res.status).toBe(201);
    const { id: existing } = (await res.json()) as { id: string };
    const file = [
      "Name,PLZ,Ort,Beruf,Plätze,Beginn",
      "Malerbetrieb Farbenfroh,06108,Halle,Maler/-in,3,01.08.2027",
      "Malerbetrieb Farbenfroh,06110,Halle,Maler/-in,1,01.08.2027",
    ].join("\n");
    const id = await dryRun(t, coordinator, { content: file }, "csv");
    const probe = await view(coordinator, id);
    // Same name, same postcode: the existing company gets the place; another postcode is another company.
    expect(probe.result?.rows).toEqual([
      { row: 2, action: "create" },
      { row: 3, action: "create" },
    ]);
    await commit(coordinator, id);
    const companies = await companiesNamed("Malerbetrieb Farbenfroh");
    expect(companies).toHaveLength(2);
    expect((await offersOf(existing)).map((o) => o.occupation_id)).toEqual(["maler-und-lackierer"]);
    expect(companies.find((c) => c.id === existing)?.source).toBe("manual");
  });

  it("reads an XLSX file made with exceljs: numbers as postcodes, dates as dates", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Betriebe");
    sheet.addRow(["Name", "PLZ", "Ort", "Beruf", "Plätze", "Beginn", "Größe"]);
    sheet.addRow(["Xlsx Schlosserei", 6108, "Halle", "Koch/Köchin", 2, new Date(Date.UTC(2027, 7, 1)), 12]);
    sheet.addRow(["Xlsx Gärtnerei", "06217", "Merseburg", "Verkäufer/-in", 1, "15.08.2027", "250+"]);
    sheet.addRow(["Xlsx Ohne Beginn", "06217", "Merseburg", "Verkäufer/-in", 1, null, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const id = await dryRun(t, coordinator, { content: bytes, name: "betriebe.xlsx" }, "xlsx");
    const probe = await view(coordinator, id);
    expect(probe.result).toMatchObject({ created: 2, updated: 0, rejected: 1 });
    expect(probe.result?.rows[2]).toEqual({ row: 4, action: "reject", reasons: ["Der Beginn fehlt"] });
    await commit(coordinator, id);
    const [company] = await companiesNamed("Xlsx Schlosserei");
    expect(company?.postal_code).toBe("06108");
    expect((await offersOf(company?.id as string))[0]).toMatchObject({
      occupation_id: "koch-koechin",
      places: 2,
      start_date: "2027-08-01",
    });
  });

  it("a mapping given for a file layout is used and remembered for the next file with the same header row", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const file = "Firmenbezeichnung;Postanschrift PLZ;Ausbildung in;Start\nMapping GmbH;06108;Tischler/-in;01.08.2027\n";
    const refused = await uploadImport(t, coordinator, { content: file }, "csv");
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      "Die Spalten der Datei wurden nicht erkannt. Bitte geben Sie die Zuordnung der Spalten an (mapping).",
    );
    const mapping = { name: "Firmenbezeichnung", postalCode: "Postanschrift PLZ", occupation: "Ausbildung in", startDate: "Start" };
    const first = await dryRun(t, coordinator, { content: file }, "csv", mapping);
    expect(await view(coordinator, first)).toMatchObject({ mappingSource: "given", mapping, result: { created: 1 } });
    const again = await dryRun(t, coordinator, { content: file.replace("Mapping GmbH", "Mapping Zwei GmbH") }, "csv");
    expect(await view(coordinator, again)).toMatchObject({ mappingSource: "remembered", mapping, result: { created: 1 } });
    const wrongColumn = await uploadImport(t, coordinator, { content: file }, "csv", { name: "Gibt es nicht" });
    expect(wrongColumn.status).toBe(422);
    expect(((await wrongColumn.json()) as { errors: Record<string, string[]> }).errors.mapping).toEqual([
      "Die Spalte „Gibt es nicht“ gibt es in der Datei nicht",
    ]);
  });

  it("a commit taken up again after it wrote everything (a crash before it was marked done) finds its work done", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const id = await dryRun(t, coordinator, { content: "Name;PLZ\nNochmal Fertig GmbH;06108\n" }, "csv");
    await commit(coordinator, id);
    const { commit_job_id } = await t.db.selectFrom("data_import").select("commit_job_id").where("id", "=", id).executeTakeFirstOrThrow();
    await t.db
      .updateTable("job")
      .set({ status: "running", locked_by: "crashed", locked_until: new Date(t.clock.now.getTime() - 1000) })
      .where("id", "=", commit_job_id as string)
      .execute();
    expect(await runJobs(t)).toBe(1);
    expect(await view(coordinator, id)).toMatchObject({ status: "done", result: { created: 1, committed: true } });
    expect(await companiesNamed("Nochmal Fertig GmbH")).toHaveLength(1);
  });

  it("reasons come in the reader's language", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const id = await dryRun(t, coordinator, { content: "Name;PLZ\n;06108\nX;06108\n" }, "csv");
    const english = await view(coordinator, id, "?rows=rejected", { "accept-language": "en" });
    expect(english.result?.rows).toEqual([
      { row: 2, action: "reject", reasons: ["The company's name is missing"] },
      { row: 3, action: "reject", reasons: ["Column Name: Enter the company's name (at least 2 characters)"] },
    ]);
  });
});

describe("imports: who may import what, and see which import", () => {
  it("a counsellor of Wittenberg cannot import a company of Halle: the row is rejected and nothing is written", async () => {
    const wittenberg = await t.signIn(demo.counsellorWittenberg);
    const file =
      "Name;PLZ;Ort;Beruf;Beginn\nHallesche Firma Scope;06108;Halle;Tischler/-in;01.08.2027\nWittenberger Firma Scope;06886;Wittenberg;Tischler/-in;01.08.2027\n";
    const id = await dryRun(t, wittenberg, { content: file }, "csv");
    const probe = await view(wittenberg, id);
    expect(probe.result?.rows).toEqual([
      { row: 2, action: "reject", reasons: ["06108 Halle liegt nicht in Ihren Kreisen; solche Betriebe legt die Koordination an"] },
      { row: 3, action: "create" },
    ]);
    await commit(wittenberg, id);
    expect(await companiesNamed("Hallesche Firma Scope")).toEqual([]);
    const [own] = await t.db.selectFrom("company").selectAll().where("name", "=", "Wittenberger Firma Scope").execute();
    const counsellor = await t.db
      .selectFrom("app_user")
      .select("id")
      .where("email", "=", demo.counsellorWittenberg)
      .executeTakeFirstOrThrow();
    expect(own).toMatchObject({ ags: "15091", responsible_user_id: counsellor.id });
    const firstStage = await t.db
      .selectFrom("company_stage_change")
      .selectAll()
      .where("company_id", "=", own?.id as string)
      .execute();
    expect(firstStage).toMatchObject([{ from_stage: null, to_stage: "contacted", user_id: counsellor.id }]);
  });

  it("a counsellor cannot read another counsellor's import (404 as for a missing one); coordinators and admins can", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const id = await dryRun(t, halle, { content: "Name;PLZ\nGeheime Hallesche Firma;06108\n" }, "csv");
    const wittenberg = await t.signIn(demo.counsellorWittenberg);
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const path of ["", "/rejected"]) {
      const outside = await t.request("GET", `/api/v1/imports/${id}${path}`, { as: wittenberg });
      expect(outside.status).toBe(404);
      expect(await outside.clone().text()).not.toContain("Geheime");
      await expectSameAsMissing(outside, await t.request("GET", `/api/v1/imports/${missing}${path}`, { as: wittenberg }));
    }
    const refusedCommit = await t.request("POST", `/api/v1/imports/${id}/commit`, { as: wittenberg });
    expect(refusedCommit.status).toBe(404);
    for (const who of [demo.coordinator, demo.admin, demo.counsellorHalle]) {
      expect((await t.request("GET", `/api/v1/imports/${id}`, { as: await t.signIn(who) })).status).toBe(200);
    }
    expect((await t.request("GET", `/api/v1/imports/${id}`, { as: await t.signIn(demo.partner) })).status).toBe(403);
  });

  it("a commit before the dry run is done, or a second one, is a 409", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const res = await uploadImport(t, coordinator, { content: "Name;PLZ\nZweimal GmbH;06108\n" }, "csv");
    const { id } = (await res.json()) as { id: string };
    const early = await t.request("POST", `/api/v1/imports/${id}/commit`, { as: coordinator });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { detail: string }).detail).toBe("Die Probe läuft noch. Bitte warten Sie, bis sie fertig ist.");
    await runJobs(t);
    const [a, b] = await Promise.all([
      t.request("POST", `/api/v1/imports/${id}/commit`, { as: coordinator }),
      t.request("POST", `/api/v1/imports/${id}/commit`, { as: coordinator }),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    await runJobs(t);
    expect(await companiesNamed("Zweimal GmbH")).toHaveLength(1);
  });
});
