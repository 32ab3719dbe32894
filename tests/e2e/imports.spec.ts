import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, signIn } from "./support";

const halle = "beratung.halle@demo.example";

test("a counsellor imports companies with their places: dry run, rejected row with its reason, commit, and the company in the list", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const first = `Zebrafink Import Tischlerei ${stamp}`;
  const second = `Zebrafink Import Kantine ${stamp}`;
  const csv = [
    "Name;PLZ;Ort;Beruf;Art;Plätze;Beginn",
    `${first};06108;Halle (Saale);Tischler/-in;Ausbildung;2;01.08.2027`,
    `${second};06108;Halle (Saale);Koch/Köchin;Ausbildung;1;01.09.2027`,
    `Zebrafink Nirgendwo ${stamp};00000;Nirgendwo;Tischler/-in;Ausbildung;1;01.08.2027`,
  ].join("\r\n");

  await signIn(page, halle);
  await page.goto("/betriebe");
  await page.getByRole("link", { name: "Importieren" }).click();
  await expect(page).toHaveURL(/\/betriebe\/import$/);
  await expect(page.getByRole("heading", { level: 1, name: "Betriebe importieren" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Submitting without a file shows the app's own message, not a browser bubble.
  await page.getByRole("button", { name: "Datei prüfen" }).click();
  await expect(page.getByText("Bitte wählen Sie eine Datei aus.")).toBeVisible();

  await page.locator('input[type="file"]').setInputFiles({ name: "betriebe.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  // The format follows the file's extension.
  await expect(page.getByRole("combobox", { name: "Format" })).toHaveValue("CSV (Semikolon oder Komma)");
  await page.getByRole("button", { name: "Datei prüfen" }).click();

  await expect(page).toHaveURL(/\/betriebe\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByText("2 werden angelegt, 0 aktualisiert, 1 abgelehnt")).toBeVisible();
  const table = page.getByRole("region", { name: /Zeilen/ });
  // The rejected row comes first, with its reason.
  await expect(table.getByRole("row").nth(1)).toContainText("Abgelehnt");
  await expect(table.getByRole("row").nth(1)).toContainText("Die Postleitzahl 00000 ist nicht bekannt");
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("link", { name: "Abgelehnte Zeilen herunterladen" })).toHaveAttribute("href", /\/rejected$/);

  await page.getByRole("button", { name: "Übernehmen" }).click();
  await expect(page.getByText("Geschrieben: 2 angelegt, 0 aktualisiert, 1 abgelehnt")).toBeVisible();
  await expect(page.getByRole("button", { name: "Übernehmen" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  // On a phone the page does not scroll sideways (the table scrolls in its own box).
  const phone = await page.context().newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(page.url());
  await expect(phone.getByText("Geschrieben: 2 angelegt, 0 aktualisiert, 1 abgelehnt")).toBeVisible();
  await expect(phone.getByRole("region", { name: /Zeilen/ }).getByRole("row")).toHaveCount(4);
  await expectNoHorizontalScroll(phone);
  await phone.close();

  await page.getByRole("link", { name: "Zur Liste der Betriebe" }).click();
  await expect(page).toHaveURL(/\/betriebe$/);
  await page.getByRole("searchbox", { name: "Betrieb suchen (Name, Ort oder PLZ)" }).fill(first);
  await expect(page.getByRole("link", { name: first })).toBeVisible();
  await expect(page.getByRole("link", { name: second })).toBeVisible();
  // The rejected row wrote nothing.
  await expect(page.getByRole("link", { name: `Zebrafink Nirgendwo ${stamp}` })).toHaveCount(0);
});
