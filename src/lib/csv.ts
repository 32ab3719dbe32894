import { stringify } from "csv-stringify/sync";

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, or a tab/carriage return before one)
 * gets a leading apostrophe: the text stays readable and nothing is executed (OWASP CSV injection).
 */
export function neutraliseFormula(value: string | number | null): string | number | null {
  if (typeof value !== "string") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * CSV as German spreadsheet programs open it without an import dialog: UTF-8 with a byte-order
 * mark, semicolons, a header row; no cell is run as a formula.
 */
export function toGermanCsv(header: string[], rows: (string | number | null)[][]): string {
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map(neutraliseFormula))], { delimiter: ";", record_delimiter: "\r\n" })}`;
}

const berlin = new Intl.DateTimeFormat("de-DE", {
  timeZone: "Europe/Berlin",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
/** 24.11.2026, 14:30 (Berlin time). */
export const germanDateTime = (iso: string) => berlin.format(new Date(iso));
