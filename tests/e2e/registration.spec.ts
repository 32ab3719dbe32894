import { expect, type Page, test } from "@playwright/test";
import { readOutbox } from "../../src/lib/mail";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, shot, signIn } from "./support";

// Words from src/web/features/registration/texts/{ar,uk}.ts, written out: the test reads the page as a person does.
const ar = { title: "التسجيل للاستشارة", firstName: "الاسم الأول", submit: "إرسال التسجيل" };
const uk = {
  title: "Реєстрація на консультацію",
  firstName: "Ім’я",
  lastName: "Прізвище",
  birthDate: "Дата народження",
  email: "Електронна пошта",
  postalCode: "Поштовий індекс",
  counselling: "Консультація",
  submit: "Надіслати реєстрацію",
  checkMail: "Перевірте свою електронну пошту",
  postcodeMessage: "Будь ласка, перевірте поштовий індекс.",
  confirmed: "Дякуємо! Вашу реєстрацію завершено.",
  alreadyConfirmed: "Вашу реєстрацію вже підтверджено.",
};

const halle = "beratung.halle@demo.example";
const outboxDir = () => {
  const dir = process.env.E2E_OUTBOX_DIR;
  if (!dir) throw new Error("E2E_OUTBOX_DIR fehlt: playwright.config.ts setzt es für den Testserver.");
  return dir;
};
/** Unique per run: the candidate search and the outbox find exactly this person. */
const unique = (what: string) => `${what}${Date.now().toString(36)}`;

/** The mails in the test server's outbox to one address. */
async function mailsTo(email: string) {
  return (await readOutbox(outboxDir())).filter((m) => m.to.includes(email));
}

/** Candidates the signed-in person finds by last name (the search tolerates typos: only exact names count). */
async function candidatesNamed(page: Page, lastName: string) {
  const res = await page.request.get(`/api/v1/candidates?q=${encodeURIComponent(lastName)}`);
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { items: { lastName: string; status: string; source: string; consent: { unconfirmed: boolean } }[] };
  return body.items.filter((c) => c.lastName === lastName);
}

/** Signs in and waits until the first page has loaded (a loader in the middle of its work is no state to judge). */
async function signInAsHalleCounsellor(page: Page) {
  await signIn(page, halle);
  await expect(page.locator(".mantine-Loader-root")).toHaveCount(0);
}

async function fillInUkrainian(page: Page, person: { lastName: string; email: string }) {
  await page.getByLabel(uk.firstName).fill("Олена");
  await page.getByLabel(uk.lastName).fill(person.lastName);
  await page.getByLabel(uk.birthDate).fill("14.03.2006");
  await page.getByLabel(uk.email).fill(person.email);
  await page.getByLabel(uk.postalCode).fill("06108");
  await page.getByRole("checkbox", { name: uk.counselling }).check();
}

test("a young person registers in Ukrainian after starting in Arabic, confirms by the mail's link, and a Halle counsellor finds her as new", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });

  await test.step("Arabic: the page reads right to left", async () => {
    await page.goto("/registrieren?lang=ar");
    await expect(page.getByRole("heading", { name: ar.title, level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.getByLabel(ar.firstName)).toBeVisible();
    // The legal texts come from the server in the same language.
    await expect(page.getByRole("button", { name: "حماية البيانات: كيف نتعامل مع بياناتك" })).toBeVisible();
    // The language names stay in their own script, each marked with its language.
    const languages = page.getByRole("navigation", { name: "اللغة" });
    await expect(languages.getByRole("link", { name: "Українська" })).toHaveAttribute("lang", "uk");
    await expect(languages.getByRole("link", { name: "العربية" })).toHaveAttribute("aria-current", "page");
    await expectNoSeriousA11yViolations(page);
    // Right to left: the first field's label sits at the right edge of the form.
    const label = await page.locator("label").filter({ hasText: ar.firstName }).boundingBox();
    const field = await page.getByLabel(ar.firstName).boundingBox();
    if (!label || !field) throw new Error("Feld oder Beschriftung fehlt");
    expect(label.x + label.width).toBeGreaterThan(field.x + field.width - 8);
    expect(label.x).toBeGreaterThan(field.x + field.width / 2);
    await expectNoHorizontalScroll(page);
    await shot(page, "registration-ar");
    // Submitting empty: the messages appear at the fields, in Arabic, and the focus goes to the first.
    await page.getByRole("button", { name: ar.submit }).click();
    await expect(page.getByText("يرجى كتابة اسمك الأول.")).toBeVisible();
    await expect(page.getByLabel(ar.firstName)).toBeFocused();
    await expectNoSeriousA11yViolations(page, "/registrieren?lang=ar (Fehler)");
    await shot(page, "registration-ar-errors");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(page.getByRole("heading", { name: ar.title, level: 1 })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await shot(page, "registration-ar");
    await page.setViewportSize({ width: 1366, height: 900 });
    // Leaving the page gives the document its language and direction back.
    await page.getByRole("link", { name: "التراخيص" }).click();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goBack();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  });

  await test.step("switching to Ukrainian turns the page to Cyrillic, left to right, and keeps what was typed", async () => {
    await page.getByLabel(ar.firstName).fill("Олена");
    await page.getByRole("navigation", { name: "اللغة" }).getByRole("link", { name: "Українська" }).click();
    await expect(page).toHaveURL(/lang=uk/);
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    await expect(page.getByRole("heading", { name: uk.title, level: 1 })).toBeVisible();
    await expect(page.getByLabel(uk.lastName)).toBeVisible();
    await expect(page.getByLabel(uk.firstName)).toHaveValue("Олена");
    await expectNoSeriousA11yViolations(page);
  });

  const lastName = unique("Kovalenko");
  const email = `${lastName.toLowerCase()}@example.org`;
  await test.step("she fills the form, a wrong postcode is named in Ukrainian, then it goes off", async () => {
    await fillInUkrainian(page, { lastName, email });
    // Four digits: the page itself says so when the field is left.
    await page.getByLabel(uk.postalCode).fill("0610");
    await page.getByLabel(uk.email).focus();
    await expect(page.getByText(uk.postcodeMessage)).toBeVisible();
    await page.getByLabel(uk.postalCode).fill("06108");
    await expect(page.getByText(uk.postcodeMessage)).toHaveCount(0);
    // Five digits no place has: only the server knows; its English answer is shown in Ukrainian, at the field.
    await page.getByLabel(uk.postalCode).fill("99999");
    await page.getByRole("button", { name: uk.submit }).click();
    await expect(page.getByRole("alert").filter({ hasText: uk.postcodeMessage })).toBeVisible();
    await expect(page.getByLabel(uk.postalCode)).toBeFocused();
    expect(await mailsTo(email)).toEqual([]);
    await page.getByLabel(uk.postalCode).fill("06108");
    await page.getByRole("button", { name: uk.submit }).click();
    await expect(page.getByRole("heading", { name: uk.checkMail })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/registrieren (Mail unterwegs)");
    await shot(page, "registration-check-mail-uk");
  });

  let link = "";
  await test.step("the mail in Ukrainian carries the confirmation link", async () => {
    await expect.poll(async () => (await mailsTo(email)).length).toBe(1);
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe("Будь ласка, підтвердьте реєстрацію в KAUSA");
    link = /https?:\/\/\S+\/registrieren\/bestaetigen\?token=[\w-]+/.exec(mail?.text ?? "")?.[0] ?? "";
    expect(link, mail?.text).not.toBe("");
  });

  await test.step("the link confirms, in the language chosen before; a second visit says it is done already", async () => {
    const { pathname, search } = new URL(link);
    await page.goto(pathname + search);
    await expect(page.getByRole("heading", { name: uk.confirmed, level: 1 })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    await expectNoSeriousA11yViolations(page, "/registrieren/bestaetigen");
    await shot(page, "registration-confirmed-uk");
    await page.goto(pathname + search);
    await expect(page.getByRole("heading", { name: uk.alreadyConfirmed, level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/registrieren/bestaetigen (schon bestätigt)");
  });

  await test.step("the Halle counsellor finds her: new, from self-registration, consent waiting for confirmation", async () => {
    await signInAsHalleCounsellor(page);
    await expectNoSeriousA11yViolations(page);
    const found = await candidatesNamed(page, lastName);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ status: "new", source: "self_registration", consent: { unconfirmed: true } });
  });
});

test("a bot that fills the hidden website field gets the same answer, and nothing is stored or sent", async ({ page }) => {
  await page.goto("/registrieren?lang=uk");
  await expect(page.getByRole("heading", { name: uk.title, level: 1 })).toBeVisible();
  // Out of sight and out of the keyboard's reach: people never get there.
  const trap = page.locator('input[name="website"]');
  await expect(trap).toHaveAttribute("tabindex", "-1");
  await expect(trap).not.toBeInViewport();
  await expectNoSeriousA11yViolations(page);

  const lastName = unique("Botovych");
  const email = `${lastName.toLowerCase()}@example.org`;
  await fillInUkrainian(page, { lastName, email });
  await trap.fill("https://spam.example", { force: true });
  await page.getByRole("button", { name: uk.submit }).click();
  await expect(page.getByRole("heading", { name: uk.checkMail })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectNoSeriousA11yViolations(page, "/registrieren (Honigtopf)");
  expect(await mailsTo(email)).toEqual([]);

  await signInAsHalleCounsellor(page);
  await expectNoSeriousA11yViolations(page);
  expect(await candidatesNamed(page, lastName)).toEqual([]);
});
