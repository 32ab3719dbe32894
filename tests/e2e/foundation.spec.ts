import { expect, test } from "@playwright/test";
import { demoPassword as password, signIn } from "./support";

test("an admin signs in, switches the language, creates a user and finds the creation in the audit log", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await expect(page.getByRole("heading", { name: "Ausbildungsberufe" })).toBeVisible();

  await page.getByRole("banner").getByText("English", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "Training occupations" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("banner").getByText("Deutsch", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "Ausbildungsberufe" })).toBeVisible();

  await page.getByRole("link", { name: "Benutzer" }).click();
  await page.getByRole("button", { name: "Neues Konto" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Emil Ende-zu-Ende");
  await dialog.getByLabel("E-Mail-Adresse").fill("emil@test.example");
  await dialog.getByRole("textbox", { name: "Erstes Passwort" }).fill("kurz");
  await dialog.getByRole("button", { name: "Anlegen" }).click();
  // Bad input: the message stands at the field, nothing typed is lost.
  await expect(dialog.getByText(/mindestens 12 Zeichen/)).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveValue("Emil Ende-zu-Ende");
  await dialog.getByRole("combobox", { name: "Kreise" }).fill("Witt");
  await page.getByRole("option", { name: /Wittenberg/ }).click();
  await dialog.getByRole("textbox", { name: "Erstes Passwort" }).fill("Ein-gutes-Startpasswort");
  await dialog.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByText("Konto emil@test.example angelegt.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "emil@test.example", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Audit-Log" }).click();
  await page.getByRole("combobox", { name: "Aktion" }).click();
  await page.getByRole("option", { name: "Angelegt", exact: true }).click();
  const row = page
    .getByRole("row")
    .filter({ hasText: /Anja Administratorin|admin@demo\.example/ })
    .filter({ hasText: "Benutzerkonto" });
  // Names where the server has them: who did it and which account it was.
  await expect(row.first()).toContainText("Emil Ende-zu-Ende");
  await expect(row.first()).toContainText(/displayName/);

  // Export exactly what is filtered.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const { readFile } = await import("node:fs/promises");
  const csv = await readFile((await file.path()) as string, "utf8");
  expect(csv).toMatch(/Nr\.;Zeitpunkt;Person;.*Objekt/);
  expect(csv).toContain(";create;");
  expect(csv).not.toContain(";login;");
});

test("a wrong password shows a German message; a counsellor sees no administration", async ({ page }) => {
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill("beratung.halle@demo.example");
  await page.getByRole("textbox", { name: "Passwort", exact: true }).fill("falsches-passwort");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("alert")).toContainText("E-Mail-Adresse oder Passwort ist falsch.");
  await page.getByRole("textbox", { name: "Passwort", exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("heading", { name: "Heute" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Benutzer" })).toHaveCount(0);
  await page.getByRole("link", { name: "Berufe" }).click();
  await page.getByLabel("Beruf suchen").fill("mechatr");
  await expect(page.getByRole("cell", { name: "Mechatroniker/-in", exact: true })).toBeVisible();
  await page.goto("/verwaltung/audit");
  await expect(page.getByRole("heading", { name: "Diese Seite gibt es nicht." })).toBeVisible();
});
