/**
 * PDF rendering on pdfmake (server side, no network, fonts from data/fonts) with right-to-left support.
 *
 * Fonts: Noto Sans (Latin, Cyrillic, digits, punctuation) and Noto Naskh Arabic (Arabic and Persian letters).
 * Each piece of text gets the font that has its glyphs; pdfkit embeds only the glyphs used.
 *
 * Right-to-left: pdfmake lays words out left to right in logical order and never reorders text. pdfkit hands
 * each space-free piece to fontkit, which shapes Arabic (joined letter forms) and reverses the glyphs of a piece
 * whose first script letter is right-to-left (Arabic, Hebrew, ...), but leaves digits and Latin alone.
 * So for any text with RTL letters, or with an RTL base direction, `para()` does the work itself:
 *  1. bidi-js resolves the Unicode bidi embedding levels of the paragraph (base direction rtl/ltr/auto);
 *  2. the paragraph is broken into lines greedily, measuring each piece with the same font, size and
 *     shaping (fontkit) that pdfkit will use;
 *  3. each line is reordered to visual order (bidi-js, rule L2) and cut into chunks of equal level and
 *     font, never spanning a space; mirrored characters such as brackets are swapped on odd levels;
 *  4. each chunk becomes one unwrappable pdfmake inline; a chunk that fontkit will reverse (Arabic letters)
 *     is handed over in logical order (so shaping sees the right neighbours), every other chunk in visual
 *     order. Lines are stacked and aligned right (rtl) or left (ltr).
 * Limits: the caller must know the available width (default: the A4 content width; pass the column width in
 * tables); no justification, no hyphenation; a word wider than the line is cut between characters; no
 * explicit bidi controls beyond what bidi-js resolves; Hebrew and other RTL scripts reorder correctly but
 * have no font here; kerning between two chunks of one word (e.g. a letter and a bracket) is lost.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import bidiFactory from "bidi-js";
import type { Content, Margins, TDocumentDefinitions } from "pdfmake/interfaces";

export type PdfDocument = TDocumentDefinitions;
export type PdfContent = Content;
export type TextDirection = "ltr" | "rtl";

/** Font sizes in pt used by the Lotse PDFs. Arabic-script text is set a little larger (Naskh runs small). */
export const fontSizes = { title: 16, heading: 12, body: 10, small: 8.5 } as const;
export const arabicScale = 1.12;
/** Naskh reserves a deep descent for marks below; this keeps Arabic lines about as tall as Latin ones. */
const arabicLineHeight = 0.95;
/** A4 in pt and the default margins (left, top, right, bottom). */
export const pageMargins: [number, number, number, number] = [50, 50, 50, 56];
export const contentWidth = 595.28 - pageMargins[0] - pageMargins[2];

const FONT_DIR = fileURLToPath(new URL("../../data/fonts/", import.meta.url));
const FACES = {
  NotoSans: { normal: "NotoSans-Regular.ttf", bold: "NotoSans-Bold.ttf" },
  NotoNaskhArabic: { normal: "NotoNaskhArabic-Regular.ttf", bold: "NotoNaskhArabic-Bold.ttf" },
} as const;
type Face = keyof typeof FACES;
export const latinFont: Face = "NotoSans";
export const arabicFont: Face = "NotoNaskhArabic";

interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}
const require = createRequire(import.meta.url);
const pdfmake = require("pdfmake") as typeof import("pdfmake");
// The fontkit that pdfkit itself uses, so that measuring and rendering shape text alike.
const fontkit = createRequire(createRequire(require.resolve("pdfmake")).resolve("pdfkit"))("fontkit") as {
  create(buffer: Buffer): FontkitFont;
};
const bidi = bidiFactory();

type Loaded = Record<Face, { normal: Buffer; bold: Buffer; fk: { normal: FontkitFont; bold: FontkitFont } }>;
let loaded: Loaded | null = null;
function fonts(): Loaded {
  if (!loaded) {
    const load = (face: Face) => {
      const normal = readFileSync(FONT_DIR + FACES[face].normal);
      const bold = readFileSync(FONT_DIR + FACES[face].bold);
      return { normal, bold, fk: { normal: fontkit.create(normal), bold: fontkit.create(bold) } };
    };
    loaded = { NotoSans: load("NotoSans"), NotoNaskhArabic: load("NotoNaskhArabic") };
  }
  return loaded;
}

const widthCache = new Map<string, number>();
/** Width in pt of a space-free piece, as pdfkit will measure it. */
export function textWidth(text: string, face: Face, bold: boolean, size: number): number {
  const key = `${face}|${bold ? 1 : 0}|${text}`;
  let units = widthCache.get(key);
  if (units === undefined) {
    const font = fonts()[face].fk[bold ? "bold" : "normal"];
    units = font.layout(text).advanceWidth / font.unitsPerEm;
    if (widthCache.size > 50_000) widthCache.clear();
    widthCache.set(key, units);
  }
  return units * size;
}

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const SCRIPT_CHAR = /[^\p{Script=Common}\p{Script=Inherited}]/u;
/** Characters set in Noto Naskh Arabic: the Arabic blocks and the joiners used inside Persian words. */
const ARABIC_BLOCKS = "\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF\\u200C\\u200D";
const ARABIC_FONT_CHAR = new RegExp(`[${ARABIC_BLOCKS}]`);
const FONT_RUNS = new RegExp(`[${ARABIC_BLOCKS}]+|[^${ARABIC_BLOCKS}]+`, "g");

export function hasRtl(text: string): boolean {
  return RTL_LETTER.test(text);
}

/** Does fontkit reverse this piece? Same rule as fontkit: the first character with a real script decides. */
function fontkitReverses(piece: string): boolean {
  const first = SCRIPT_CHAR.exec(piece);
  return first !== null && RTL_LETTER.test(first[0]);
}

export interface ParaOptions {
  /** Base direction; "auto" takes the first strong letter (use it for names and free-text values). */
  dir?: TextDirection | "auto";
  /** Available width in pt (default: A4 content width). Needed only for text with RTL content. */
  width?: number;
  fontSize?: number;
  bold?: boolean;
  color?: string;
  margin?: Margins;
  alignment?: "left" | "right" | "center";
}

type Inline = { text: string; font?: Face; fontSize?: number; lineHeight?: number; noWrap: true };

/** A paragraph of text in any of the supported scripts; "\n" starts a new line. */
export function para(text: string, options: ParaOptions = {}): Content {
  const fontSize = options.fontSize ?? fontSizes.body;
  const bold = options.bold ?? false;
  const base: TextDirection =
    options.dir === "auto" ? (bidi.getEmbeddingLevels(text, "auto").paragraphs[0]?.level === 1 ? "rtl" : "ltr") : (options.dir ?? "ltr");
  const alignment = options.alignment ?? (base === "rtl" ? "right" : "left");
  const style = {
    fontSize,
    bold,
    alignment,
    ...(options.color ? { color: options.color } : {}),
    ...(options.margin ? { margin: options.margin } : {}),
  };
  if (base === "ltr" && !hasRtl(text)) return { text, ...style };
  const width = (options.width ?? contentWidth) - 0.5;
  const lines = text.split(/\r?\n/).flatMap((p) => layoutParagraph(p, base, width, fontSize, bold));
  return { stack: lines.map((inlines) => ({ text: inlines.length > 0 ? inlines : " " })), ...style };
}

function faceOf(char: string): Face {
  return ARABIC_FONT_CHAR.test(char) ? arabicFont : latinFont;
}

function pieceWidth(text: string, bold: boolean, size: number): number {
  let width = 0;
  for (const run of text.match(FONT_RUNS) ?? []) {
    const face = faceOf(run.charAt(0));
    width += textWidth(run, face, bold, face === arabicFont ? size * arabicScale : size);
  }
  return width;
}

/** Greedy line breaking on spaces; returns [start, end) ranges into the normalised paragraph. */
function breakLines(p: string, width: number, size: number, bold: boolean): [number, number][] {
  const space = textWidth(" ", latinFont, bold, size);
  const lines: [number, number][] = [];
  let start = -1;
  let end = 0;
  let used = 0;
  for (const match of p.matchAll(/\S+/g)) {
    let from = match.index;
    const to = from + match[0].length;
    let w = pieceWidth(match[0], bold, size);
    if (start >= 0 && used + space + w <= width) {
      used += space + w;
      end = to;
      continue;
    }
    if (start >= 0) lines.push([start, end]);
    // A word wider than the line is cut between characters.
    while (w > width) {
      let cut = from + 1;
      while (cut < to && pieceWidth(p.slice(from, cut + 1), bold, size) <= width) cut++;
      lines.push([from, cut]);
      from = cut;
      w = pieceWidth(p.slice(from, to), bold, size);
    }
    start = from;
    end = to;
    used = w;
  }
  if (start >= 0) lines.push([start, end]);
  return lines;
}

function layoutParagraph(raw: string, base: TextDirection, width: number, size: number, bold: boolean): Inline[][] {
  const p = raw.replace(/\s+/g, " ").trim();
  if (p === "") return [[]];
  const levels = bidi.getEmbeddingLevels(p, base);
  return breakLines(p, width, size, bold).map(([start, end]) => {
    // bidi-js returns indices for the whole string, reordered only inside the line.
    const order = bidi.getReorderedIndices(p, levels, start, end - 1).slice(start, end);
    const inlines: Inline[] = [];
    let chunk = "";
    let chunkKey = "";
    const flush = () => {
      if (chunk === "") return;
      if (chunk.trim() === "") inlines.push({ text: chunk, noWrap: true });
      else {
        const face = faceOf(chunk.charAt(0));
        const text = fontkitReverses(chunk) ? Array.from(chunk).reverse().join("") : chunk;
        inlines.push(
          face === arabicFont
            ? { text, font: face, fontSize: size * arabicScale, lineHeight: arabicLineHeight, noWrap: true }
            : { text, noWrap: true },
        );
      }
      chunk = "";
    };
    let lastLevel = 0;
    for (const i of order) {
      const char = p.charAt(i);
      // Joiners (bidi class BN) carry no level of their own: keep them in the chunk around them.
      const level = char === "\u200C" || char === "\u200D" ? lastLevel : (levels.levels[i] ?? 0);
      lastLevel = level;
      const key = char === " " ? "space" : `${level}|${faceOf(char)}`;
      if (key !== chunkKey) flush();
      chunkKey = key;
      chunk += level % 2 === 1 ? (bidi.getMirroredCharacter(char) ?? char) : char;
    }
    flush();
    return inlines;
  });
}

/** Renders a document to a PDF buffer (A4, Noto fonts, body 10 pt unless the document says otherwise). */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  // pdfmake is a process-wide singleton: register our faces (keeps any others) before each run.
  const face = (name: Face) => {
    const { normal, bold } = FACES[name];
    return { normal: FONT_DIR + normal, bold: FONT_DIR + bold, italics: FONT_DIR + normal, bolditalics: FONT_DIR + bold };
  };
  pdfmake.addFonts({ NotoSans: face("NotoSans"), NotoNaskhArabic: face("NotoNaskhArabic") });
  // Nothing is fetched from the network, and only the font files may be read from disk (images: data URLs).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(FONT_DIR));
  const definition: PdfDocument = {
    pageSize: "A4",
    pageMargins,
    ...doc,
    defaultStyle: { font: latinFont, fontSize: fontSizes.body, lineHeight: 1.15, ...doc.defaultStyle },
    info: { producer: "Lotse", creator: "Lotse", ...doc.info },
  };
  return pdfmake.createPdf(definition).getBuffer();
}
