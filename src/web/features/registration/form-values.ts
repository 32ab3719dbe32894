import type { RegistrationInput, RegistrationLanguage } from "../../../features/registration/schema";
import { looksLikeEmail } from "../../ui/form-checks";
import type { PageTexts, RegistrationField } from "./texts/page-texts";

export const germanLevels = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export type GermanLevel = (typeof germanLevels)[number];

/** What is typed, as typed: nothing is lost when the language changes or the server says no. */
export type RegistrationValues = {
  firstName: string;
  lastName: string;
  birthDate: string;
  email: string;
  phone: string;
  postalCode: string;
  germanLevel: GermanLevel | "";
  wish: string;
  consentCounselling: boolean;
  consentMatching: boolean;
  website: string;
};

export const emptyValues: RegistrationValues = {
  firstName: "",
  lastName: "",
  birthDate: "",
  email: "",
  phone: "",
  postalCode: "",
  germanLevel: "",
  wish: "",
  consentCounselling: false,
  consentMatching: false,
  website: "",
};

/** Arabic-Indic (٠١٢) and Persian (۰۱۲) digits, as phones in those languages type them, become 0-9. */
export const asciiDigits = (s: string) =>
  s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.codePointAt(0) ?? 0) - ((d.codePointAt(0) ?? 0) >= 0x6f0 ? 0x6f0 : 0x660)));

/**
 * A birth date as day, month, year ("24.11.2007", also with / or - or spaces, or "2007-11-24") → ISO;
 * anything else → null. The year has four digits: "07" could be 1907 or 2007.
 */
export function parseBirthDate(text: string): string | null {
  const s = asciiDigits(text).trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})\s*[./\-\s]\s*(\d{1,2})\s*[./\-\s]\s*(\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

/** The server's rule: born between 40 and 14 years ago, counted in calendar years. */
export function plausibleBirthDate(iso: string, now = new Date()): boolean {
  const year = Number(iso.slice(0, 4));
  const thisYear = now.getUTCFullYear();
  return year <= thisYear - 14 && year >= thisYear - 40;
}

const phonePattern = /^[+\d][\d\s/()-]*$/;

/** The message for each field in the page's language, or undefined where the value is fine. */
export function fieldMessages(
  v: RegistrationValues,
  t: PageTexts["messages"],
  now = new Date(),
): Record<RegistrationField, string | undefined> {
  const required = (field: RegistrationField, value: string, ok: boolean) =>
    !value.trim() ? t.missing[field] : ok ? undefined : t.check[field];
  const birthDate = parseBirthDate(v.birthDate);
  const phone = asciiDigits(v.phone).trim();
  return {
    firstName: required("firstName", v.firstName, v.firstName.trim().length <= 100),
    lastName: required("lastName", v.lastName, v.lastName.trim().length <= 100),
    birthDate: required("birthDate", v.birthDate, birthDate !== null && plausibleBirthDate(birthDate, now)),
    email: required("email", v.email, looksLikeEmail(v.email) && v.email.trim().length <= 200),
    phone: !phone || (phonePattern.test(phone) && phone.length <= 40) ? undefined : t.check.phone,
    postalCode: required("postalCode", v.postalCode, /^\d{5}$/.test(asciiDigits(v.postalCode).trim())),
    wish: v.wish.trim().length <= 300 ? undefined : t.check.wish,
    consentCounselling: v.consentCounselling ? undefined : t.missing.consentCounselling,
  };
}

/** The request body from checked values (only call when `fieldMessages` found nothing). */
export function toRequest(v: RegistrationValues, language: RegistrationLanguage): RegistrationInput {
  const phone = asciiDigits(v.phone).trim();
  const wish = v.wish.trim();
  return {
    language,
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    birthDate: parseBirthDate(v.birthDate) ?? v.birthDate,
    email: v.email.trim(),
    ...(phone ? { phone } : {}),
    postalCode: asciiDigits(v.postalCode).trim(),
    ...(v.germanLevel ? { germanLevel: v.germanLevel } : {}),
    ...(wish ? { wish } : {}),
    consentCounselling: true,
    consentMatching: v.consentMatching,
    // The honeypot goes as it is: a bot that filled it gets the same answer, and nothing is stored.
    website: v.website,
  };
}
