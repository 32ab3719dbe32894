import type { Ctx } from "../../lib/context.js";
import { listOccupations, readOccupationCatalogue } from "../occupations/service.js";

/**
 * Finds the occupation a cell means: its id ("tischler"), its KldB code ("22342"), its name in any usual
 * spelling ("Tischler/in", "Kauffrau für Büromanagement", "Elektroniker/in - Energie- und Gebäudetechnik",
 * a synonym, a former name), a name inside a job title ("Ausbildung zum Koch (m/w/d) 2027"), and last the
 * occupation search (typos) when its best hit shares the leading word. Only current occupations: a new
 * place cannot be in a repealed one.
 */
export type OccupationMatcher = (text: string) => Promise<string | null>;

const stopWords = new Set([
  "fur",
  "fuer",
  "und",
  "im",
  "in",
  "der",
  "die",
  "das",
  "des",
  "den",
  "dem",
  "zum",
  "zur",
  "als",
  "ab",
  "bei",
  "mit",
  "m",
  "w",
  "d",
  "x",
  "mwd",
  "wmd",
  "ausbildung",
  "ausbildungsplatz",
  "ausbildungsstelle",
  "azubi",
  "auszubildende",
  "auszubildender",
]);

const umlauts: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue" };

/** Significant words, lower case, without accents, gender endings, years and filler words. */
export function words(text: string, transliterate = false): string[] {
  let s = text.replace(/\((?:m|w|d|x|\/|\s|,)+\)/gi, " ").replace(/\/-?\p{L}+/gu, "");
  if (transliterate) s = s.replace(/[äöüÄÖÜ]/g, (c) => umlauts[c] ?? c);
  return s
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !stopWords.has(w) && !/^\d+$/.test(w));
}

function femaleWord(word: string, ending: string): string {
  if (ending === "in") return `${word}in`;
  if (ending === "frau" && word.endsWith("mann")) return `${word.slice(0, -4)}frau`;
  return word;
}

/** "Kaufmann/-frau für …" → "Kauffrau für …", "Koch/Köchin" → "Köchin". */
function femaleForm(name: string): string {
  return name.replace(/([\p{L}-]+)\/(-?)(\p{L}+)/gu, (_, word: string, dash: string, ending: string) =>
    dash ? femaleWord(word, ending) : ending,
  );
}

function keysOf(name: string): string[] {
  const out = new Set<string>();
  for (const variant of [name, femaleForm(name)]) {
    for (const t of [false, true]) {
      const key = words(variant, t).join(" ");
      if (key) out.add(key);
    }
  }
  return [...out];
}

export async function occupationMatcher(ctx: Ctx): Promise<OccupationMatcher> {
  const current: { id: string; name: string; kldb5: string | null; formerNames: { name: string }[] }[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await listOccupations(ctx, { page, pageSize: 500 });
    current.push(...items);
    if (current.length >= total || items.length === 0) break;
  }
  const synonyms = new Map(readOccupationCatalogue().occupations.map((o) => [o.id, o.synonyms ?? []]));
  const byId = new Map(current.map((o) => [o.id, o.id]));
  const byCode = new Map<string, string | null>();
  const byKey = new Map<string, string>();
  for (const o of current) {
    if (o.kldb5) byCode.set(o.kldb5, byCode.has(o.kldb5) ? null : o.id);
    for (const name of [o.name, ...o.formerNames.map((f) => f.name), ...(synonyms.get(o.id) ?? [])]) {
      for (const key of keysOf(name)) if (!byKey.has(key)) byKey.set(key, o.id);
    }
  }
  const keyList = [...byKey.entries()].map(([key, id]) => ({ tokens: key.split(" "), id }));

  /** The longest catalogue name whose words stand together in the text ("ausbildung koch halle" → "koch"). */
  function within(tokens: string[]): string | null {
    let best: { length: number; id: string } | null = null;
    for (const k of keyList) {
      if (best && k.tokens.length <= best.length) continue;
      for (let i = 0; i + k.tokens.length <= tokens.length; i++) {
        if (k.tokens.every((t, j) => tokens[i + j] === t)) {
          best = { length: k.tokens.length, id: k.id };
          break;
        }
      }
    }
    return best?.id ?? null;
  }

  async function bySearch(text: string, tokens: string[]): Promise<string | null> {
    const q = tokens.join(" ").slice(0, 100);
    if (q.length < 3) return null;
    const { items } = await listOccupations(ctx, { q, page: 1, pageSize: 1 });
    const top = items[0];
    if (!top) return null;
    // A hit is trusted only when it shares the leading word (Elektroniker …, Kaufmann …), a typo within it allowed.
    const lead = words(top.name)[0] ?? "";
    const first = tokens[0] ?? "";
    return lead && first && (lead === first || similarWord(lead, first)) && text.length >= 3 ? top.id : null;
  }

  const cache = new Map<string, Promise<string | null>>();
  return (text: string) => {
    const trimmed = text.trim();
    let hit = cache.get(trimmed);
    if (!hit) {
      hit = (async () => {
        const lower = trimmed.toLowerCase();
        if (byId.has(lower)) return lower;
        if (/^\d{5}$/.test(trimmed)) return byCode.get(trimmed) ?? null;
        for (const t of [false, true]) {
          const tokens = words(trimmed, t);
          const exact = byKey.get(tokens.join(" "));
          if (exact) return exact;
          const inside = within(tokens);
          if (inside) return inside;
        }
        return bySearch(trimmed, words(trimmed));
      })();
      if (cache.size < 10_000) cache.set(trimmed, hit);
    }
    return hit;
  };
}

/** Two words that differ by at most one letter (a typo), for words of five letters or more. */
function similarWord(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}
