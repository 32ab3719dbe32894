/**
 * Calendar days as the API sends them ("2026-11-24") and as people read them: 24.11.2026 in German,
 * 24 Nov 2026 in English. A day has no time zone: it is formatted in UTC, so it never shifts.
 */
const dayFormats = {
  de: new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }),
};
const berlinDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });

const asUtc = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
};

export const formatDay = (iso: string, lang = "de") => (lang === "en" ? dayFormats.en : dayFormats.de).format(asUtc(iso));

/** The day of a point in time (an ISO timestamp) in Berlin, formatted like `formatDay`. */
export const formatDayOf = (timestamp: string, lang = "de") => formatDay(berlinDay.format(new Date(timestamp)), lang);

/** Today in Berlin as "YYYY-MM-DD" (the value of a date field). */
export const todayIso = (now = new Date()) => berlinDay.format(now);

export const addDays = (iso: string, days: number) => {
  const d = asUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** "Mittwoch, 25. November 2026" */
export const formatLongDay = (iso: string, lang = "de") =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "de-DE", { dateStyle: "full", timeZone: "UTC" }).format(asUtc(iso));
