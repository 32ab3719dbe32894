import { expect, type Page, test } from "@playwright/test";
import { chooseLanguage, expectNoHorizontalScroll, expectNoSeriousA11yViolations, shot, signIn } from "./support";

const halle = "beratung.halle@demo.example";
const coordinator = "koordination@demo.example";

/** A family name no demo person has, unique per run, so the search finds exactly this one. */
const uniqueName = () => `Zaunkönig${Date.now().toString(36)}`;

/** A day in Berlin as "YYYY-MM-DD", `days` from today. */
function berlinDay(days = 0) {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The page has its h1 and nothing is loading any more. */
async function settled(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".mantine-Loader-root")).toHaveCount(0);
}

/** A dialog once its entrance transition is over (axe measures half-faded colours otherwise). */
async function dialog(page: Page, name: string | RegExp) {
  const d = page.getByRole("dialog", { name });
  await expect(d).toHaveCSS("opacity", "1");
  return d;
}

/**
 * axe on what a person sees at rest: the pointer off every control first (a clicked navigation link
 * would otherwise be measured in its hover colours).
 */
async function axe(page: Page, where: string) {
  await page.mouse.move(0, (page.viewportSize()?.height ?? 800) - 1);
  await expectNoSeriousA11yViolations(page, where);
}

async function choose(page: Page, scope: ReturnType<Page["getByRole"]>, combobox: string, option: string) {
  await scope.getByRole("combobox", { name: combobox }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

test("a counsellor records a young person, consent, a first and a referral counselling, and follows the referral up", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, halle);
  const lastName = uniqueName();
  const name = `Amina ${lastName}`;

  // The list, then the form.
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Jugendliche" }).click();
  await expect(page.getByRole("heading", { name: "Jugendliche", level: 1 })).toBeVisible();
  await settled(page);
  await axe(page, "candidates");
  await page.getByRole("link", { name: "Jugendliche/n erfassen" }).first().click();
  await expect(page.getByRole("heading", { name: "Jugendliche/n erfassen", level: 1 })).toBeVisible();
  await axe(page, "candidate-new");
  await page.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByText("Bitte ausfüllen.").first()).toBeVisible();
  await page.getByLabel("Vorname").fill("Amina");
  await page.getByLabel("Nachname").fill(lastName);
  await page.getByLabel("Geburtsdatum").fill("31.02.2007");
  await page.getByLabel("Postleitzahl").fill("06108");
  await page.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByText("Bitte ein Datum wie 24.11.2026 angeben.")).toBeVisible();
  await page.getByLabel("Geburtsdatum").fill("12.03.2007");
  await expect(page.getByText("06108 Halle · Kreis Halle (Saale)")).toBeVisible();
  await page.getByRole("combobox", { name: "Beruf hinzufügen" }).fill("Mechatron");
  await page.getByRole("option", { name: "Mechatroniker/-in", exact: true }).click();
  await expect(page.getByRole("button", { name: "„Mechatroniker/-in“ entfernen" })).toBeVisible();
  // The residence section is there for counsellors, with the note on who sees it.
  const residence = page.getByRole("group", { name: "Aufenthaltsstatus" });
  await expect(residence.getByText("Nur berechtigte Rollen")).toBeVisible();
  await choose(page, residence, "Status", "Aufenthaltsgestattung");
  await page.getByRole("button", { name: "Anlegen" }).click();
  await expect(residence.getByText("Bitte angeben, ob Erwerbstätigkeit gestattet ist.")).toBeVisible();
  await choose(page, residence, "Erwerbstätigkeit (Nebenbestimmung)", "nur mit Genehmigung der ABH");
  await shot(page, "candidate-new-filled-de");
  await page.getByRole("button", { name: "Anlegen" }).click();

  // The detail page.
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const candidateId = new URL(page.url()).pathname.split("/").pop() as string;
  await settled(page);
  await expect(page.getByText("Keine Einwilligung")).toBeVisible();
  await axe(page, "candidate-detail");
  await page.getByRole("tab", { name: "Aufenthaltsstatus" }).click();
  await expect(page.getByText("nur mit Genehmigung der ABH")).toBeVisible();

  // Consent: counselling and matching.
  await page.getByRole("tab", { name: "Einwilligungen" }).click();
  await expect(page.getByRole("link", { name: "Einwilligungsformular (PDF)" })).toHaveAttribute(
    "href",
    `/api/v1/candidates/${candidateId}/consent-form?language=de`,
  );
  await page.getByRole("button", { name: "Einwilligung erfassen" }).click();
  const consent = await dialog(page, "Einwilligung erfassen");
  await axe(page, "consent-dialog");
  await consent.getByRole("button", { name: "Einwilligung speichern" }).click();
  await expect(consent.getByText("Bitte mindestens einen Zweck wählen.")).toBeVisible();
  await consent.getByRole("checkbox", { name: "Beratung", exact: true }).check();
  await consent.getByRole("checkbox", { name: "Passende Ausbildungsplätze suchen (Matching)" }).check();
  await consent.getByRole("button", { name: "Einwilligung speichern" }).click();
  await expect(consent).toBeHidden();
  const consents = page.getByRole("region", { name: "Einwilligungen" });
  await expect(consents.getByText("gültig", { exact: true })).toBeVisible();
  await expect(page.getByText("Keine Einwilligung")).toHaveCount(0);
  await axe(page, "candidate-consents");

  // Sharing with a company the consent does not name is refused, in German.
  await consents.getByRole("button", { name: "Profil weitergeben" }).click();
  const share = await dialog(page, "Profil weitergeben");
  await share.getByRole("combobox", { name: "Betrieb suchen" }).click();
  await page.getByRole("option").first().click();
  await share.getByRole("button", { name: "Weitergeben" }).click();
  await expect(share.getByRole("alert")).toContainText("nicht als Empfänger");
  await share.getByRole("button", { name: "Abbrechen" }).click();

  // A first counselling.
  await page.getByRole("button", { name: "Beratung erfassen" }).first().click();
  const first = await dialog(page, `Beratung erfassen: ${name}`);
  await axe(page, "consultation-dialog");
  await expect(first.getByRole("combobox", { name: "Art der Beratung" })).toHaveValue("Erstberatung");
  await expect(first.getByLabel("Datum")).toHaveValue(german(berlinDay(0)));
  await first.getByRole("checkbox", { name: "Berufswahl" }).check();
  await first.getByLabel("Notizen").fill("Interesse an Technik, Praktikum gewünscht");
  await first.getByRole("button", { name: "Beratung speichern" }).click();
  await expect(first).toBeHidden();
  // The first counselling makes a new person "In Beratung".
  await expect(page.getByText("In Beratung").first()).toBeVisible();

  // A referral counselling to the Jobcenter, followed up today.
  await page.getByRole("button", { name: "Beratung erfassen" }).first().click();
  const referral = await dialog(page, `Beratung erfassen: ${name}`);
  await choose(page, referral, "Art der Beratung", "Verweisberatung");
  const ref = referral.getByRole("group", { name: "Verweisung 1" });
  await expect(ref.getByLabel("Nachhalten am (Wiedervorlage)")).toHaveValue(german(berlinDay(14)));
  await referral.getByRole("button", { name: "Beratung speichern" }).click();
  await expect(ref.getByText("Bitte die Art der Stelle wählen.")).toBeVisible();
  await choose(page, ref, "Art der Stelle", "Jobcenter");
  await ref.getByLabel("Name der Stelle").fill("Jobcenter Halle (Saale)");
  await ref.getByLabel("Anlass").fill("Förderung klären");
  await ref.getByLabel("Nachhalten am (Wiedervorlage)").fill(german(berlinDay(0)));
  await shot(page, "consultation-referral-de");
  await referral.getByRole("button", { name: "Beratung speichern" }).click();
  await expect(referral).toBeHidden();
  await page.getByRole("tab", { name: "Beratungen" }).click();
  const counselling = page.getByRole("region", { name: "Beratungen" });
  await expect(counselling.getByText(`Erstberatung · ${german(berlinDay(0))}`)).toBeVisible();
  await expect(counselling.getByText(`Verweisberatung · ${german(berlinDay(0))}`)).toBeVisible();
  await expect(counselling.getByText("Verwiesen an Jobcenter Halle (Saale) (Jobcenter)")).toBeVisible();
  await axe(page, "candidate-consultations");

  // The history, newest first, and the documents.
  await page.getByRole("tab", { name: "Verlauf" }).click();
  const history = page.getByRole("region", { name: "Verlauf" });
  await expect(history.getByText(/Verweisberatung/).first()).toBeVisible();
  await axe(page, "candidate-timeline");
  await page.getByRole("tab", { name: "Dokumente" }).click();
  const documents = page.getByRole("region", { name: "Dokumente" });
  await documents.locator('input[type="file"]').setInputFiles({
    name: "lebenslauf.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"),
  });
  await documents.getByRole("button", { name: "Hochladen" }).click();
  await expect(documents.getByRole("link", { name: "„lebenslauf.pdf“ herunterladen" })).toBeVisible();
  await axe(page, "candidate-documents");

  // "Heute" shows the referral to follow up, with the person's name.
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Start" }).click();
  const followUps = page.getByRole("region", { name: "Wiedervorlagen" });
  const item = followUps.getByRole("listitem").filter({ hasText: name });
  await expect(item).toContainText("Verweisung nachhalten: Jobcenter Halle (Saale)");
  await expect(item).toContainText(german(berlinDay(0)));

  // "Beratungen": both lists; the outcome "angekommen" closes the referral.
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Beratungen" }).click();
  await expect(page.getByRole("heading", { name: "Beratungen", level: 1 })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: name }).first()).toBeVisible();
  await settled(page);
  await axe(page, "consultations");
  await page.getByRole("tab", { name: "Verweisungen" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Jobcenter Halle (Saale)");
  await settled(page);
  await axe(page, "referrals");
  await shot(page, "referrals-de");
  await row.getByRole("combobox", { name: "Ausgang der Verweisung an Jobcenter Halle (Saale)" }).click();
  await page.getByRole("option", { name: "angekommen", exact: true }).click();
  await expect(page.getByText("Ausgang gespeichert: angekommen.")).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.getByRole("radiogroup", { name: "Welche Verweisungen" }).getByText("Alle", { exact: true }).click();
  await expect(page).toHaveURL(/due=all/);

  // The list finds the person by search.
  await page.goto("/jugendliche");
  await page.getByLabel("Suchen (Name oder Postleitzahl)").fill(lastName);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(lastName)}`));
  const listRow = page.getByRole("row").filter({ hasText: lastName });
  await expect(listRow).toContainText("Halle (Saale)");
  await expect(listRow).toContainText("Mechatroniker/-in");
  await expect(listRow).toContainText("In Beratung");
  await expect(listRow).toContainText("Matching");
  await expect(page.getByText(/^[\d.]+ Jugendliche, 1 gefiltert$/)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "mit Aufenthaltsstatus" })).toBeVisible();
  await shot(page, "candidates-de");
  await listRow.getByRole("cell").nth(2).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await shot(page, "candidate-detail-de");

  // In English, no German UI labels on the detail page (the server's history titles stay German).
  await chooseLanguage(page, "en");
  await expect(page.getByRole("button", { name: "Record counselling" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Change status" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Residence status" })).toBeVisible();
  await expect(page.getByText("In counselling").first()).toBeVisible();
  for (const word of [
    "Beratung erfassen",
    "Status ändern",
    "Überblick",
    "Einwilligungen",
    "Aufenthaltsstatus",
    "In Beratung",
    "Geburtsdatum",
  ]) {
    await expect(page.getByText(word, { exact: true })).toHaveCount(0);
  }
  await expect(page.getByText("Date of birth")).toBeVisible();
  await axe(page, "candidate-detail (en)");
  await page.getByRole("tab", { name: "Consent" }).click();
  await expect(page.getByRole("link", { name: "Consent form (PDF)" })).toBeVisible();
  await page.getByRole("tab", { name: "Counselling" }).click();
  await expect(
    page.getByText(
      `Referral counselling · ${new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${berlinDay(0)}T00:00:00Z`))}`,
    ),
  ).toBeVisible();
  await expect(page.getByText("Referred to Jobcenter Halle (Saale) (Jobcenter)")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Outcome of the referral to Jobcenter Halle (Saale)" })).toHaveValue("arrived");
  await axe(page, "candidate-consultations (en)");
  await shot(page, "candidate-consultations-en");
  await page.goto("/jugendliche");
  await settled(page);
  await expect(page.getByRole("link", { name: "Add a young person" })).toBeVisible();
  await axe(page, "candidates (en)");
  await chooseLanguage(page, "de");

  // At 390 px nothing scrolls sideways: list and detail.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/jugendliche?q=${lastName}`);
  // On a phone the rows are cards.
  await expect(page.getByRole("listitem").filter({ hasText: lastName })).toContainText("Mechatroniker/-in");
  await settled(page);
  await expectNoHorizontalScroll(page);
  await shot(page, "candidates-de");
  await page.goto(`/jugendliche/${candidateId}`);
  await settled(page);
  await expect(page.getByRole("tab", { name: "Verlauf" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "candidate-detail-de");
  await page.getByRole("tab", { name: "Beratungen" }).click();
  await expect(page.getByText(`Verweisberatung · ${german(berlinDay(0))}`)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "candidate-consultations-de");
  await page.goto("/beratungen?tab=referrals&due=all");
  await settled(page);
  await expectNoHorizontalScroll(page);
  await shot(page, "referrals-de");
});

test("the residence section: counsellors see it, the coordination does not", async ({ page, browser }) => {
  await signIn(page, halle);
  const lastName = uniqueName();
  const res = await page.request.post("/api/v1/candidates", {
    data: {
      firstName: "Yusuf",
      lastName,
      birthDate: "2006-05-01",
      postalCode: "06108",
      residence: { status: "duldung", workPermission: "needs_approval", validUntil: berlinDay(90), immigrationOffice: "ABH Halle" },
    },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = ((await res.json()) as { id: string }).id;

  await page.goto(`/jugendliche/${id}?tab=residence`);
  const section = page.getByRole("region", { name: "Aufenthaltsstatus" });
  await expect(section.getByText("Duldung", { exact: true })).toBeVisible();
  await expect(section.getByText("nur mit Genehmigung der ABH")).toBeVisible();
  await expect(section.getByText("ABH Halle")).toBeVisible();
  await expect(section.getByText(german(berlinDay(90)))).toBeVisible();
  await settled(page);
  await axe(page, "candidate-residence");

  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const coordination = await other.newPage();
  await signIn(coordination, coordinator);
  await coordination.goto(`/jugendliche/${id}?tab=residence`);
  await expect(coordination.getByRole("heading", { name: `Yusuf ${lastName}`, level: 1 })).toBeVisible();
  await expect(coordination.getByRole("tab", { name: "Überblick" })).toHaveAttribute("aria-selected", "true");
  await expect(coordination.getByRole("tab", { name: "Aufenthaltsstatus" })).toHaveCount(0);
  await expect(coordination.getByText("Duldung")).toHaveCount(0);
  await settled(coordination);
  await axe(coordination, "candidate-detail (coordination)");
  // No export with residence for the coordination either.
  await coordination.goto("/jugendliche");
  await settled(coordination);
  await expect(coordination.getByRole("link", { name: "Export XLSX" })).toBeVisible();
  await expect(coordination.getByRole("checkbox", { name: "mit Aufenthaltsstatus" })).toHaveCount(0);
  await other.close();
});

test("an administrator sees the retention preview, exports a person's data and erases it after typing the name", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, "admin@demo.example");
  const lastName = uniqueName();
  const name = `Lina ${lastName}`;
  const res = await page.request.post("/api/v1/candidates", {
    data: { firstName: "Lina", lastName, birthDate: "2005-09-30", postalCode: "06108" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = ((await res.json()) as { id: string }).id;

  await page.goto("/jugendliche");
  const retention = page.getByRole("region", { name: "Aufbewahrung" });
  await expect(retention.getByText(/^Aufbewahrung: [\d.]+ Personen? würden? beim nächsten Lauf anonymisiert\.$/)).toBeVisible();
  await settled(page);
  await axe(page, "candidates (admin)");

  await page.goto(`/jugendliche/${id}?tab=privacy`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const json = page.getByRole("link", { name: "Auskunft (JSON)" });
  await expect(json).toHaveAttribute("href", `/api/v1/candidates/${id}/data-export?format=json`);
  await expect(page.getByRole("link", { name: "Auskunft (PDF)" })).toHaveAttribute(
    "href",
    `/api/v1/candidates/${id}/data-export?format=pdf`,
  );
  const exported = await page.request.get(`/api/v1/candidates/${id}/data-export?format=json`);
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toContain(lastName);
  await settled(page);
  await axe(page, "candidate-privacy");

  await page.getByRole("button", { name: "Endgültig löschen …" }).click();
  const erase = await dialog(page, "Personenbezogene Daten löschen");
  await axe(page, "erase-dialog");
  await erase.getByLabel("Vollständiger Name").fill("Lina");
  await erase.getByRole("button", { name: "Endgültig löschen" }).click();
  await expect(erase.getByText("Der Name stimmt nicht überein.")).toBeVisible();
  await erase.getByLabel("Vollständiger Name").fill(name);
  await erase.getByRole("button", { name: "Endgültig löschen" }).click();
  await expect(page).toHaveURL(/\/jugendliche$/);
  await expect(page.getByText(/^Gelöscht: 0 Beratungen/)).toBeVisible();
  expect((await page.request.get(`/api/v1/candidates/${id}`)).status()).toBe(404);
});
