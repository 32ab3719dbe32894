import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { msg, translate, untranslated } from "./messages.js";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === "web" || name === "engine" ? [] : sourceFiles(p);
    return p.endsWith(".ts") && !p.includes(".test") ? [p] : [];
  });
}

/** The German texts the server can send to a person, found where they are written. */
function messagesInSource(): Set<string> {
  const patterns = [
    /fail\.\w+\(\s*"([^"]+)"/g,
    /msg\(\s*"([^"]+)"/g,
    /new DomainError\(\s*"\w+",\s*"([^"]+)"/g,
    /title: "([^"]+)"/g,
    /\.(?:min|max|regex|refine|length)\([^()]*(?:\([^()]*\))?[^()]*?,\s*"([^"]+)"\)/g,
    /z(?:\.iso)?\.(?:email|uuid|date)\(\s*"([^"]+)"/g,
    /[=:]\s*\[\s*"([^"]+)"\s*\]/g,
  ];
  const found = new Set<string>();
  for (const file of sourceFiles(path.join(src, "lib")).concat(
    sourceFiles(path.join(src, "server")),
    sourceFiles(path.join(src, "features")),
  )) {
    // Start-up configuration errors are for the operator, in German like the README.
    // Texts kept in every language of their own (consent texts, mails to young people) are not server messages.
    if (file.endsWith("messages-en.ts") || file.endsWith("config.ts") || file.endsWith("-texts.ts")) continue;
    const text = readFileSync(file, "utf8");
    for (const re of patterns) for (const m of text.matchAll(re)) if (m[1] && /[a-zäöüß]/.test(m[1]) && m[1].includes(" ")) found.add(m[1]);
  }
  return found;
}

describe("messages in the person's language", () => {
  it("every message the server writes has an English translation", () => {
    const found = messagesInSource();
    expect(found.size).toBeGreaterThan(40);
    expect(untranslated(found)).toEqual([]);
  });

  it("fills placeholders after translating, and translates a parameter that is itself a message", () => {
    const notFound = msg("{what} existiert nicht oder ist für Sie nicht sichtbar.", { what: "Das Benutzerkonto" });
    expect(translate("de", notFound)).toBe("Das Benutzerkonto existiert nicht oder ist für Sie nicht sichtbar.");
    expect(translate("en", notFound)).toBe("The user account does not exist or is not visible to you.");
    expect(translate("en", msg("Die gesendeten Daten überschreiten {kb} KB.", { kb: 1024 }))).toBe("The data sent exceeds 1024 KB.");
  });
});
