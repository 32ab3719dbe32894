import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const demoPassword = "Lotse-Demo-2026";
export type Lang = "de" | "en";

const words = {
  de: {
    email: "E-Mail-Adresse",
    password: "Passwort",
    signIn: "Anmelden",
    notFound: "Diese Seite gibt es nicht.",
    newAccount: "Neues Konto",
  },
  en: { email: "Email address", password: "Password", signIn: "Sign in", notFound: "This page does not exist.", newAccount: "New account" },
} as const;
export const wordsIn = (lang: Lang) => words[lang];

/** Chooses the language with the switch on the current page (sign-in form or page header). */
export async function chooseLanguage(page: Page, lang: Lang) {
  await page
    .getByText(lang === "de" ? "Deutsch" : "English", { exact: true })
    .first()
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

/** Signs in from the start page with a demo account and waits for the first page behind the sign-in. */
export async function signIn(page: Page, email: string, lang: Lang = "de") {
  await page.goto("/");
  await expect(page).toHaveURL(/\/anmelden$/);
  if (lang !== "de") await chooseLanguage(page, lang);
  await page.getByLabel(words[lang].email).fill(email);
  await page.getByRole("textbox", { name: words[lang].password, exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: words[lang].signIn }).click();
  await expect(page).not.toHaveURL(/\/anmelden$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Fails with the rule id and the offending nodes for every critical or serious axe-core finding. */
export async function expectNoSeriousA11yViolations(page: Page, where = new URL(page.url()).pathname) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "critical" || v.impact === "serious");
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join("\n")}`,
  );
  expect(report, `axe-core on ${where}`).toEqual([]);
}

/** The page must not scroll sideways: on a phone its width is all there is. */
export async function expectNoHorizontalScroll(page: Page) {
  const width = page.viewportSize()?.width ?? 0;
  const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  expect(scrollWidth, `page width on ${new URL(page.url()).pathname}`).toBeLessThanOrEqual(width);
}

/** Saves screenshots (what fits the window, and the whole page) for a human look when LOTSE_SHOTS names a directory (never the repository). */
export async function shot(page: Page, name: string) {
  const dir = process.env.LOTSE_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = `${name}-${page.viewportSize()?.width ?? 0}`;
  await page.screenshot({ path: path.join(dir, `${file}.png`) });
  await page.screenshot({ path: path.join(dir, `${file}-full.png`), fullPage: true });
}

type Stop = { name: string; open: (page: Page) => Promise<void> };

/** Waits until the page has its h1 and no loader: what a person sees once it has loaded. */
async function settled(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".mantine-Loader-root")).toHaveCount(0);
}

/**
 * Every page of the app, signed in as an administrator, in the order a walk through the menu meets
 * them; `check` runs on each (axe, page width, screenshots).
 */
export async function walkThroughTheApp(page: Page, lang: Lang, check: (name: string) => Promise<void>) {
  const w = words[lang];
  await page.goto("/anmelden");
  if (lang !== "de") await chooseLanguage(page, lang);
  await expect(page.getByRole("button", { name: w.signIn })).toBeVisible();
  await check("sign-in");
  await page.goto("/lizenzen");
  await settled(page);
  await check("licences-public");

  await signIn(page, "admin@demo.example", lang);
  const stops: Stop[] = [
    { name: "occupations", open: async (p) => p.goto("/berufe").then(() => settled(p)) },
    {
      name: "users",
      open: async (p) => {
        await p.goto("/verwaltung/benutzer");
        await expect(p.getByRole("cell", { name: "admin@demo.example", exact: true })).toBeVisible();
        await settled(p);
      },
    },
    {
      name: "users-new-account",
      open: async (p) => {
        await p.getByRole("button", { name: w.newAccount }).click();
        await expect(p.getByRole("dialog", { name: w.newAccount })).toBeVisible();
        // The dialog's entrance transition must be over, or axe measures half-faded colours.
        await expect(p.getByRole("dialog", { name: w.newAccount })).toHaveCSS("opacity", "1");
      },
    },
    {
      name: "audit",
      open: async (p) => {
        await p.goto("/verwaltung/audit");
        await expect(p.getByRole("row").nth(1)).toBeVisible();
        await settled(p);
      },
    },
    { name: "account", open: async (p) => p.goto("/konto").then(() => settled(p)) },
    { name: "licences", open: async (p) => p.goto("/lizenzen").then(() => settled(p)) },
    {
      name: "not-found",
      open: async (p) => {
        await p.goto("/gibt-es-nicht");
        await expect(p.getByRole("heading", { name: w.notFound })).toBeVisible();
      },
    },
  ];
  for (const stop of stops) {
    await stop.open(page);
    await check(stop.name);
  }
}
