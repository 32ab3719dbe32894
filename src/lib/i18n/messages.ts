import type { Locale } from "./locale.js";
import { englishMessages } from "./messages-en.js";

/**
 * A message for a person: German is the source text (gettext style), English comes from
 * `messages-en.ts`. Parameters fill `{name}` placeholders after translation.
 */
export type Msg = string | { readonly text: string; readonly params: Readonly<Record<string, string | number | Msg>> };

export const msg = (text: string, params: Record<string, string | number | Msg>): Msg => ({ text, params });

/**
 * Source texts with placeholders also match texts that were filled in before they got here (zod
 * messages are plain strings): "Höchstens 200 Zeichen" matches "Höchstens {max} Zeichen".
 */
const patterns = Object.keys(englishMessages)
  .filter((k) => /\{\w+\}/.test(k))
  .map((k) => {
    const names: string[] = [];
    const source = k.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
      names.push(name);
      return "(.+?)";
    });
    return { key: k, names, re: new RegExp(`^${source}$`) };
  });

function english(text: string): string {
  if (Object.hasOwn(englishMessages, text)) return englishMessages[text] as string;
  for (const p of patterns) {
    const m = p.re.exec(text);
    if (m) return (englishMessages[p.key] as string).replace(/\{(\w+)\}/g, (whole, name: string) => m[p.names.indexOf(name) + 1] ?? whole);
  }
  return text;
}

export function translate(locale: Locale, message: Msg): string {
  const text = typeof message === "string" ? message : message.text;
  const template = locale === "en" ? english(text) : text;
  if (typeof message === "string") return template;
  // A parameter that is itself a source text ("Das Benutzerkonto") is translated too.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(message.params, name) ? translate(locale, paramText(message.params[name])) : whole,
  );
}

/** The German source texts that have no English translation yet (a test keeps this list empty). */
export function untranslated(texts: Iterable<string>): string[] {
  return [...texts].filter((t) => english(t) === t);
}

const paramText = (value: string | number | Msg | undefined): Msg => (typeof value === "number" ? String(value) : (value ?? ""));
