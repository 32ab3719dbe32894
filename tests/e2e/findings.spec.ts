import { expect, test } from "@playwright/test";
import { chooseLanguage, demoPassword, expectNoSeriousA11yViolations, shot, signIn } from "./support";

test("an empty sign-in shows the app's German messages at the fields, not the browser's bubble", async ({ page }) => {
  await page.goto("/anmelden");
  await page.getByRole("button", { name: "Anmelden" }).click();
  // Only a form without the browser's own validation reaches the app's check: the message proves it.
  const email = page.getByLabel("E-Mail-Adresse");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription("Bitte ausfüllen.");
  await expect(page.getByRole("textbox", { name: "Passwort", exact: true })).toHaveAccessibleDescription("Bitte ausfüllen.");
  await expect(page.locator("form")).toHaveJSProperty("noValidate", true);
  await expect(email).toBeFocused();

  await email.fill("keine-adresse");
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(email).toHaveAccessibleDescription(/gültige E-Mail-Adresse/);

  // The eye button is named in the page's language.
  await expect(page.getByRole("button", { name: "Passwort anzeigen" })).toBeAttached();
  await chooseLanguage(page, "en");
  await expect(page.getByRole("button", { name: "Show password" })).toBeAttached();
  await expect(page.getByRole("textbox", { name: "Password", exact: true })).toHaveAccessibleDescription("Please fill in this field.");
});

test("with English selected, a wrong password is explained in English by the server", async ({ page }) => {
  await page.goto("/anmelden");
  await chooseLanguage(page, "en");
  await page.getByLabel("Email address").fill("beratung.wittenberg@demo.example");
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("not-the-password");
  const request = page.waitForRequest((r) => r.url().endsWith("/api/v1/auth/login"));
  await page.getByRole("button", { name: "Sign in" }).click();
  expect((await request).headers()["accept-language"]).toBe("en");
  await expect(page.getByRole("alert")).toContainText("Email address or password is incorrect.");
});

test("switching the language fetches what is on screen again in the new language", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.goto("/verwaltung/benutzer");
  await expect(page.getByRole("cell", { name: "admin@demo.example", exact: true })).toBeVisible();
  const refetch = page.waitForRequest((r) => r.url().includes("/api/v1/users") && r.headers()["accept-language"] === "en");
  await page.getByRole("banner").getByText("English", { exact: true }).click();
  await refetch;
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
});

test("two-factor setup shows the otpauth address as a QR code", async ({ page }) => {
  await signIn(page, "koordination@demo.example");
  await page.getByRole("link", { name: "Mein Konto" }).click();
  await page.getByRole("button", { name: "Einrichten" }).click();
  const qr = page.getByRole("img", { name: /QR-Code/ });
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute("src", /^data:image\/svg\+xml/);
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await shot(page, "account-two-factor-de");
  // A code of the wrong shape is caught at the field in German, before any request.
  await page.getByRole("button", { name: "Mit Code aktivieren" }).click();
  await expect(page.getByLabel("Code")).toHaveAccessibleDescription("Der Code besteht aus sechs Ziffern.");
  await expectNoSeriousA11yViolations(page, "account with two-factor setup");
});

test("the audit log speaks German: action and object names, and counts with the right plural", async ({ page }) => {
  await signIn(page, "admin@demo.example");
  await page.getByRole("link", { name: "Audit-Log" }).click();
  const table = page.getByRole("region", { name: "Tabelle: Audit-Log" });
  await expect(table.getByRole("cell", { name: "Anmeldung", exact: true }).first()).toBeVisible();
  await expect(table.getByRole("cell", { name: /^Sitzung/ }).first()).toBeVisible();
  await expect(table.getByRole("cell", { name: "login", exact: true })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: /^\d+ Einträge$/ })).toBeVisible();

  // The demo seed is exactly one entry.
  await page.getByRole("combobox", { name: "Aktion" }).click();
  await page.getByRole("option", { name: "Demodaten angelegt" }).click();
  await expect(page).toHaveURL(/action=seed/);
  await expect(page.getByRole("status").filter({ hasText: /Eintr/ })).toHaveText("1 Eintrag");
  await expect(table.getByRole("cell", { name: "Demodaten", exact: true })).toBeVisible();
});

test("the licences open inside the app when signed in, and lead back to the sign-in when not", async ({ page }) => {
  await page.goto("/lizenzen");
  await expect(page.getByRole("heading", { level: 1, name: /Lizenzen/ })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("GeoNames");
  await page.getByRole("banner").getByRole("link", { name: "Zur Anmeldung" }).click();
  await expect(page).toHaveURL(/\/anmelden$/);

  await page.getByLabel("E-Mail-Adresse").fill("koordination@demo.example");
  await page.getByRole("textbox", { name: "Passwort", exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Anmelden" }).click();
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await nav.getByRole("link", { name: "Lizenzen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Lizenzen/ })).toBeVisible();
  // Still in the app: the menu is there and leads on.
  await nav.getByRole("link", { name: "Berufe" }).click();
  await expect(page).toHaveURL(/\/berufe/);

  // The API reference is a page of its own: it opens in a new tab, the app stays where it is.
  const apiDocs = nav.getByRole("link", { name: /API-Referenz/ });
  await expect(apiDocs).toHaveAttribute("target", "_blank");
  await expect(apiDocs).toHaveAttribute("rel", /noopener/);
  const popup = page.waitForEvent("popup");
  await apiDocs.click();
  await expect(await popup).toHaveURL(/\/api\/docs$/);
  await expect(page).toHaveURL(/\/berufe/);
});
