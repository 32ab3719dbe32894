import { z } from "zod";
import { currentLocale, type Locale } from "./locale.js";

const typeNames: Record<Locale, Record<string, string>> = {
  de: {
    string: "Text",
    number: "eine Zahl",
    int: "eine ganze Zahl",
    boolean: "ja/nein (true/false)",
    array: "eine Liste",
    object: "ein Objekt",
    null: "null",
    date: "ein Datum",
  },
  en: {
    string: "text",
    number: "a number",
    int: "a whole number",
    boolean: "yes/no (true/false)",
    array: "a list",
    object: "an object",
    null: "null",
    date: "a date",
  },
};

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  return typeof value;
}

const locales = { de: z.locales.de(), en: z.locales.en() };

type RawIssue = Parameters<NonNullable<ReturnType<typeof z.locales.de>["localeError"]>>[0];

/**
 * Zod's own messages in the request's language, with two of ours: a missing field is "Pflichtfeld",
 * a field of the wrong type says which type it needs and which it got.
 */
function localeError(issue: RawIssue): string | undefined {
  const locale = currentLocale();
  if (issue.code === "invalid_type") {
    if (issue.input === undefined) return locale === "de" ? "Pflichtfeld" : "Required";
    const names = typeNames[locale];
    const expected = names[String(issue.expected)] ?? String(issue.expected);
    const gotType = typeOf(issue.input);
    if (gotType === "NaN") return locale === "de" ? `Erwartet wird ${expected}` : `Expected ${expected}`;
    if (typeof issue.input === "number" && !Number.isFinite(issue.input)) {
      return locale === "de" ? "Die Zahl ist zu groß" : "The number is too large";
    }
    const got = names[gotType] ?? gotType;
    return locale === "de" ? `Erwartet wird ${expected}, nicht ${got}` : `Expected ${expected}, not ${got}`;
  }
  if (issue.code === "too_small" || issue.code === "too_big") {
    const small = issue.code === "too_small";
    const bound = Number(small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
    const origin = (issue as { origin?: string }).origin;
    if (!small && bound >= Number.MAX_SAFE_INTEGER) return locale === "de" ? "Die Zahl ist zu groß" : "The number is too large";
    const unit =
      origin === "string"
        ? locale === "de"
          ? " Zeichen"
          : " characters"
        : origin === "array" || origin === "set"
          ? locale === "de"
            ? " Einträge"
            : " entries"
          : "";
    if (locale === "de") return `${small ? "Mindestens" : "Höchstens"} ${bound}${unit}`;
    return `${small ? "At least" : "At most"} ${bound}${unit}`;
  }
  const result = locales[locale].localeError?.(issue);
  return typeof result === "string" ? result : result?.message;
}

let configured = false;
export function configureZodMessages(): void {
  if (configured) return;
  configured = true;
  z.config({ localeError });
}
