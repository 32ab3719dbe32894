import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { contentWidth, hasRtl, pageMargins, para, renderPdf } from "./pdf.js";

type Item = { str: string; x: number; y: number; width: number };

/** Text pieces of page 1 with their position (pdfjs gives Arabic pieces back in logical order). */
async function items(pdf: Buffer): Promise<Item[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  const out: Item[] = [];
  for (const item of content.items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    out.push({ str: item.str.trim(), x: item.transform[4] as number, y: item.transform[5] as number, width: item.width });
  }
  await doc.destroy();
  return out;
}

/** The pieces of the line at height y, left to right. */
function lineAt(all: Item[], y: number): string[] {
  return all
    .filter((i) => Math.abs(i.y - y) < 2)
    .sort((a, b) => a.x - b.x)
    .map((i) => i.str);
}

describe("renderPdf", () => {
  it("renders a small A4 PDF with Latin, German and Cyrillic text", async () => {
    const pdf = await renderPdf({ content: [para("Grüße aus Halle (Saale) – Привіт із Києва")] });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeLessThan(1_000_000);
    const text = (await items(pdf)).map((i) => i.str).join(" ");
    expect(text).toContain("Grüße aus Halle (Saale)");
    expect(text).toContain("Привіт із Києва");
  });
});

describe("para", () => {
  it("leaves left-to-right text without Arabic to pdfmake", () => {
    expect(para("Hallo Welt", { fontSize: 9 })).toEqual({ text: "Hallo Welt", fontSize: 9, bold: false, alignment: "left" });
    expect(hasRtl("Олена")).toBe(false);
    expect(hasRtl("محمد")).toBe(true);
  });

  it("puts the words of an Arabic sentence right to left, numbers and Latin words unreversed", async () => {
    const pdf = await renderPdf({ content: [para("مرحبا بك في Lotse يوم 25.11.2026", { dir: "rtl" })] });
    const all = await items(pdf);
    const first = all.find((i) => i.str === "مرحبا");
    expect(first).toBeDefined();
    // Read left to right on the page: the sentence's last word is leftmost.
    expect(lineAt(all, first?.y ?? 0)).toEqual(["25.11.2026", "يوم", "Lotse", "في", "بك", "مرحبا"]);
    // Right-aligned: the first word ends at the right margin.
    const right = pageMargins[0] + contentWidth;
    expect(Math.abs((first?.x ?? 0) + (first?.width ?? 0) - right)).toBeLessThan(1);
  });

  it("keeps an e-mail address and a bracketed Latin word intact inside Arabic", async () => {
    const pdf = await renderPdf({ content: [para("راسلنا على info@lotse-halle.de (Lotse).", { dir: "rtl" })] });
    const all = await items(pdf);
    // "info@lotse-halle.de (Lotse)" is one left-to-right run; the final full stop ends up leftmost.
    expect(lineAt(all, all[0]?.y ?? 0).join("")).toBe(".info@lotse-halle.de(Lotse)علىراسلنا");
  });

  it("mirrors brackets around Arabic words", async () => {
    const pdf = await renderPdf({ content: [para("راسلنا (مكتب كاوزا).", { dir: "rtl" })] });
    const all = await items(pdf);
    expect(lineAt(all, all[0]?.y ?? 0).join("")).toBe(".(كاوزامكتب)راسلنا");
  });

  it("orders an Arabic name inside a left-to-right line", async () => {
    const pdf = await renderPdf({ content: [para("Name: محمد أحمد (Mohammed) 2026")] });
    const all = await items(pdf);
    expect(lineAt(all, all[0]?.y ?? 0)).toEqual(["Name:", "أحمد", "محمد", "(Mohammed)", "2026"]);
  });

  it("breaks long right-to-left paragraphs into lines within the given width", async () => {
    const sentence = "نحذف بياناتك بعد 24 شهراً من نهاية الاستشارة. ";
    const width = 200;
    const pdf = await renderPdf({ content: [para(sentence.repeat(6), { dir: "rtl", width })] });
    const all = await items(pdf);
    const right = pageMargins[0] + contentWidth;
    const lines = new Set(all.map((i) => Math.round(i.y)));
    expect(lines.size).toBeGreaterThanOrEqual(4);
    for (const item of all) {
      expect(item.x + item.width).toBeLessThanOrEqual(right + 0.5);
      expect(item.x).toBeGreaterThanOrEqual(right - width - 0.5);
    }
    expect(all.filter((i) => i.str === "24")).toHaveLength(6);
    expect(all.filter((i) => i.str === "الاستشارة")).toHaveLength(6);
  });

  it("keeps Persian words with a zero-width non-joiner in one piece", async () => {
    const pdf = await renderPdf({ content: [para("ما اطلاعات شما را نگه می‌داریم.", { dir: "rtl" })] });
    const all = await items(pdf);
    expect(lineAt(all, all[0]?.y ?? 0).map((s) => s.replace(/[\u200c\s]/g, ""))).toEqual([
      ".",
      "میداریم",
      "نگه",
      "را",
      "شما",
      "اطلاعات",
      "ما",
    ]);
  });
});
