import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { type ConsentFormInput, consentFormPdf, formatConsentDate } from "./consent-pdf.js";
import { consentLanguages, consentTexts } from "./consent-texts.js";
import { recordPdf } from "./record-pdf.js";

type Item = { str: string; x: number; y: number; width: number; page: number };

async function items(pdf: Buffer): Promise<Item[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: Item[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    const content = await (await doc.getPage(page)).getTextContent();
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      out.push({ str: item.str.trim(), x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, page });
    }
  }
  await doc.destroy();
  return out;
}

/** Lines of text, top to bottom: pieces on one baseline (±3 pt) left to right, a space only where there is a gap. */
function lines(all: Item[]): string[] {
  const sorted = [...all].sort((a, b) => a.page - b.page || b.y - a.y);
  const groups: Item[][] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    if (last?.[0] && last[0].page === item.page && Math.abs(last[0].y - item.y) < 3) last.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const row = group.sort((a, b) => a.x - b.x);
    return row.map((item, i) => (i > 0 && item.x - ((row[i - 1]?.x ?? 0) + (row[i - 1]?.width ?? 0)) > 1 ? " " : "") + item.str).join("");
  });
}

/** All text as one string, lines joined by spaces (left-to-right text reads back as sentences). */
const textOf = (all: Item[]) => lines(all).join(" ");

function expectSmallPdf(pdf: Buffer) {
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeLessThan(1_000_000);
}

const base: ConsentFormInput = {
  language: "de",
  candidateName: "Anna Schmidt",
  birthDate: "2008-03-14",
  purposes: ["counselling", "share_with_company"],
  recipients: ["Bäckerei Müller GmbH", "Stadtwerke Dessau-Roßlau"],
  givenAt: "2026-11-25",
  organisation: "KAUSA Servicestelle Halle, IHK Bildungszentrum Halle-Dessau GmbH",
};

describe("consentFormPdf", () => {
  it("German form: title, name, recipients and the date", async () => {
    const pdf = await consentFormPdf(base);
    expectSmallPdf(pdf);
    const text = textOf(await items(pdf));
    expect(text).toContain("Einwilligung");
    expect(text).toContain("Anna Schmidt");
    expect(text).toContain("Bäckerei Müller GmbH");
    expect(text).toContain("Stadtwerke Dessau-Roßlau");
    expect(text).toContain("25.11.2026");
    expect(text).toContain("14.03.2008");
    expect(text).not.toContain("Deutsche Fassung");
  });

  it("ticks exactly the purposes consented to", async () => {
    const all = await items(await consentFormPdf(base));
    const lineList = lines(all);
    expect(all.filter((i) => i.str === "X")).toHaveLength(2);
    // Whole lines: a ticked box puts an "X" before the purpose's title.
    expect(lineList).toContain("X Beratung");
    expect(lineList).toContain("Passende Ausbildungsplätze suchen");
    expect(lineList).toContain("X Weitergabe an Betriebe");
    expect(lineList).toContain("Weitergabe an Partner");
    expect(lineList).not.toContain("X Passende Ausbildungsplätze suchen");
    expect(lineList).not.toContain("X Weitergabe an Partner");
  });

  it("Ukrainian form keeps Cyrillic intact and adds the German copy", async () => {
    const pdf = await consentFormPdf({ ...base, language: "uk", candidateName: "Олена Коваленко", purposes: ["matching"] });
    expectSmallPdf(pdf);
    const text = textOf(await items(pdf));
    expect(text).toContain("Захист даних: як ми поводимося з вашими даними");
    expect(text).toContain("Олена Коваленко");
    expect(text).toContain("25.11.2026");
    expect(text).toContain("Deutsche Fassung");
    expect(text).toContain("Einwilligung");
  });

  it("Arabic form: the name's words, Arabic text, ticks on both parts and the German copy", async () => {
    const pdf = await consentFormPdf({ ...base, language: "ar", candidateName: "محمد أحمد الخطيب" });
    expectSmallPdf(pdf);
    const all = await items(pdf);
    const words = new Set(all.flatMap((i) => i.str.split(/\s+/)));
    for (const word of ["محمد", "أحمد", "الخطيب", "الموافقة", "الاستشارة", "التوقيع"]) expect(words, word).toContain(word);
    expect(textOf(all)).toContain("25/11/2026");
    expect(textOf(all)).toContain("Deutsche Fassung");
    // Two ticked purposes in the Arabic part and two in the German copy.
    expect(all.filter((i) => i.str === "X")).toHaveLength(4);
    // Right to left: the box stands right of the purpose title.
    const title = all.find((i) => i.str === "الاستشارة" && all.some((x) => x.str === "X" && Math.abs(x.y - i.y) < 4));
    const box = all.find((x) => x.str === "X" && Math.abs(x.y - (title?.y ?? -99)) < 4);
    expect(box?.x).toBeGreaterThan(title?.x ?? Number.POSITIVE_INFINITY);
  });

  it("Persian form renders", async () => {
    const pdf = await consentFormPdf({ ...base, language: "fa", candidateName: "زهرا محمدی", purposes: [] });
    expectSmallPdf(pdf);
    const all = await items(pdf);
    const words = new Set(all.flatMap((i) => i.str.split(/\s+/)));
    for (const word of ["زهرا", "محمدی", "مشاوره"]) expect(words, word).toContain(word);
    expect(all.filter((i) => i.str === "X")).toHaveLength(0);
  });
});

describe("formatConsentDate", () => {
  it("uses the usual short date of each language", () => {
    expect(formatConsentDate("2026-11-25", "de")).toBe("25.11.2026");
    expect(formatConsentDate("2026-11-25", "uk")).toBe("25.11.2026");
    expect(formatConsentDate("2026-11-25", "en")).toBe("25/11/2026");
    expect(formatConsentDate("2026-11-25", "ar")).toBe("25/11/2026");
    expect(formatConsentDate("2026-11-25", "fa")).toBe("2026/11/25");
    expect(formatConsentDate("2026-11-24T23:30:00Z", "de")).toBe("25.11.2026");
    expect(formatConsentDate(null, "de")).toBe("");
  });
});

describe("recordPdf", () => {
  it("contains every heading and value, in any script, long texts wrapped", async () => {
    const longText = "Möchte Elektronikerin werden und sucht einen Betrieb in Halle oder Merseburg. ".repeat(6).trim();
    const pdf = await recordPdf({
      title: "Auskunft nach Art. 15 DSGVO",
      subtitle: "Stand: 25.11.2026",
      language: "de",
      sections: [
        {
          heading: "Person",
          rows: [
            ["Name", "Олена Коваленко"],
            ["Name der Mutter", "فاطمة الزهراء"],
            ["Notiz", longText],
          ],
        },
        { heading: "Einwilligungen", rows: [["Beratung", "erteilt am 25.11.2026"]] },
      ],
    });
    expectSmallPdf(pdf);
    const all = await items(pdf);
    const text = textOf(all);
    for (const s of ["Auskunft nach Art. 15 DSGVO", "Stand: 25.11.2026", "Person", "Einwilligungen", "Name", "Name der Mutter"]) {
      expect(text).toContain(s);
    }
    for (const s of ["Notiz", "Олена Коваленко", longText, "Beratung", "erteilt am 25.11.2026"]) expect(text).toContain(s);
    const words = new Set(all.flatMap((i) => i.str.split(/\s+/)));
    expect(words).toContain("فاطمة");
    expect(words).toContain("الزهراء");
    const noteLines = new Set(all.filter((i) => i.str.includes("Merseburg")).map((i) => Math.round(i.y)));
    expect(noteLines.size).toBeGreaterThan(1);
  });
});

describe("consentTexts", () => {
  it("has every text in every language, none left empty", () => {
    expect(Object.keys(consentTexts).sort()).toEqual([...consentLanguages].sort());
    const check = (value: unknown, path: string) => {
      if (typeof value === "string") expect(value.trim(), path).not.toBe("");
      else if (Array.isArray(value)) {
        expect(value.length, path).toBeGreaterThan(0);
        for (const [i, v] of value.entries()) check(v, `${path}[${i}]`);
      } else if (value && typeof value === "object") {
        for (const [k, v] of Object.entries(value)) check(v, `${path}.${k}`);
      } else throw new Error(`unexpected value at ${path}`);
    };
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" && !Array.isArray(v) ? keys(v).map((s) => `${k}.${s}`) : [k]));
    for (const language of consentLanguages) {
      check(consentTexts[language], language);
      expect(keys(consentTexts[language]).sort(), language).toEqual(keys(consentTexts.de).sort());
      expect(consentTexts[language].privacyNotice, language).toHaveLength(consentTexts.de.privacyNotice.length);
    }
  });

  it("has a different privacy notice in each language (no copied placeholders)", () => {
    const notices = consentLanguages.map((l) => consentTexts[l].privacyNotice.join("\n"));
    expect(new Set(notices).size).toBe(consentLanguages.length);
    const paragraphs = consentLanguages.flatMap((l) => consentTexts[l].privacyNotice);
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
  });

  it("writes each language in its own script and direction", () => {
    expect(consentTexts.ar.dir).toBe("rtl");
    expect(consentTexts.fa.dir).toBe("rtl");
    expect(consentTexts.uk.privacyTitle).toMatch(/^[\p{Script=Cyrillic}\s:]+$/u);
    // Persian uses its own yeh and kaf; Arabic uses the Arabic ones.
    expect(JSON.stringify(consentTexts.fa)).not.toMatch(/[\u064A\u0643]/);
    expect(JSON.stringify(consentTexts.ar)).not.toMatch(/[\u06CC\u06A9]/);
    expect(consentTexts.de.privacyNotice.join(" ")).toContain("24 Monaten");
    expect(consentTexts.de.privacyNotice.join(" ")).toContain("IHK Bildungszentrum Halle-Dessau GmbH");
  });
});
