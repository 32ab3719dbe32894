import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { DomainError, fail } from "../../lib/errors.js";
import { msg } from "../../lib/i18n/messages.js";

/** One data row of a CSV or XLSX file: its number as a spreadsheet shows it (header = 1) and its cells as text. */
export type SheetRecord = { row: number; cells: string[] };

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const isZip = (bytes: Uint8Array) => zipMagic.every((b, i) => bytes[i] === b);

const unreadable = (detail: string) => fail.invalid({ file: [detail] }, detail);

function checkCsvBytes(bytes: Uint8Array): void {
  if (bytes.length === 0) throw unreadable("Die Datei ist leer.");
  if (isZip(bytes)) throw unreadable("Das ist eine XLSX-Datei (Excel), keine CSV-Datei. Bitte als Format xlsx wählen.");
  if (bytes.subarray(0, 65_536).includes(0)) throw unreadable("Die Datei ist keine Textdatei und kann nicht als CSV gelesen werden.");
}

/** The delimiter of the header line: semicolon (German spreadsheets), comma or tab, whichever occurs most outside quotes. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [";", 0],
    [",", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ";";
}

/** The file as a stream of text for the parser: UTF-8 (with or without BOM) as it is; anything else read as Windows-1252. */
function csvInput(bytes: Uint8Array): { stream: Readable; head: string } {
  if (isUtf8(bytes)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const chunks = function* () {
      for (let i = 0; i < buffer.length; i += 65_536) yield buffer.subarray(i, i + 65_536);
    };
    return {
      stream: Readable.from(chunks()),
      head: buffer
        .subarray(0, 65_536)
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
    };
  }
  // Excel's "CSV (Trennzeichen-getrennt)" writes Windows-1252 on German systems.
  const text = new TextDecoder("windows-1252").decode(bytes);
  const chunks = function* () {
    for (let i = 0; i < text.length; i += 65_536) yield text.slice(i, i + 65_536);
  };
  return { stream: Readable.from(chunks()), head: text.slice(0, 65_536) };
}

type CsvRow = { record: string[]; info: { lines: number } };

async function* csvRows(bytes: Uint8Array): AsyncGenerator<SheetRecord> {
  checkCsvBytes(bytes);
  const { stream, head } = csvInput(bytes);
  const parser = stream.pipe(
    parse({
      delimiter: detectDelimiter(head),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
      max_record_size: 1_000_000,
    }),
  );
  let line = 0;
  try {
    for await (const r of parser as AsyncIterable<CsvRow>) {
      line = r.info.lines;
      yield { row: r.info.lines, cells: r.record };
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const at = (e as { lines?: number }).lines ?? line + 1;
    throw fail.invalid(
      { file: [msg("Die CSV-Datei ist ab Zeile {line} nicht lesbar. Bitte Anführungszeichen und Trennzeichen prüfen.", { line: at })] },
      msg("Die CSV-Datei ist ab Zeile {line} nicht lesbar. Bitte Anführungszeichen und Trennzeichen prüfen.", { line: at }),
    );
  } finally {
    parser.destroy();
  }
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A cell of exceljs as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : isoDay(value);
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText))
      return v.richText
        .map((p) => p.text)
        .join("")
        .trim();
    if ("result" in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return "";
}

async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<SheetRecord> {
  if (bytes.length === 0) throw unreadable("Die Datei ist leer.");
  if (!isZip(bytes)) throw unreadable("Die Datei ist keine XLSX-Datei (Excel-Arbeitsmappe). Für CSV bitte das Format csv wählen.");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (cells.some((c) => c !== "")) yield { row: row.number, cells };
      }
      return; // The first worksheet only.
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw unreadable("Die XLSX-Datei ist beschädigt oder nicht lesbar.");
  }
}

/** The rows of a spreadsheet file, header first. Streamed: memory does not grow with the file's length. */
export function sheetRows(format: "csv" | "xlsx", bytes: Uint8Array): AsyncGenerator<SheetRecord> {
  return format === "csv" ? csvRows(bytes) : xlsxRows(bytes);
}

/** The header row (column names, empty ones named by their position). */
export async function readColumns(format: "csv" | "xlsx", bytes: Uint8Array): Promise<string[]> {
  const rows = sheetRows(format, bytes);
  try {
    const first = await rows.next();
    if (first.done) throw unreadable("Die Datei enthält keine Zeilen.");
    return first.value.cells.map((c, i) => c || `Spalte ${i + 1}`);
  } finally {
    await rows.return(undefined);
  }
}

/** How many rows a file has, for the progress bar (CSV: its line breaks; XLSX: one quick pass). */
export async function estimateRows(format: "csv" | "xlsx", bytes: Uint8Array): Promise<number> {
  if (format === "csv") {
    let n = 0;
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
    return Math.max(1, n);
  }
  let n = 0;
  for await (const _ of sheetRows(format, bytes)) n++;
  return Math.max(1, n - 1);
}
