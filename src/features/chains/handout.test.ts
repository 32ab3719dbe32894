import { beforeAll, describe, expect, it } from "vitest";
import { setupTestApp } from "../../../tests/support/test-app.js";
import { handoutTexts } from "./handout-texts.js";
import { chainRequests, type PdfItem, pdfItems, pdfLines } from "./helpers.test-support.js";
import { handoutLanguages, stepCodes } from "./schema.js";

const t = setupTestApp();
const c = chainRequests(t);
let runId = "";
let as = "";
beforeAll(async () => {
  await c.seed();
  as = await c.counsellorHalle();
  const { matchId } = await c.match(as, {
    company: "Bäckerei Sonnenschein",
    person: { firstName: "Rania", lastName: "Haddad", preferredLanguage: "ar" },
  });
  runId = (await c.startRun(as, matchId)).id;
});

const handout = async (language?: string): Promise<PdfItem[]> => {
  const res = await t.request("GET", `/api/v1/chains/runs/${runId}/handout.pdf${language ? `?language=${language}` : ""}`, { as });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  return pdfItems(await res.arrayBuffer());
};
const words = (items: PdfItem[]) => new Set(items.flatMap((i) => i.str.split(/\s+/)));

describe("the young person's handout: their own steps in their language", () => {
  it("German: plain words, their dates, the offices' German names; company-side steps left out", async () => {
    const text = pdfLines(await handout("de")).join(" ");
    expect(text).toContain("Ihr Weg in die Ausbildung");
    expect(text).toContain("Rania Haddad");
    expect(text).toContain("Ausbildung: Koch/Köchin bei Bäckerei Sonnenschein. Beginn: 01.08.2027.");
    expect(text).toContain("Ausbildungsduldung beantragen");
    expect(text).toContain("Frühestens ab: 01.01.2027");
    expect(text).toContain("Spätestens bis: 06.06.2027");
    expect(text).toContain("Wo: Ausländerbehörde der Stadt Halle (Saale) bzw. des Landkreises Saalekreis (nach Wohnort)");
    expect(text).not.toContain("Ausbildungsberechtigung");
    expect(text).not.toContain("Anforderungsprofil");
  });

  it("Arabic by default (the person's language): Arabic words shaped right to left, dates as 01/01/2027, aligned right", async () => {
    const items = await handout();
    const found = words(items);
    for (const word of ["طريقك", "التدريب", "المهني", "دائرة", "الأجانب"]) expect(found, word).toContain(word);
    const text = pdfLines(items).join(" ");
    expect(text).toContain("01/01/2027");
    expect(text).toContain("06/06/2027");
    // Right to left: the title's first word stands right of its last word.
    const first = items.find((i) => i.str === "طريقك");
    const last = items.find((i) => i.str === "المهني" && Math.abs(i.y - (first?.y ?? 0)) < 3);
    expect(first?.x).toBeGreaterThan(last?.x ?? Number.POSITIVE_INFINITY);
    // Lines end at the right margin.
    const right = Math.max(...items.filter((i) => i.page === 1).map((i) => i.x + i.width));
    expect(right).toBeGreaterThan(500);
  });

  it("Persian, Ukrainian and English render their own text", async () => {
    expect(words(await handout("fa"))).toContain("کارآموزی");
    const uk = pdfLines(await handout("uk")).join(" ");
    expect(uk).toContain("Ваш шлях до професійного навчання");
    expect(uk).toContain("01.08.2027");
    const en = pdfLines(await handout("en")).join(" ");
    expect(en).toContain("Your way into vocational training");
    expect(en).toContain("Not before: 01/01/2027");
    expect(en).toContain("Apply for the Ausbildungsduldung");
  });

  it("an unknown language is a 422", async () => {
    expect((await t.request("GET", `/api/v1/chains/runs/${runId}/handout.pdf?language=fr`, { as })).status).toBe(422);
  });
});

describe("the handout texts", () => {
  it("every step code in every language, none empty, each language in its own script", () => {
    for (const language of handoutLanguages) {
      const texts = handoutTexts[language];
      expect(Object.keys(texts.steps).sort(), language).toEqual([...stepCodes].sort());
      for (const [code, s] of Object.entries(texts.steps)) {
        expect(s.title.trim(), `${language} ${code}`).not.toBe("");
        expect(s.text.trim(), `${language} ${code}`).not.toBe("");
      }
    }
    expect(handoutTexts.ar.dir).toBe("rtl");
    expect(handoutTexts.fa.dir).toBe("rtl");
    // Persian uses its own yeh and kaf; Arabic the Arabic ones.
    expect(JSON.stringify(handoutTexts.fa)).not.toMatch(/[\u064A\u0643]/);
    expect(JSON.stringify(handoutTexts.ar)).not.toMatch(/[\u06CC\u06A9]/);
    const titles = handoutLanguages.map((l) => handoutTexts[l].steps.work_permit.title);
    expect(new Set(titles).size).toBe(handoutLanguages.length);
  });
});
