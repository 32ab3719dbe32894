import { describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../../tests/support/test-app.js";
import { uploadImport } from "./imports.test-support.js";

const t = setupTestApp();

describe("imports: files that cannot be read", () => {
  const cases: [string, string | Uint8Array, string, string][] = [
    ["an empty file", "", "csv", "Die Datei ist leer."],
    [
      "an XLSX file sent as CSV",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      "csv",
      "Das ist eine XLSX-Datei (Excel), keine CSV-Datei. Bitte als Format xlsx wählen.",
    ],
    [
      "a binary file as CSV",
      new Uint8Array([1, 0, 2, 0, 3]),
      "csv",
      "Die Datei ist keine Textdatei und kann nicht als CSV gelesen werden.",
    ],
    [
      "a CSV file sent as XLSX",
      "Name;PLZ\nA;06108\n",
      "xlsx",
      "Die Datei ist keine XLSX-Datei (Excel-Arbeitsmappe). Für CSV bitte das Format csv wählen.",
    ],
    [
      "a broken XLSX file",
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9, 9]),
      "xlsx",
      "Die XLSX-Datei ist beschädigt oder nicht lesbar.",
    ],
    ["Jobsuche that is not JSON", "<html>Fehler</html>", "jobsuche", "Die Datei ist kein gültiges JSON."],
    ["JSON of another shape", '{"jobs": []}', "jobsuche", "Die Datei hat nicht das Format der Jobsuche."],
  ];
  for (const [what, content, format, detail] of cases) {
    it(`${what} is refused with 422 and a German reason`, async () => {
      const res = await uploadImport(t, await t.signIn(demo.coordinator), { content }, format);
      expect(res.status, await res.clone().text()).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(((await res.json()) as { detail: string }).detail).toBe(detail);
    });
  }

  it("the other shape names what was expected", async () => {
    const res = await uploadImport(t, await t.signIn(demo.coordinator), { content: '{"jobs": []}' }, "jobsuche");
    expect(((await res.json()) as { errors: { file: string[] } }).errors.file[0]).toMatch(/stellenangebote\[\] oder ergebnisliste\[\]/);
  });

  it("a format that does not exist, a missing file, a JSON body: 422, 422, 415", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    expect((await uploadImport(t, coordinator, { content: "Name;PLZ\n" }, "pdf")).status).toBe(422);
    const form = new FormData();
    form.append("format", "csv");
    const noFile = await t.app.request("http://localhost/api/v1/imports", {
      method: "POST",
      body: form,
      headers: { cookie: coordinator, origin: "http://localhost" },
    });
    expect(noFile.status).toBe(422);
    expect(((await noFile.json()) as { errors: Record<string, string[]> }).errors.file).toEqual(["Bitte eine Datei anhängen (Feld file)"]);
    const asJson = await t.request("POST", "/api/v1/imports", { as: coordinator, body: { format: "csv" } });
    expect(asJson.status).toBe(415);
    expect(((await asJson.json()) as { detail: string }).detail).toMatch(/multipart\/form-data/);
  });

  it("a file larger than the upload limit is a 413 with a clear message; smaller ones pass the general API limit", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const row = "Große Datei GmbH;06108;Halle;Tischler/-in;1;01.08.2027\n";
    const big = `Name;PLZ;Ort;Beruf;Plätze;Beginn\n${row.repeat(Math.ceil((21 * 1024 * 1024) / row.length))}`;
    const res = await uploadImport(t, coordinator, { content: big }, "csv");
    expect(res.status).toBe(413);
    expect(((await res.json()) as { detail: string }).detail).toBe("Die Datei ist größer als 20 MB. Bitte teilen Sie sie auf.");
    const twoMb = `Name;PLZ;Ort;Beruf;Plätze;Beginn\n${row.repeat(Math.ceil((2 * 1024 * 1024) / row.length))}`;
    expect((await uploadImport(t, coordinator, { content: twoMb }, "csv")).status).toBe(202);
    await t.db.deleteFrom("job").where("status", "=", "queued").execute();
  });
});
