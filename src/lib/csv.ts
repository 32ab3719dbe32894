import { stringify } from "csv-stringify/sync";

/**
 * CSV as German spreadsheet programs open it without an import dialog: UTF-8 with a byte-order
 * mark, semicolons, a header row.
 */
export function toGermanCsv(header: string[], rows: (string | number | null)[][]): string {
  return `\uFEFF${stringify([header, ...rows], { delimiter: ";", record_delimiter: "\r\n" })}`;
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
