/**
 * Printable consent form (A4) in the candidate's language: privacy notice, one box per purpose (an "X" in
 * the ticked ones), the named recipients, date and signature lines for the person and, if needed, a parent
 * or guardian. When the language is not German, a German copy follows on a new page so that the counsellor
 * can read what was signed (that copy has no signature lines: the person signs the version in their language).
 */

import type { Column } from "pdfmake/interfaces";
import { berlinDate } from "../../lib/berlin-date.js";
import { contentWidth, fontSizes, type PdfContent, para, renderPdf } from "../../lib/pdf.js";
import { type ConsentLanguage, type ConsentPurpose, type ConsentTexts, consentPurposes, consentTexts } from "./consent-texts.js";

export interface ConsentFormInput {
  language: ConsentLanguage;
  candidateName: string;
  /** yyyy-mm-dd */
  birthDate: string | null;
  purposes: ConsentPurpose[];
  /** Names of the companies and partners the person agrees to share with. */
  recipients: string[];
  /** yyyy-mm-dd or an ISO timestamp (shown as the day in Germany); null leaves the date line empty. */
  givenAt: string | null;
  organisation: string;
}

const germanLanguageNames: Record<ConsentLanguage, string> = {
  de: "Deutsch",
  en: "Englisch",
  ar: "Arabisch",
  uk: "Ukrainisch",
  fa: "Persisch (Farsi/Dari)",
};

/** A date in the usual short form of the language (Latin digits): de/uk 25.11.2026, en/ar 25/11/2026, fa 2026/11/25. */
export function formatConsentDate(value: string | null, language: ConsentLanguage): string {
  if (!value) return "";
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : berlinDate(new Date(value));
  const [y, m, d] = day.split("-");
  if (language === "de" || language === "uk") return `${d}.${m}.${y}`;
  if (language === "fa") return `${y}/${m}/${d}`;
  return `${d}/${m}/${y}`;
}

const BOX = 9;
const GAP = 6;
const noPadding = {
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
  hLineWidth: () => 0.8,
  vLineWidth: () => 0.8,
};

/** A square box; ticked ones carry an "X" (text, so that it can be found in the PDF). */
function box(ticked: boolean): Column {
  const cell = { text: ticked ? "X" : " ", bold: true, fontSize: 7.5, lineHeight: 1, alignment: "center" as const };
  return { width: BOX, margin: [0, 2.5, 0, 0], table: { widths: [BOX - 1.6], body: [[cell]] }, layout: noPadding };
}

/** Columns in reading order: reversed for right-to-left languages. */
function row(t: ConsentTexts, cells: Column[], margin: [number, number, number, number] = [0, 0, 0, 0]): PdfContent {
  return { columns: t.dir === "rtl" ? [...cells].reverse() : cells, columnGap: GAP, margin };
}

function heading(t: ConsentTexts, text: string, size: number = fontSizes.heading): PdfContent {
  return para(text, { dir: t.dir, fontSize: size, bold: true, margin: [0, 10, 0, 4] });
}

function signatureLine(t: ConsentTexts, label: string, value: string, width: number): Column {
  return {
    width,
    stack: [
      para(value || " ", { dir: t.dir, width, margin: [0, 16, 0, 0] }),
      { canvas: [{ type: "line", x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.7 }] },
      para(label, { dir: t.dir, width, fontSize: fontSizes.small, margin: [0, 2, 0, 0] }),
    ],
  };
}

function formPart(t: ConsentTexts, language: ConsentLanguage, input: ConsentFormInput, signable: boolean): PdfContent[] {
  const l = t.formLabels;
  const dir = t.dir;
  const textWidth = contentWidth - BOX - GAP;
  const content: PdfContent[] = [
    para(input.organisation, { dir, fontSize: fontSizes.small, color: "#555555" }),
    para(t.consentTitle, { dir, fontSize: fontSizes.title, bold: true, margin: [0, 6, 0, 8] }),
    para(`${l.name}: ${input.candidateName}`, { dir, bold: true }),
    para(`${l.birthDate}: ${formatConsentDate(input.birthDate, language) || "—"}`, { dir }),
    heading(t, t.privacyTitle),
    ...t.privacyNotice.map((p) => para(p, { dir, margin: [0, 0, 0, 4] })),
    heading(t, l.tick),
  ];
  for (const purpose of consentPurposes) {
    const { title, text } = t.purposes[purpose];
    const explained: Column = {
      width: "*",
      stack: [para(title, { dir, bold: true, width: textWidth }), para(text, { dir, width: textWidth })],
    };
    content.push(row(t, [box(input.purposes.includes(purpose)), explained], [0, 0, 0, 6]));
  }
  content.push(para(l.recipients, { dir, bold: true, margin: [0, 4, 0, 2] }));
  const recipients = input.recipients.length > 0 ? input.recipients : ["—"];
  for (const name of recipients) content.push(para(`• ${name}`, { dir, margin: [8, 0, 8, 0] }));
  content.push(para(t.withdrawal, { dir, margin: [0, 8, 0, 8] }));
  const label = (text: string): Column => ({ width: "auto", stack: [para(text, { dir })] });
  content.push(
    row(t, [label(l.givenBy), box(false), label(l.self), box(false), label(l.guardian), { width: "*", text: "" }], [0, 0, 0, 4]),
  );
  const half = (contentWidth - GAP) / 2;
  const given = formatConsentDate(input.givenAt, language);
  if (signable) {
    const lines = (label: string, date: string): PdfContent =>
      row(t, [signatureLine(t, l.date, date, half), signatureLine(t, label, "", half)], [0, 4, 0, 0]);
    content.push({ stack: [lines(l.signature, given), lines(l.guardianSignature, "")], unbreakable: true });
  } else {
    content.push(para(`${l.date}: ${given || "—"}`, { dir, margin: [0, 8, 0, 0] }));
  }
  return content;
}

/** The consent form as a PDF (A4); a German copy follows when the language is not German. */
export async function consentFormPdf(input: ConsentFormInput): Promise<Buffer> {
  const texts = consentTexts[input.language];
  const content = formPart(texts, input.language, input, true);
  if (input.language !== "de") {
    content.push(
      {
        text: `Deutsche Fassung zur Information. Unterschrieben wird die Fassung auf ${germanLanguageNames[input.language]}.`,
        pageBreak: "before",
        fontSize: fontSizes.small,
        italics: true,
        margin: [0, 0, 0, 6],
      },
      ...formPart(consentTexts.de, "de", input, false),
    );
  }
  return renderPdf({
    language: input.language,
    info: { title: `${texts.consentTitle} – ${input.candidateName}`, subject: texts.privacyTitle },
    content,
    footer: (current: number, total: number) =>
      para(`${input.candidateName} · ${current}/${total}`, {
        dir: texts.dir,
        fontSize: fontSizes.small,
        color: "#555555",
        margin: [50, 20, 50, 0],
        width: contentWidth,
      }),
  });
}
