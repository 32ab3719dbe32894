import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { chooseLanguage, expectNoHorizontalScroll, expectNoSeriousA11yViolations, type Lang, shot, signIn } from "./support";

const halle = "beratung.halle@demo.example";
const wittenberg = "beratung.wittenberg@demo.example";

/** A name no demo company resembles, so no duplicate check interferes; unique per run. */
const uniqueName = (what: string) => `Zebrafink ${what} ${Date.now().toString(36)}`;

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

/** A company created through the API as the signed-in person (the app's own origin, as the browser sends it). */
async function createCompany(page: Page, name: string, postalCode = "06108"): Promise<string> {
  const res = await page.request.post("/api/v1/companies", {
    data: { name, postalCode, confirmNotDuplicate: true },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The live region in which dnd-kit announces what the keyboard does with a card. */
const announcer = (page: Page) => page.locator('[id^="DndLiveRegion-"]');
const column = (page: Page, stage: string) => page.locator(`section[data-stage="${stage}"]`);

test("a counsellor wins a company: creates it, moves it on the board, logs a visit, adds a place, finds it on the map and exports it", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, halle);
  // Counsellors start their day on "Heute".
  await expect(page.getByRole("heading", { name: "Heute", level: 1 })).toBeVisible();

  // Create: the postcode shows place and district before saving.
  const name = uniqueName("Backstube");
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Betriebe" }).click();
  await page.getByRole("link", { name: "Neuer Betrieb" }).first().click();
  await expect(page.getByRole("heading", { name: "Neuer Betrieb", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Anlegen" }).click();
  // Nothing typed yet: the app's own messages at the fields, no browser bubble.
  await expect(page.getByText("Bitte ausfüllen.").first()).toBeVisible();
  await page.getByLabel("Name des Betriebs").fill(name);
  await page.getByLabel("Postleitzahl").fill("06108");
  await expect(page.getByText("06108 Halle · Kreis Halle (Saale)")).toBeVisible();
  await shot(page, "flow-company-new-filled-de");
  await page.getByRole("button", { name: "Anlegen" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const companyId = new URL(page.url()).pathname.split("/").pop() as string;
  await expect(page.getByText("Kontaktiert").first()).toBeVisible();

  // The same name again: the similar company shows up before saving, and can be opened.
  await page.goto("/betriebe/neu");
  await page.getByLabel("Name des Betriebs").fill(name);
  await page.getByLabel("Postleitzahl").fill("06108");
  const candidates = page.getByRole("status").filter({ hasText: "Ähnliche Betriebe mit dieser Postleitzahl" });
  await expect(candidates.getByRole("link", { name })).toBeVisible();
  await shot(page, "flow-company-new-duplicate-de");
  await page.getByRole("button", { name: "Abbrechen" }).click();
  await expect(page).toHaveURL(/\/betriebe$/);

  // Board by keyboard: the card's handle, Space, arrow right, Space.
  await page.goto(`/betriebe/board?q=${encodeURIComponent(name)}`);
  await expect(column(page, "contacted").getByRole("link", { name })).toBeVisible();
  const handle = page.getByRole("button", { name: `${name} verschieben` });
  await handle.focus();
  await page.keyboard.press("Space");
  // Picked up, the card is over its own column first.
  await expect(announcer(page)).toHaveText(`„${name}“ über der Spalte „Kontaktiert“.`);
  await page.keyboard.press("ArrowRight");
  await expect(announcer(page)).toHaveText(`„${name}“ über der Spalte „Informiert“.`);
  await shot(page, "flow-board-keyboard-drag-de");
  await page.keyboard.press("Space");
  await expect(announcer(page)).toHaveText(`„${name}“ in der Spalte „Informiert“ abgelegt.`);
  await expect(page.getByText(`„${name}“ ist jetzt in „Informiert“.`)).toBeVisible();
  await expect(column(page, "informed").getByRole("link", { name })).toBeVisible();
  await page.reload();
  await expect(column(page, "informed").getByRole("link", { name })).toBeVisible();

  // Board by the card's menu.
  await page.getByRole("button", { name: `Verschieben nach … (${name})` }).click();
  await page.getByRole("menuitem", { name: "Interessiert" }).click();
  await expect(column(page, "interested").getByRole("link", { name })).toBeVisible();
  await expect(page.getByText(`„${name}“ ist jetzt in „Interessiert“.`)).toBeVisible();
  // "Abgesagt" asks for the reason first; without one nothing moves.
  await page.getByRole("button", { name: `Verschieben nach … (${name})` }).click();
  await page.getByRole("menuitem", { name: "Abgesagt" }).click();
  const decline = page.getByRole("dialog", { name: "Absage: Grund angeben" });
  await decline.getByRole("button", { name: "Nach „Abgesagt“ verschieben" }).click();
  await expect(decline.getByText("Bitte einen Grund wählen.")).toBeVisible();
  await shot(page, "flow-board-decline-de");
  await decline.getByRole("button", { name: "Abbrechen" }).click();
  await expect(decline).toBeHidden();
  await expect(column(page, "interested").getByRole("link", { name })).toBeVisible();

  // A visit with a next step due tomorrow.
  await column(page, "interested").getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Kontakt eintragen" }).click();
  const log = page.getByRole("dialog", { name: "Kontakt eintragen" });
  await log.getByRole("combobox", { name: "Art" }).click();
  await page.getByRole("option", { name: "Besuch" }).click();
  await log.getByLabel("Was war?").fill("Betrieb besucht, Ausbildung besprochen");
  await log.getByLabel("Nächster Schritt").fill("Anforderungsprofil abstimmen");
  await log.getByRole("button", { name: "Eintragen" }).click();
  // A next step without a date is refused at the field.
  await expect(log.getByText("Bitte angeben, bis wann der nächste Schritt fällig ist.")).toBeVisible();
  const tomorrow = berlinDay(1);
  await log.getByLabel("Fällig am").fill(german(tomorrow));
  await log.getByRole("button", { name: "Eintragen" }).click();
  await expect(log).toBeHidden();
  const timeline = page.getByRole("region", { name: "Kontaktverlauf" });
  await expect(timeline.getByText(`Besuch · ${german(berlinDay(0))}`)).toBeVisible();
  await expect(timeline.getByText(`Nächster Schritt: Anforderungsprofil abstimmen · fällig am ${german(tomorrow)}`)).toBeVisible();

  // A training place: an EQ of three months is refused by the server at the field, six are fine.
  await page.getByRole("button", { name: "Platz anlegen" }).click();
  const offer = page.getByRole("dialog", { name: "Neuer Platz" });
  await offer.getByRole("combobox", { name: "Art" }).click();
  await page.getByRole("option", { name: "EQ" }).click();
  await offer.getByRole("combobox", { name: "Beruf" }).fill("Mechatron");
  await page.getByRole("option", { name: "Mechatroniker/-in", exact: true }).click();
  await offer.getByLabel("Beginn").fill("01.08.2027");
  await offer.getByLabel("Dauer der EQ in Monaten").fill("3");
  await offer.getByRole("button", { name: "Anlegen" }).click();
  await expect(offer.getByText("Eine EQ mit Beginn an diesem Tag dauert 4 bis 12 Monate")).toBeVisible();
  await shot(page, "flow-offer-eq-error-de");
  await offer.getByLabel("Dauer der EQ in Monaten").fill("6");
  await offer.getByRole("button", { name: "Anlegen" }).click();
  await expect(offer).toBeHidden();
  const places = page.getByRole("region", { name: "Plätze" });
  await expect(places.getByText("Mechatroniker/-in")).toBeVisible();
  await expect(places.getByText("EQ · 1 Platz · Beginn 01.08.2027 · 6 Monate")).toBeVisible();

  // "Heute" shows the follow-up, linked to the company.
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Start" }).click();
  const followUps = page.getByRole("region", { name: "Wiedervorlagen" });
  const item = followUps.getByRole("listitem").filter({ hasText: name });
  await expect(item).toContainText("Anforderungsprofil abstimmen");
  await expect(item).toContainText(german(tomorrow));
  await expect(page.getByRole("region", { name: "Neueste Betriebe" }).getByRole("link", { name })).toBeVisible();
  await item.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  // The place in the list across companies.
  await page.goto(`/ausbildungsplaetze?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Mechatroniker/-in");

  // The map: the district counts it, the marker (with its place at the same spot) names it.
  await page.goto(`/karte?q=${encodeURIComponent(name)}`);
  const district = page.getByRole("button", { name: "Halle (Saale): 1 Betrieb, 1 offener Platz" });
  await district.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("region", { name: "Halle (Saale)" });
  await expect(panel.getByText("1 Betrieb", { exact: true })).toBeVisible();
  await shot(page, "flow-map-district-de");
  await page.locator(`.marker[data-ids~="${companyId}"]`).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "2 Einträge an dieser Stelle" }).getByRole("link", { name }).first()).toBeVisible();
  await shot(page, "flow-map-marker-de");
  await expect(page.getByText("Kreisgrenzen © GeoBasis-DE / BKG 2016 (dl-de/by-2-0)")).toBeVisible();
  await district.focus();
  await page.keyboard.press("Enter");
  await panel.getByRole("link", { name: "Betriebe in Halle (Saale) anzeigen" }).click();
  await expect(page).toHaveURL(/\/betriebe\?.*district=15002/);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Interessiert");

  // Export exactly what is filtered, as XLSX with German headers.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export XLSX" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^betriebe-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const sheet = workbook.worksheets[0];
  const rows = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
  const header = (rows[0] ?? []).filter((v) => v !== undefined);
  expect(header).toEqual(expect.arrayContaining(["Name", "PLZ", "Ort", "Kreis", "Stufe", "Nächste Wiedervorlage"]));
  expect(rows).toHaveLength(2);
  const row = rows[1] ?? [];
  expect(row).toEqual(expect.arrayContaining([name, "06108", "Halle (Saale)", "Interessiert", german(tomorrow)]));
});

test("a Wittenberg counsellor does not see a company in Halle", async ({ page, browser }) => {
  await signIn(page, halle);
  const name = uniqueName("Hallenser Werkstatt");
  const id = await createCompany(page, name);

  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const wittenbergPage = await other.newPage();
  await signIn(wittenbergPage, wittenberg);
  await wittenbergPage.goto(`/betriebe?q=${encodeURIComponent(name)}`);
  await settled(wittenbergPage);
  await expect(wittenbergPage.getByRole("link", { name, exact: true })).toHaveCount(0);
  await wittenbergPage.goto(`/betriebe/${id}`);
  await expect(wittenbergPage.getByRole("alert", { name: "Nicht gefunden" })).toContainText(
    "existiert nicht oder ist für Sie nicht sichtbar",
  );
  await other.close();

  // The Halle counsellor does see it.
  await page.goto(`/betriebe?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name })).toBeVisible();
});

test("contact persons are kept, a duplicate is merged into the company, and a company is deleted after a confirm", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, halle);
  const name = uniqueName("Schlosserei");
  const keep = await createCompany(page, name);
  const duplicate = await createCompany(page, `${name} GmbH`);
  const origin = new URL(page.url()).origin;
  const contact = await page.request.post(`/api/v1/companies/${duplicate}/contacts`, {
    data: { name: "Herr Doppelt" },
    headers: { origin },
  });
  expect(contact.status()).toBe(201);

  await page.goto(`/betriebe/${keep}`);
  const contacts = page.getByRole("region", { name: "Ansprechpersonen" });
  await contacts.getByRole("button", { name: "Ansprechperson hinzufügen" }).click();
  const form = page.getByRole("dialog", { name: `Ansprechperson für ${name}` });
  await form.getByLabel("Name").fill("Frau Erste");
  await form.getByLabel("Telefon").fill("abc");
  await form.getByRole("button", { name: "Speichern" }).click();
  await expect(form.getByText("Nur Ziffern, Leerzeichen und + / ( ) -")).toBeVisible();
  await form.getByLabel("Telefon").fill("+49 345 1234");
  await form.getByRole("button", { name: "Speichern" }).click();
  await expect(contacts.getByText("Frau Erste")).toBeVisible();

  await page.getByRole("button", { name: "Dublette zusammenführen" }).click();
  const merge = page.getByRole("dialog", { name: "Dublette zusammenführen" });
  await merge.getByRole("combobox", { name: "Doppelten Eintrag suchen" }).fill(`${name} GmbH`);
  await page.getByRole("option", { name: new RegExp(`^${name} GmbH`) }).click();
  await merge.getByRole("button", { name: "Weiter" }).click();
  await expect(merge.getByRole("alert")).toContainText("wird in");
  await merge.getByRole("button", { name: "Zusammenführen" }).click();
  await expect(merge).toBeHidden();
  await expect(contacts.getByText("Herr Doppelt")).toBeVisible();
  await page.goto(`/betriebe/${duplicate}`);
  await expect(page.getByRole("alert", { name: "Nicht gefunden" })).toBeVisible();

  await page.goto(`/betriebe/${keep}`);
  await page.getByRole("button", { name: "Löschen", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Betrieb löschen" });
  await confirm.getByRole("button", { name: "Löschen" }).click();
  await expect(page).toHaveURL(/\/betriebe$/);
  await expect(page.getByText(`Betrieb „${name}“ gelöscht.`)).toBeVisible();
  // The search forgives typos, so similar names may be found: this one is not.
  await page.goto(`/betriebe?q=${encodeURIComponent(name)}`);
  await settled(page);
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
});

test("a partner sees neither companies nor places", async ({ page }) => {
  await signIn(page, "partner@demo.example");
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav.getByRole("link", { name: "Betriebe" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Karte" })).toHaveCount(0);
  await page.goto("/betriebe");
  await expect(page.getByRole("heading", { name: "Diese Seite gibt es nicht." })).toBeVisible();
});

type Stop = { name: string; open: (page: Page) => Promise<void> };

/** Every new page, with content: a company with a contact, a logged visit and a place. */
function stops(companyId: string, lang: Lang): Stop[] {
  const w = {
    de: { logContact: "Kontakt eintragen", addPlace: "Platz anlegen", newPlace: "Neuer Platz", merge: "Dublette zusammenführen" },
    en: { logContact: "Log a contact", addPlace: "Add a place", newPlace: "New place", merge: "Merge a duplicate" },
  }[lang];
  const go = (path: string) => async (p: Page) => {
    await p.goto(path);
    await settled(p);
  };
  const dialog = (button: string, title: string) => async (p: Page) => {
    await p.goto(`/betriebe/${companyId}`);
    await settled(p);
    await p.getByRole("button", { name: button, exact: true }).click();
    const d = p.getByRole("dialog", { name: title });
    await expect(d).toHaveCSS("opacity", "1");
  };
  return [
    { name: "today", open: go("/") },
    {
      name: "companies",
      open: async (p) => {
        await p.goto("/betriebe");
        await expect(p.getByRole("link", { name: "Export XLSX" })).toBeVisible();
        await settled(p);
      },
    },
    { name: "companies-board", open: go("/betriebe/board") },
    { name: "company-new", open: go("/betriebe/neu") },
    { name: "company-detail", open: go(`/betriebe/${companyId}`) },
    { name: "company-log-dialog", open: dialog(w.logContact, w.logContact) },
    { name: "company-offer-dialog", open: dialog(w.addPlace, w.newPlace) },
    { name: "company-merge-dialog", open: dialog(w.merge, w.merge) },
    { name: "offers", open: go("/ausbildungsplaetze") },
    {
      name: "map",
      open: async (p) => {
        await p.goto("/karte");
        await expect(p.locator(".lotse-map svg path.district")).toHaveCount(7);
        await settled(p);
      },
    },
  ];
}

async function companyWithContent(page: Page): Promise<string> {
  const origin = new URL(page.url()).origin;
  const id = await createCompany(page, uniqueName("Tischlerei"));
  const post = (path: string, data: unknown) => page.request.post(path, { data, headers: { origin } });
  expect(
    (await post(`/api/v1/companies/${id}/contacts`, { name: "Frau Meister", function: "Inhaberin", phone: "0345 123456" })).status(),
  ).toBe(201);
  const activity = {
    kind: "call",
    occurredOn: berlinDay(0),
    summary: "Erstes Gespräch",
    nextStep: "Besuch vereinbaren",
    nextStepDue: berlinDay(-2),
  };
  expect((await post(`/api/v1/companies/${id}/activities`, activity)).status()).toBe(201);
  const place = { companyId: id, kind: "training", occupationId: "mechatroniker", places: 2, startDate: "2027-08-01" };
  expect((await post("/api/v1/offers", place)).status()).toBe(201);
  return id;
}

for (const lang of ["de", "en"] as Lang[]) {
  test(`the new pages have no serious accessibility violation at 1366 px and do not scroll sideways at 390 px (${lang})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, halle);
    await chooseLanguage(page, lang);
    const companyId = await companyWithContent(page);
    for (const stop of stops(companyId, lang)) {
      await stop.open(page);
      await expectNoSeriousA11yViolations(page, `${stop.name} (${lang})`);
      await shot(page, `${stop.name}-${lang}`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    for (const stop of stops(companyId, lang)) {
      await stop.open(page);
      await expectNoHorizontalScroll(page);
      await shot(page, `${stop.name}-${lang}`);
    }
  });
}
