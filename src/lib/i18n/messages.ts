import type { Locale } from "./locale.js";
import { englishMessages } from "./messages-en.js";

/**
 * A message for a person: German is the source text (gettext style), English comes from
 * `messages-en.ts`. Parameters fill `{name}` placeholders after translation.
 */
export type Msg = string | { readonly text: string; readonly params: Readonly<Record<string, string | number | Msg>> };

export const msg = (text: string, params: Record<string, string | number | Msg>): Msg => ({ text, params });

export function translate(locale: Locale, message: Msg): string {
  const text = typeof message === "string" ? message : message.text;
  const template = locale === "en" ? (englishMessages[text] ?? text) : text;
  if (typeof message === "string") return template;
  // A parameter that is itself a source text ("Das Benutzerkonto") is translated too.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(message.params, name) ? translate(locale, paramText(message.params[name])) : whole,
  );
}

/** The German source texts that have no English translation yet (a test keeps this list empty). */
export function untranslated(texts: Iterable<string>): string[] {
  return [...texts].filter((t) => !Object.hasOwn(englishMessages, t));
}

const paramText = (value: string | number | Msg | undefined): Msg => (typeof value === "number" ? String(value) : (value ?? ""));
