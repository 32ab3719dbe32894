/**
 * A readable PDF of everything held about a person (Art. 15 DSGVO access request): one table of
 * label/value rows per section. Values may be in any script (Arabic or Cyrillic names) and long texts wrap;
 * each value takes its direction from its own first letter.
 */
import { contentWidth, fontSizes, type PdfContent, para, renderPdf } from "../../lib/pdf.js";

export interface RecordPdfInput {
  title: string;
  subtitle?: string;
  language: "de" | "en";
  sections: { heading: string; rows: [string, string][] }[];
}

const labels = {
  de: { empty: "Keine Einträge.", page: "Seite" },
  en: { empty: "No entries.", page: "Page" },
} as const;

const LABEL_WIDTH = 150;
const PADDING = 4;
const VALUE_WIDTH = contentWidth - LABEL_WIDTH - 4 * PADDING;

const tableLayout = {
  hLineWidth: (i: number) => (i === 0 ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => "#cccccc",
  paddingLeft: () => PADDING,
  paddingRight: () => PADDING,
  paddingTop: () => 3,
  paddingBottom: () => 3,
  fillColor: (i: number) => (i % 2 === 1 ? "#f3f4f6" : null),
};

function section(heading: string, rows: [string, string][], empty: string): PdfContent[] {
  const title = para(heading, { fontSize: fontSizes.heading, bold: true, margin: [0, 14, 0, 4] });
  if (rows.length === 0) return [title, para(empty, { color: "#555555" })];
  const body = rows.map(([label, value]) => [
    para(label, { dir: "auto", bold: true, width: LABEL_WIDTH }),
    para(value === "" ? "—" : value, { dir: "auto", width: VALUE_WIDTH }),
  ]);
  return [title, { table: { widths: [LABEL_WIDTH, VALUE_WIDTH], body, dontBreakRows: true }, layout: tableLayout }];
}

export async function recordPdf(input: RecordPdfInput): Promise<Buffer> {
  const l = labels[input.language];
  const content: PdfContent[] = [para(input.title, { fontSize: fontSizes.title, bold: true, margin: [0, 0, 0, 4] })];
  if (input.subtitle) content.push(para(input.subtitle, { color: "#555555" }));
  for (const s of input.sections) content.push(...section(s.heading, s.rows, l.empty));
  return renderPdf({
    language: input.language,
    info: { title: input.title },
    content,
    footer: (current: number, total: number) =>
      para(`${input.title} · ${l.page} ${current} / ${total}`, { fontSize: fontSizes.small, color: "#555555", margin: [50, 20, 50, 0] }),
  });
}
