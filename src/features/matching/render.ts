import type { Flag, Reason } from "../../engine/index.js";
import type { Locale } from "../../lib/i18n/locale.js";
import { reasonTextsDe, reasonTextsEn } from "./reason-texts.js";

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A date parameter as the reader writes it: 01.08.2027 in German, 1 Aug 2027 in English. */
function dateText(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split("-") as [string, string, string];
  if (locale === "de") return `${d}.${m}.${y}`;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** The sentence for a reason or flag code in the reader's language, its parameters filled in. */
export function reasonText(code: string, params: Record<string, number | string> | undefined, locale: Locale): string {
  const table = locale === "en" ? reasonTextsEn : reasonTextsDe;
  const template = table[code] ?? reasonTextsDe[code] ?? code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!params || !Object.hasOwn(params, name)) return whole;
    const value = params[name];
    if (typeof value === "string" && isoDay.test(value)) return dateText(value, locale);
    if (typeof value === "number" && locale === "de") return String(value).replace(".", ",");
    return String(value);
  });
}

export const renderReason = (r: Reason, locale: Locale) => ({
  criterion: r.criterion,
  code: r.code,
  ...(r.score !== undefined ? { score: r.score } : {}),
  message: reasonText(r.code, r.params, locale),
});

export const renderFlag = (f: Flag, locale: Locale) => ({
  code: f.code,
  message: reasonText(f.code, f.params, locale),
  ...(f.dueDate ? { dueDate: f.dueDate } : {}),
});

/**
 * What a role without access to residence facts sees of the legal part: no flags, no legal reasons;
 * a pair ruled out by a work ban says only that a legal reason rules it out.
 */
export function withoutLegalFacts(reasons: Reason[], infeasible: boolean): Reason[] {
  const rest = reasons.filter((r) => r.criterion !== "legal");
  if (infeasible && rest.length < reasons.length) rest.unshift({ criterion: "legal", code: "legal.restricted" });
  return rest;
}
