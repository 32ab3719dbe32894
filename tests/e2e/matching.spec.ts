import { readFile } from "node:fs/promises";
import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { simpleParser } from "mailparser";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readOutbox } from "../../src/lib/mail";
import { chooseLanguage, expectNoHorizontalScroll, expectNoSeriousA11yViolations, shot, signIn } from "./support";

const halle = "beratung.halle@demo.example";
const outboxDir = () => {
  const dir = process.env.E2E_OUTBOX_DIR;
  if (!dir) throw new Error("E2E_OUTBOX_DIR fehlt: playwright.config.ts setzt es für den Testserver.");
  return dir;
};
/** Unique per run, so the lists, the board and the outbox find exactly these records. */
const unique = (what: string) => `${what}${Date.now().toString(36)}`;

/** The live region in which dnd-kit announces what the keyboard does with a card. */
const announcer = (page: Page) => page.locator('[id^="DndLiveRegion-"]');

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

/** axe on what a person sees at rest: the pointer off every control first. */
async function axe(page: Page, where: string) {
  await page.mouse.move(0, (page.viewportSize()?.height ?? 800) - 1);
  await expectNoSeriousA11yViolations(page, where);
}

async function created<T>(res: APIResponse, status = 201): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

/** The text of every page of a PDF, as pdf.js reads it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    for (const item of (await (await doc.getPage(n)).getTextContent()).items) if ("str" in item) parts.push(item.str);
  }
  await doc.destroy();
  return parts.join(" ").replace(/\s+/g, " ");
}

/**
 * Through the API, as a counsellor would have recorded it: an organ builder in Halle with a contact
 * e-mail and an open place, a second one without the person's consent, and a young person (phone,
 * e-mail, a Gestattung whose work needs the ABH's permission, 17 at the start) whose consent names the first company.
 */
async function setUp(page: Page) {
  const origin = new URL(page.url()).origin;
  const post = (path: string, data: unknown) => page.request.post(path, { data, headers: { origin } });
  const company = async (name: string, email: string) => {
    const { id } = await created<{ id: string }>(await post("/api/v1/companies", { name, postalCode: "06108", confirmNotDuplicate: true }));
    await created(await post(`/api/v1/companies/${id}/contacts`, { name: "Frau Pfeifer", email }));
    const offer = await created<{ id: string }>(
      await post("/api/v1/offers", { companyId: id, kind: "training", occupationId: "orgelbauer", places: 1, startDate: "2027-08-01" }),
    );
    return { id, name, email, offerId: offer.id };
  };
  const named = await company(unique("Orgelbau Saale "), `${unique("ausbildung")}@orgelbau.example`);
  const other = await company(unique("Orgelwerkstatt Nord "), `${unique("info")}@orgelwerkstatt.example`);
  const lastName = unique("Tesfaye");
  const person = {
    firstName: "Dawit",
    lastName,
    name: `Dawit ${lastName}`,
    phone: "0345 1234567",
    email: `${lastName.toLowerCase()}@mail.example`,
  };
  const { id } = await created<{ id: string }>(
    await post("/api/v1/candidates", {
      firstName: person.firstName,
      lastName,
      birthDate: "2010-04-12",
      postalCode: "06108",
      phone: person.phone,
      email: person.email,
      germanLevel: "B1",
      schoolCertificate: "lower_secondary",
      hasCar: false,
      hasDrivingLicence: false,
      maxCommuteKm: 30,
      availableFrom: "2027-01-01",
      openToRelatedFields: false,
      desiredOccupationIds: ["orgelbauer"],
      residence: { status: "gestattung", workPermission: "needs_approval" },
    }),
  );
  await created(
    await post(`/api/v1/candidates/${id}/consents`, {
      purposes: ["counselling", "matching", "share_with_company"],
      recipients: [named.id],
    }),
  );
  return { named, other, person: { ...person, id } };
}

test("a counsellor proposes a young person from the suggestions, the company gets only the consented profile, and the match moves to the interview", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, halle);
  const { named, other, person } = await setUp(page);
  const placeName = `${named.name}, Orgelbauer/-in`;

  // The person's "Matching" tab: the consented company's place ranked, with score bars and legal flags.
  await page.goto(`/jugendliche/${person.id}`);
  await settled(page);
  await page.getByRole("tab", { name: "Matching" }).click();
  const places = page.getByRole("list", { name: "Passende Plätze, beste zuerst" });
  const card = places.getByRole("listitem").filter({ has: page.getByRole("heading", { name: named.name }) });
  await expect(card).toBeVisible();
  await expect(card.getByText(/^Passung \d+(,\d)?\s%$/)).toBeVisible();
  await expect(card.getByRole("progressbar", { name: /^Beruf: 100\s%$/ })).toBeVisible();
  await expect(card.getByText("Wunschberuf (Wunsch Nr. 1).")).toBeVisible();
  // Under 18 at the start: the J1 health check is a flag with a due date, not a refusal.
  await expect(card.getByText("Rechtliche Schritte (Hinweise, keine Entscheidung)")).toBeVisible();
  await expect(card.getByText(/^Zu erledigen bis \d{2}\.\d{2}\.\d{4}$/).first()).toBeVisible();
  // Without a car, public transport counts railway stations only, and the reason says so.
  await expect(card.getByText(/nur Bahnhöfe gezählt, Busse nicht/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Matches" }).getByText("Noch kein Match.", { exact: false })).toBeVisible();
  await settled(page);
  await axe(page, "candidate-matching");
  await shot(page, "candidate-matching-de");

  // "Match anlegen" opens the new match in the drawer.
  await card.getByRole("button", { name: `Match anlegen: ${placeName}` }).click();
  const drawer = await dialog(page, `Match: ${person.name} – ${named.name}`);
  await expect(drawer.getByText("Vorgeschlagen", { exact: true })).toBeVisible();
  await expect(drawer.getByText(`Angelegt: Vorgeschlagen`)).toBeVisible();
  await axe(page, "match-drawer");

  // The proposal says what goes out; sending puts the PDF in the outbox and the match at "Profil gesendet".
  await drawer.getByRole("button", { name: "Profil an Betrieb senden" }).click();
  const proposal = await dialog(page, "Profil an Betrieb senden");
  await expect(proposal.getByRole("list", { name: "Das Profil enthält nur:" })).toContainText("Berufswünsche");
  await expect(proposal.getByText(/Nicht gesendet werden: Telefon, E-Mail/)).toBeVisible();
  await axe(page, "proposal-dialog");
  await proposal.getByLabel("Nachricht an den Betrieb (optional)").fill("Dawit hat ein Praktikum in einer Werkstatt gemacht.");
  await proposal.getByRole("button", { name: "Profil senden" }).click();
  await expect(proposal).toBeHidden();
  await expect(page.getByText(`Profil gesendet an ${named.email}.`)).toBeVisible();
  await expect(drawer.getByText("Profil gesendet", { exact: true }).first()).toBeVisible();
  await expect(drawer.getByText("Vorgeschlagen → Profil gesendet")).toBeVisible();

  const mails = (await readOutbox(outboxDir())).filter((m) => m.to.includes(named.email));
  expect(mails).toHaveLength(1);
  const mail = await simpleParser(await readFile((mails[0] as { file: string }).file));
  expect(mail.text).toContain("Dawit hat ein Praktikum in einer Werkstatt gemacht.");
  const attachment = mail.attachments.find((a) => a.contentType === "application/pdf");
  expect(attachment, "the profile PDF is attached").toBeDefined();
  const text = await pdfText(attachment?.content as Buffer);
  expect(text).toContain(person.name);
  // The wishes, ranked (pdf.js may split "Orgelbauer/-in" where the line breaks).
  expect(text).toMatch(/Berufswünsche 1\. Orgelbauer\/-\s?in/);
  // Only what the consent covers: never phone, e-mail, birth date or residence status.
  for (const secret of [person.phone, person.email, "12.04.2010", "2010", "Gestattung", "Aufenthalt", "Genehmigung"]) {
    expect(text, `the PDF must not contain "${secret}"`).not.toContain(secret);
  }
  await drawer.getByRole("button", { name: "Schließen" }).click();
  await expect(drawer).toBeHidden();

  // A company the consent does not name: the proposal is refused with the server's German reason, nothing is sent.
  const refusedMatch = await created<{ id: string }>(
    await page.request.post("/api/v1/matches", {
      data: { candidateId: person.id, offerId: other.offerId },
      headers: { origin: new URL(page.url()).origin },
    }),
  );
  await page.goto(`/jugendliche/${person.id}?tab=matching&match=${refusedMatch.id}`);
  const otherDrawer = await dialog(page, `Match: ${person.name} – ${other.name}`);
  await otherDrawer.getByRole("button", { name: "Profil an Betrieb senden" }).click();
  const refused = await dialog(page, "Profil an Betrieb senden");
  await refused.getByRole("button", { name: "Profil senden" }).click();
  const alert = refused.getByRole("alert");
  await expect(alert).toContainText("Profil nicht gesendet");
  await expect(alert).toContainText(`nennt „${other.name}“ nicht als Empfänger`);
  await axe(page, "proposal-refused");
  expect((await readOutbox(outboxDir())).filter((m) => m.to.includes(other.email))).toHaveLength(0);
  await refused.getByRole("button", { name: "Abbrechen" }).click();
  await otherDrawer.getByRole("button", { name: "Schließen" }).click();

  // The person's matches list both, with their stages.
  const matches = page.getByRole("region", { name: /^Matches/ });
  await expect(matches.getByRole("listitem").filter({ hasText: named.name })).toContainText("Profil gesendet");
  await expect(matches.getByRole("listitem").filter({ hasText: other.name })).toContainText("Vorgeschlagen");

  // English: the same page without a German word of the interface; reasons come in English from the server.
  await chooseLanguage(page, "en");
  await expect(page.getByRole("tab", { name: "Matching" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { name: "Suitable places" })).toBeVisible();
  const enCard = page
    .getByRole("list", { name: "Suitable places, best first" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: named.name }) });
  await expect(enCard.getByText("Wished occupation (wish no. 1).")).toBeVisible();
  await expect(enCard.getByRole("progressbar", { name: /^Occupation: 100\s?%$/ })).toBeVisible();
  await expect(enCard.getByRole("button", { name: `Open match: ${placeName}` })).toBeVisible();
  await expect(enCard.getByText("Legal steps (information, not a decision)")).toBeVisible();
  for (const word of [
    "Passende Plätze",
    "Match anlegen",
    "Match öffnen",
    "Wunschberuf",
    "Rechtliche Schritte",
    "Zu erledigen bis",
    "Profil gesendet",
  ]) {
    await expect(page.getByText(word, { exact: false })).toHaveCount(0);
  }
  await settled(page);
  await axe(page, "candidate-matching (en)");
  await shot(page, "candidate-matching-en");
  await chooseLanguage(page, "de");

  // The board: the match in "Profil gesendet"; by keyboard (handle: Space, arrow right, Space) to the interview.
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Matching", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Matching-Board", level: 1 })).toBeVisible();
  await settled(page);
  const proposed = page.getByRole("region", { name: /^Profil gesendet/ });
  const boardCard = proposed.getByRole("listitem").filter({ hasText: person.name });
  await expect(boardCard).toContainText(named.name);
  await expect(boardCard).toContainText("Orgelbauer/-in");
  await expect(boardCard).toContainText("Beginn 01.08.2027");
  await axe(page, "matching-board");
  await shot(page, "matching-board-de");
  const matchName = `${person.name} – ${named.name}`;
  await boardCard.getByRole("button", { name: `Verschieben: ${matchName}` }).focus();
  await page.keyboard.press("Space");
  // Picked up, the card is over its own column first.
  await expect(announcer(page)).toHaveText(`${matchName} über „Profil gesendet“.`);
  await page.keyboard.press("ArrowRight");
  await expect(announcer(page)).toHaveText(`${matchName} über „Vorstellungsgespräch“.`);
  await page.keyboard.press("Space");
  await expect(announcer(page)).toHaveText(`${matchName} abgelegt in „Vorstellungsgespräch“.`);
  await expect(page.getByText(`${matchName}: jetzt „Vorstellungsgespräch“.`)).toBeVisible();
  const interview = page.getByRole("region", { name: /^Vorstellungsgespräch/ });
  await expect(interview.getByRole("listitem").filter({ hasText: person.name })).toBeVisible();
  const detail = await page.request.get(`/api/v1/matches?candidateId=${person.id}`);
  const stages = ((await detail.json()) as { items: { companyName: string; stage: string }[] }).items;
  expect(stages.find((m) => m.companyName === named.name)?.stage).toBe("interview");

  // The other match is declined from its card's menu: who and why, from the lists.
  const otherCard = page
    .getByRole("region", { name: /^Vorgeschlagen/ })
    .getByRole("listitem")
    .filter({ hasText: other.name });
  await otherCard.getByRole("button", { name: `Stufe ändern: ${person.name} – ${other.name}` }).click();
  await page.getByRole("menuitem", { name: "Abgelehnt" }).click();
  const decline = await dialog(page, "Match ablehnen");
  await decline.getByRole("button", { name: "Als abgelehnt speichern" }).click();
  await expect(decline.getByText("Bitte angeben, wer abgelehnt hat.")).toBeVisible();
  await axe(page, "decline-dialog");
  await decline.getByRole("combobox", { name: "Abgelehnt von" }).click();
  await page.getByRole("option", { name: "Betrieb", exact: true }).click();
  await decline.getByRole("combobox", { name: "Grund" }).click();
  await page.getByRole("option", { name: "Platz schon besetzt" }).click();
  await decline.getByRole("button", { name: "Als abgelehnt speichern" }).click();
  await expect(decline).toBeHidden();
  await expect(
    page
      .getByRole("region", { name: /^Abgelehnt/ })
      .getByRole("listitem")
      .filter({ hasText: other.name }),
  ).toBeVisible();

  // The match view shows the history with date, user and reason.
  await page
    .getByRole("region", { name: /^Abgelehnt/ })
    .getByRole("button", { name: `Match öffnen: ${person.name} – ${other.name}` })
    .click();
  const declined = await dialog(page, `Match: ${person.name} – ${other.name}`);
  await expect(declined.getByText("Abgelehnt von: Betrieb · Grund: Platz schon besetzt")).toBeVisible();
  await expect(declined.getByText("Vorgeschlagen → Abgelehnt")).toBeVisible();
  await expect(declined.getByText(/Hanna Hallenser/).first()).toBeVisible();
  await declined.getByRole("button", { name: "Schließen" }).click();

  // At 390 px nothing scrolls sideways: suggestions and board.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/jugendliche/${person.id}?tab=matching`);
  await settled(page);
  await expect(page.getByRole("heading", { name: "Passende Plätze" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await shot(page, "candidate-matching-de");
  await page.goto("/matching/board");
  await settled(page);
  await expectNoHorizontalScroll(page);
  await shot(page, "matching-board-de");
});

test("a counsellor starts a matching run for her districts, follows its progress and takes over a proposed pair", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, halle);
  await page.goto("/matching/laeufe");
  await expect(page.getByRole("heading", { name: "Matching-Läufe", level: 1 })).toBeVisible();
  await settled(page);
  await axe(page, "matching-runs");

  await page.getByRole("button", { name: "Neuer Lauf" }).first().click();
  const form = await dialog(page, "Neuer Lauf");
  // A counsellor runs her own districts: Halle (Saale) and Saalekreis.
  await expect(form.getByRole("checkbox", { name: "Halle (Saale)" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "Saalekreis" })).toBeChecked();
  await expect(form.getByText("Ein Lauf liest nur Ihre Kreise.")).toBeVisible();
  await axe(page, "run-form");
  await form.getByRole("radio", { name: "Stabil" }).check();
  await form.getByRole("checkbox", { name: "Saalekreis" }).uncheck();
  await form.getByRole("checkbox", { name: "Halle (Saale)" }).uncheck();
  await form.getByRole("button", { name: "Lauf starten" }).click();
  await expect(form.getByText("Bitte mindestens einen Kreis wählen.")).toBeVisible();
  await form.getByRole("checkbox", { name: "Halle (Saale)" }).check();
  await form.getByRole("button", { name: "Lauf starten" }).click();

  await expect(page).toHaveURL(/\/matching\/laeufe\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: /^Matching-Lauf vom / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ergebnis" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Stabil · Halle (Saale)")).toBeVisible();
  const summary = page.getByRole("group", { name: "Zahlen des Laufs" });
  await expect(summary.getByText("Gesamtwert")).toBeVisible();
  await expect(summary.getByText("Plätze besetzt")).toBeVisible();
  await expect(summary.getByText("Blockierende Paare")).toBeVisible();
  await expect(summary.getByText("stabil: kein Paar würde wechseln")).toBeVisible();
  const pairs = page.getByRole("region", { name: "Tabelle: Vorgeschlagene Paare" });
  await expect(pairs.getByRole("row").nth(1)).toBeVisible();
  // The map shows places only.
  await expect(page.getByRole("group", { name: "Karte der Plätze mit vorgeschlagenen Paaren" })).toBeVisible();
  await settled(page);
  await axe(page, "matching-run");
  await shot(page, "matching-run-de");

  // A pair that is a match already (Dawit's, made by hand in the first test) links to it; the first new one is taken over.
  const take = pairs.getByRole("button", { name: /^Übernehmen: / }).first();
  const person = ((await take.getAttribute("aria-label")) ?? "").replace(/^Übernehmen: /, "").split(" – ")[0] as string;
  const first = pairs.getByRole("row").filter({ hasText: person });
  await take.click();
  await expect(page.getByText("Als Match übernommen.")).toBeVisible();
  await expect(first.getByRole("button", { name: /^Match öffnen: / })).toBeVisible();
  await expect(summary.getByText("Als Match übernommen")).toBeVisible();

  // On a phone: the run's page (opened afresh, as a phone would) and the list.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Ergebnis" })).toBeVisible();
  await settled(page);
  await expectNoHorizontalScroll(page);
  await shot(page, "matching-run-de");
  await page.goto("/matching/laeufe");
  await settled(page);
  await expectNoHorizontalScroll(page);
});
