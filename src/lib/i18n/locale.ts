import { AsyncLocalStorage } from "node:async_hooks";

export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];

/**
 * The language of the answer from `Accept-Language` (RFC 9110 quality values): German unless the
 * client prefers English.
 */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return "de";
  let best: { locale: Locale; q: number } | null = null;
  for (const part of header.split(",").slice(0, 20)) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const q = Number(
      params
        .find((p) => p.trim().startsWith("q="))
        ?.trim()
        .slice(2) ?? 1,
    );
    const primary = tag.trim().split("-")[0];
    const locale = locales.find((l) => l === primary);
    if (locale && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? "de";
}

const storage = new AsyncLocalStorage<Locale>();

/** Runs `fn` with the request's language, so messages made deep inside (zod) come in that language. */
export function runInLocale<T>(locale: Locale, fn: () => T): T {
  return storage.run(locale, fn);
}

export function currentLocale(): Locale {
  return storage.getStore() ?? "de";
}
