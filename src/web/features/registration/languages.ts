import type { RegistrationLanguage } from "../../../features/registration/schema";
import { ar } from "./texts/ar";
import { de } from "./texts/de";
import { en } from "./texts/en";
import { fa } from "./texts/fa";
import type { PageTexts } from "./texts/page-texts";
import { uk } from "./texts/uk";

/** The five languages of the young people's pages, in the order of the switch (a value list: the schema file pulls in zod). */
export const pageLanguages: readonly RegistrationLanguage[] = ["de", "en", "ar", "uk", "fa"];
export const pageTexts: Record<RegistrationLanguage, PageTexts> = { de, en, ar, uk, fa };

const storageKey = "lotse.registration.lang";
export const isPageLanguage = (v: unknown): v is RegistrationLanguage =>
  typeof v === "string" && (pageLanguages as readonly string[]).includes(v);

/**
 * The language to start in: the one in the address (`?lang=ar`), else the one chosen on this device
 * before (the link in the confirmation mail carries none), else the browser's, else German.
 */
export function initialLanguage(fromAddress: unknown): RegistrationLanguage {
  if (isPageLanguage(fromAddress)) return fromAddress;
  const stored = readStored();
  if (stored) return stored;
  const browser = typeof navigator === "undefined" ? [] : navigator.languages.map((l) => l.slice(0, 2).toLowerCase());
  return browser.find(isPageLanguage) ?? "de";
}

function readStored(): RegistrationLanguage | undefined {
  try {
    const v = localStorage.getItem(storageKey);
    return isPageLanguage(v) ? v : undefined;
  } catch {
    return undefined; // storage switched off: the address and the browser decide
  }
}

export function rememberLanguage(language: RegistrationLanguage) {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // storage switched off: the language still holds for this page
  }
}

/** The server words its messages in German or English only: English is the better guess for everyone else. */
export const serverLanguage = (language: RegistrationLanguage) => (language === "de" ? "de" : "en");
