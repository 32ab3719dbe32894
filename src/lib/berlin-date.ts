const berlinDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day (YYYY-MM-DD) in Germany at a moment: what "today" means for due dates and records. */
export const berlinDate = (at: Date): string => berlinDay.format(at);

/** The German calendar day `days` after the one at `at`. */
export function berlinDatePlus(at: Date, days: number): string {
  const [y, m, d] = berlinDate(at).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
