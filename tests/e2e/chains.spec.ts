import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { chooseLanguage, expectNoHorizontalScroll, expectNoSeriousA11yViolations, shot, signIn } from "./support";

const wittenberg = "beratung.wittenberg@demo.example";
const halleChain = "Prozesskette Halle (Saale) und Saalekreis";
/** Unique per run, so lists and the Start page find exactly these records. */
const unique = (what: string) => `${what}${Date.now().toString(36)}`;
const uuid = "[0-9a-f-]{36}";

/** The page has its h1 and nothing is loading any more. */
async function settled(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".mantine-Loader-root")).toHaveCount(0);
}

/** A dialog (or the drawer) once its entrance transition is over (axe measures half-faded colours otherwise). */
async function dialog(page: Page, name: string | RegExp) {
  const d = page.getByRole("dialog", { name });
  await expect(d).toHaveCSS("opacity", "1");
  return d;
}

/** axe on what a person sees at rest: the pointer off every control first, no status message fading in or out. */
async function axe(page: Page, where: string) {
  await page.mouse.move(0, (page.viewportSize()?.height ?? 800) - 1);
  await expect(page.locator(".mantine-Notification-root")).toHaveCount(0, { timeout: 10_000 });
  await expectNoSeriousA11yViolations(page, where);
}

async function created<T>(res: APIResponse, status = 201): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

/**
 * Through the API, as the counsellor of Wittenberg would have recorded it: a joinery in Lutherstadt
 * Wittenberg with a training place from 1 August 2027, a young person with a Gestattung (work only with the
 * ABH's permission) who consented to matching, and their match moved on to "Vertrag".
 */
async function setUp(page: Page) {
  const origin = new URL(page.url()).origin;
  const post = (path: string, data: unknown) => page.request.post(path, { data, headers: { origin } });
  const companyName = unique("Tischlerei Elbaue ");
  const company = await created<{ id: string }>(
    await post("/api/v1/companies", { name: companyName, postalCode: "06886", confirmNotDuplicate: true }),
  );
  const offer = await created<{ id: string }>(
    await post("/api/v1/offers", { companyId: company.id, kind: "training", occupationId: "tischler", places: 1, startDate: "2027-08-01" }),
  );
  const lastName = unique("Haddad");
  const person = await created<{ id: string }>(
    await post("/api/v1/candidates", {
      firstName: "Amina",
      lastName,
      birthDate: "2008-04-12",
      postalCode: "06886",
      germanLevel: "B1",
      schoolCertificate: "lower_secondary",
      hasCar: false,
      hasDrivingLicence: false,
      maxCommuteKm: 30,
      availableFrom: "2027-01-01",
      openToRelatedFields: false,
      desiredOccupationIds: ["tischler"],
      residence: { status: "gestattung", workPermission: "needs_approval" },
    }),
  );
  await created(await post(`/api/v1/candidates/${person.id}/consents`, { purposes: ["counselling", "matching"], recipients: [] }));
  const match = await created<{ id: string }>(await post("/api/v1/matches", { candidateId: person.id, offerId: offer.id }));
  const moved = await page.request.patch(`/api/v1/matches/${match.id}`, { data: { stage: "contract" }, headers: { origin } });
  expect(moved.status(), await moved.text()).toBe(200);
  return { companyName, personName: `Amina ${lastName}`, matchId: match.id };
}

test("the Halle chain is copied to Wittenberg, checked and published, a run starts for a match, a step is ticked and the next one is due on Heute", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, wittenberg);
  const { companyName, personName, matchId } = await setUp(page);
  const draftName = unique("Prozesskette Wittenberg ");

  // Wittenberg has only a draft so far: starting the match's chain says why not and what to do.
  await page.goto(`/matching/board?match=${matchId}`);
  const early = await dialog(page, `Match: ${personName} – ${companyName}`);
  await early.getByRole("button", { name: "Prozesskette starten" }).click();
  await expect(early.getByRole("alert")).toContainText("Für Wittenberg gibt es keine veröffentlichte Prozesskette");
  await early.getByRole("button", { name: "Schließen" }).click();
  await expect(early).toBeHidden();

  // The templates: Halle's published chain, the district drafts, the section's figures.
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await nav.getByRole("link", { name: "Prozessketten", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Prozessketten", level: 1 })).toBeVisible();
  await settled(page);
  const templates = page.getByRole("region", { name: "Tabelle: Prozessketten" });
  const halleRow = templates.getByRole("row").filter({ has: page.getByRole("link", { name: halleChain, exact: true }) });
  await expect(halleRow).toContainText("Veröffentlicht");
  await expect(page.getByRole("heading", { name: "Kennzahlen" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tage je Schritt (Median)" })).toBeVisible();
  await page.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Entwurf" }).click();
  await expect(page).toHaveURL(/status=draft/);
  await expect(halleRow).toHaveCount(0);
  await axe(page, "chain-templates");
  await shot(page, "chain-templates-de");
  await page.getByRole("button", { name: "Filter zurücksetzen" }).click();

  // Halle's chain as a numbered path: lead, organisation, deadlines in words, conditions.
  await halleRow.getByRole("link", { name: halleChain, exact: true }).click();
  await expect(page.getByRole("heading", { name: halleChain, level: 1 })).toBeVisible();
  await settled(page);
  const steps = page.getByRole("list", { name: `Schritte von „${halleChain}“` });
  await expect(steps.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Ausbildungsduldung/ }) })).toContainText(
    "Antrag frühestens: frühestens 7 Kalendermonate vor Ausbildungsbeginn",
  );
  await expect(steps.getByRole("listitem").first()).toContainText("Federführend: Beratung (KAUSA)");
  await expect(page.getByText("Nur bei: Duldung", { exact: true })).toBeVisible();
  const handout = await page.request.get(await page.getByRole("link", { name: "Merkblatt (PDF)" }).getAttribute("href").then(String));
  expect(handout.status()).toBe(200);
  expect(handout.headers()["content-type"]).toContain("application/pdf");
  await axe(page, "chain-template");
  await shot(page, "chain-template-de");

  // "In Kreis übertragen": the target district is required; the new draft opens on its comparison.
  await page.getByRole("button", { name: "In Kreis übertragen" }).click();
  const transfer = await dialog(page, "In Kreis übertragen");
  await transfer.getByRole("button", { name: "Übertragen" }).click();
  await expect(transfer.getByText("Bitte den Zielkreis wählen.")).toBeVisible();
  await axe(page, "chain-transfer");
  await transfer.getByRole("combobox", { name: "Zielkreis" }).click();
  await page.getByRole("option", { name: "Wittenberg" }).click();
  await transfer.getByLabel("Name (optional)").fill(draftName);
  await transfer.getByRole("button", { name: "Übertragen" }).click();
  await expect(page).toHaveURL(new RegExp(`/prozessketten/${uuid}$`));
  await expect(page.getByRole("heading", { name: draftName, level: 1 })).toBeVisible();
  await expect(page.getByText(/^Entwurf: Änderungen gelten erst nach dem Veröffentlichen/)).toBeVisible();
  await expect(page.getByRole("tab", { name: /Vergleich mit der Quelle/ })).toHaveAttribute("aria-selected", "true");
  const compared = page.getByRole("list", { name: "Schritte im Vergleich" });
  const permit = compared.getByRole("listitem").filter({ hasText: "8. Erlaubnis der Ausländerbehörde für die Ausbildung" });
  // Source on the left, the draft on the right with the district's immigration office filled in and marked.
  await expect(permit).toContainText("Ausländerbehörde der Stadt Halle (Saale)");
  await expect(permit).toContainText("Ausländerbehörde des Landkreises Wittenberg");
  await expect(permit.getByText("zu prüfen", { exact: true })).toHaveCount(2);
  const counts = page.getByRole("status").filter({ hasText: /Angaben noch zu prüfen/ });
  const open = Number(/(\d+) Angaben noch zu prüfen/.exec((await counts.textContent()) ?? "")?.[1]);
  expect(open).toBeGreaterThan(4);
  await settled(page);
  await axe(page, "chain-draft-diff");
  await shot(page, "chain-draft-diff-de");

  // Fix the marks: the immigration office's contact entered and its name ticked as right for Wittenberg…
  await permit.getByRole("button", { name: "Bearbeiten: Erlaubnis der Ausländerbehörde für die Ausbildung" }).click();
  const stepForm = await dialog(page, "Schritt bearbeiten: Erlaubnis der Ausländerbehörde für die Ausbildung");
  await expect(stepForm.getByText("Nach der Übertragung zu prüfen")).toBeVisible();
  await stepForm.getByRole("textbox", { name: "Titel" }).fill("");
  await stepForm.getByRole("button", { name: "Speichern" }).click();
  await expect(stepForm.getByText("Bitte einen Titel angeben.")).toBeVisible();
  await axe(page, "chain-step-form");
  await shot(page, "chain-step-form-de");
  await stepForm.getByRole("textbox", { name: "Titel" }).fill("Erlaubnis der Ausländerbehörde für die Ausbildung");
  await stepForm.getByRole("checkbox", { name: "Die Stelle stimmt für diesen Kreis" }).check();
  await stepForm
    .getByRole("textbox", { name: "Kontakt", exact: true })
    .fill("Landkreis Wittenberg, Ausländerbehörde, Breitscheidstraße 3, 06886 Lutherstadt Wittenberg");
  await stepForm.getByRole("button", { name: "Speichern" }).click();
  await expect(stepForm).toBeHidden();
  await expect(page.getByText("Schritt „Erlaubnis der Ausländerbehörde für die Ausbildung“ gespeichert.")).toBeVisible();
  await expect(permit.getByText("zu prüfen", { exact: true })).toHaveCount(0);
  await expect(permit).toContainText("Breitscheidstraße 3");
  await expect(counts).toContainText(`${open - 2} Angaben noch zu prüfen`);
  // …and one mark confirmed as it stands, right in the comparison.
  await page.getByRole("button", { name: "Bestätigen, dass „Stelle“ bei „Prüfungsvorbereitung“ stimmt" }).click();
  await expect(page.getByText("Bestätigt: Stelle bei „Prüfungsvorbereitung“.")).toBeVisible();
  await expect(counts).toContainText(`${open - 3} Angaben noch zu prüfen`);

  // Publishing is refused while marks are left: the server names them, each is confirmed one by one.
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  const publish = await dialog(page, "Veröffentlichen");
  await publish.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(publish.getByRole("alert")).toContainText(`Noch nicht geprüft (${open - 3})`);
  const confirmations = publish.getByRole("group", { name: /Bestätigen Sie jede Angabe einzeln/ }).getByRole("checkbox");
  await expect(confirmations).toHaveCount(open - 3);
  await publish.getByRole("button", { name: "Mit Bestätigungen veröffentlichen" }).click();
  await expect(publish.getByText("Bitte jede Angabe einzeln bestätigen oder zuerst im Schritt ändern.")).toBeVisible();
  await axe(page, "chain-publish-refused");
  await shot(page, "chain-publish-refused-de");
  for (const box of await confirmations.all()) await box.check();
  await publish.getByRole("button", { name: "Mit Bestätigungen veröffentlichen" }).click();
  await expect(publish).toBeHidden();
  await expect(page.getByText(`„${draftName}“ ist veröffentlicht.`)).toBeVisible();
  await expect(page.getByText("Veröffentlicht", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Neue Fassung anlegen" })).toBeVisible();
  const templateUrl = page.url();

  // The match (at "Vertrag") starts its process chain from the match drawer.
  await page.goto(`/matching/board?match=${matchId}`);
  const drawer = await dialog(page, `Match: ${personName} – ${companyName}`);
  await drawer.getByRole("button", { name: "Prozesskette starten" }).click();
  await expect(page.getByText(/^Prozesskette gestartet: \d+ Schritte\.$/)).toBeVisible();
  await axe(page, "match-drawer-chain");
  await shot(page, "match-drawer-chain-de");
  await drawer.getByRole("link", { name: "Prozesskette ansehen" }).click();
  await expect(page).toHaveURL(new RegExp(`/prozessketten/laeufe/${uuid}`));
  const runUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: `Prozesskette: ${personName} – ${companyName}`, level: 1 })).toBeVisible();
  await settled(page);
  await expect(page.getByRole("link", { name: new RegExp(`^${draftName} \\(Fassung \\d+\\)$`) })).toBeVisible();
  const runSteps = page.getByRole("list", { name: "Schritte dieser Prozesskette" });
  const residence = runSteps.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Aufenthaltsstatus prüfen" }) });
  const contract = runSteps
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Ausbildungsvertrag schließen und bei der Kammer eintragen lassen" }) });
  await expect(residence.getByText(/^Fällig bis \d{2}\.\d{2}\.\d{4}$/)).toBeVisible();
  await expect(contract.getByText(/^Fällig bis \d{2}\.\d{2}\.\d{4}$/)).toBeVisible();
  // A Gestattung: the immigration office's permission for the training is a step, with the contact entered above.
  await expect(runSteps.getByRole("listitem").filter({ hasText: "Breitscheidstraße 3" })).toHaveCount(1);
  await axe(page, "chain-run");
  await shot(page, "chain-run-de");

  // Tick the first due step; the next deadline moves on.
  await residence.getByRole("button", { name: "Als erledigt abhaken: Aufenthaltsstatus prüfen" }).click();
  await expect(page.getByText("„Aufenthaltsstatus prüfen“ abgehakt.")).toBeVisible();
  await expect(residence.getByText("Erledigt", { exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Nächste Frist:" })).toContainText(
    "Nächste Frist: Ausbildungsvertrag schließen und bei der Kammer eintragen lassen",
  );
  // The match itself opens beside the run, with the way back to it.
  await page.getByRole("button", { name: "Match ansehen" }).click();
  const beside = await dialog(page, `Match: ${personName} – ${companyName}`);
  await expect(beside.getByRole("link", { name: "Prozesskette ansehen" })).toBeVisible();
  await expect(beside.getByText(/^1 von \d+ erledigt/)).toBeVisible();
  await beside.getByRole("button", { name: "Schließen" }).click();
  await expect(beside).toBeHidden();
  // "Nicht nötig" needs a reason.
  const internship = runSteps.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Orientierungspraktikum" }) });
  await internship.getByRole("button", { name: "Status ändern: Orientierungspraktikum" }).click();
  const status = await dialog(page, "Schritt: Orientierungspraktikum");
  await status.getByRole("radio", { name: "Nicht nötig" }).check();
  await status.getByRole("button", { name: "Speichern" }).click();
  await expect(status.getByText("Bitte angeben, warum der Schritt nicht nötig ist.")).toBeVisible();
  await axe(page, "chain-run-step");
  await status.getByRole("textbox", { name: "Warum nicht nötig?" }).fill("Kennt den Betrieb schon aus der Berufsorientierung.");
  await status.getByRole("button", { name: "Speichern" }).click();
  await expect(status).toBeHidden();
  await expect(internship).toContainText("Nicht nötig: Kennt den Betrieb schon aus der Berufsorientierung.");
  // The young person's handout in their language, another one chosen here.
  await page.getByRole("combobox", { name: "Sprache des Merkblatts" }).click();
  await page.getByRole("option", { name: "Arabisch" }).click();
  const handoutLink = page.getByRole("link", { name: "Merkblatt für die Person (PDF)" });
  await expect(handoutLink).toHaveAttribute("href", /\/handout\.pdf\?language=ar$/);
  const candidateHandout = await page.request.get(String(await handoutLink.getAttribute("href")));
  expect(candidateHandout.status()).toBe(200);
  expect(candidateHandout.headers()["content-type"]).toContain("application/pdf");

  // "Heute": the next due step of this run, linking to it; the ticked one is gone.
  await nav.getByRole("link", { name: "Start", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Heute", level: 1 })).toBeVisible();
  await settled(page);
  const followUps = page.getByRole("region", { name: "Wiedervorlagen" });
  const mine = followUps.getByRole("listitem").filter({ hasText: `${personName} · ${companyName}` });
  await expect(mine.filter({ hasText: "Ausbildungsvertrag schließen und bei der Kammer eintragen lassen" })).toBeVisible();
  await expect(mine.filter({ hasText: "Aufenthaltsstatus prüfen" })).toHaveCount(0);
  await axe(page, "today-chain");
  await shot(page, "today-chain-de");
  await mine
    .filter({ hasText: "Ausbildungsvertrag schließen" })
    .getByRole("link", { name: `${personName} · ${companyName}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`${runUrl}$`));

  // The runs of the district, filtered.
  await page.goto("/prozessketten/laeufe?district=15091");
  await expect(page.getByRole("heading", { name: "Laufende Prozessketten", level: 1 })).toBeVisible();
  await settled(page);
  const runs = page.getByRole("region", { name: "Tabelle: Laufende Prozessketten" });
  await expect(runs.getByRole("row").filter({ hasText: personName })).toContainText(/2 von \d+ erledigt/);
  await page.getByRole("combobox", { name: "Fristen" }).click();
  await page.getByRole("option", { name: "Ohne überfällige Schritte" }).click();
  await expect(page).toHaveURL(/overdue=false/);
  await expect(runs.getByRole("row").filter({ hasText: personName })).toBeVisible();
  await axe(page, "chain-runs");
  await shot(page, "chain-runs-de");

  // English: no German word of the interface on the run, the template and the lists.
  await page.goto(runUrl);
  await settled(page);
  await chooseLanguage(page, "en");
  await expect(page.getByRole("heading", { name: `Process chain: ${personName} – ${companyName}`, level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Change status: Orientierungspraktikum" })).toBeVisible();
  await expect(page.getByText(/^Due by \d{1,2} \w{3,4} \d{4}$/).first()).toBeVisible();
  for (const word of ["Fällig bis", "Status ändern", "Nächste Frist", "Merkblatt", "Zurück zu den Läufen", "Erledigt am", "Federführend"]) {
    await expect(page.getByText(word, { exact: false })).toHaveCount(0);
  }
  await settled(page);
  await axe(page, "chain-run (en)");
  await shot(page, "chain-run-en");
  await page.goto(templateUrl);
  await settled(page);
  await expect(page.getByRole("button", { name: "Transfer to district" })).toBeVisible();
  await expect(page.getByText("Published", { exact: true })).toBeVisible();
  for (const word of ["In Kreis übertragen", "Veröffentlicht", "Federführend", "Gilt wann", "Fassung"]) {
    await expect(page.getByText(word, { exact: false })).toHaveCount(0);
  }
  await axe(page, "chain-template (en)");
  await shot(page, "chain-template-en");
  await page.goto("/prozessketten");
  await settled(page);
  await expect(page.getByRole("heading", { name: "Indicators" })).toBeVisible();
  for (const word of ["Kennzahlen", "Vorlagen suchen", "Entwurf", "Veröffentlicht", "Je Kreis"]) {
    await expect(page.getByText(word, { exact: false })).toHaveCount(0);
  }
  await axe(page, "chain-templates (en)");
  await shot(page, "chain-templates-en");

  // At 390 px nothing scrolls sideways, in either language.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, name] of [
    ["/prozessketten", "chain-templates"],
    [new URL(templateUrl).pathname, "chain-template"],
    ["/prozessketten/laeufe", "chain-runs"],
    [runUrl, "chain-run"],
  ] as const) {
    for (const lang of ["en", "de"] as const) {
      await page.goto(path);
      if ((await page.locator("html").getAttribute("lang")) !== lang) await chooseLanguage(page, lang);
      await settled(page);
      await expectNoHorizontalScroll(page);
      await shot(page, `${name}-${lang}`);
    }
  }
});
