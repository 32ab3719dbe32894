const dateTime = new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Berlin" });
const date = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" });
const number = new Intl.NumberFormat("de-DE");

/** 24.11.2026, 14:30 Uhr */
export const formatDateTime = (iso: string, lang = "de") =>
  lang === "de"
    ? `${date.format(new Date(iso))}, ${new Intl.DateTimeFormat("de-DE", { timeStyle: "short", timeZone: "Europe/Berlin" }).format(new Date(iso))} Uhr`
    : dateTime.format(new Date(iso));
export const formatNumber = (n: number) => number.format(n);
