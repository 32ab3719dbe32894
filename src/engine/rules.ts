/**
 * Rules are data with validity periods (data/matching-rules.json). The engine reads the version valid
 * on the day a rule matters for: the offer's start date for everything a pair is judged by.
 */

export type RuleEntry = { id: string; value: number; validFrom: string; validTo?: string; source?: string };
export type RuleBook = { rules: RuleEntry[] };

export type Rules = {
  permitLeadDays: number;
  ausbildungsduldungApplyMonths: number;
  ausbildungsduldungGrantMonths: number;
  duldungPriorMonths: number;
  eqMinMonths: number;
  eqMaxMonths: number;
  section16gAvailable: number;
  minAge: number;
  adultAge: number;
  j1MaxMonthsBefore: number;
  languageMonthsPerLevel: number;
  maxCommuteWithoutCarKm: number;
  maxStationKm: number;
  lateStartToleranceDays: number;
};

const ruleIds: (keyof Rules)[] = [
  "permitLeadDays",
  "ausbildungsduldungApplyMonths",
  "ausbildungsduldungGrantMonths",
  "duldungPriorMonths",
  "eqMinMonths",
  "eqMaxMonths",
  "section16gAvailable",
  "minAge",
  "adultAge",
  "j1MaxMonthsBefore",
  "languageMonthsPerLevel",
  "maxCommuteWithoutCarKm",
  "maxStationKm",
  "lateStartToleranceDays",
];

/** The rules valid on `day` (ISO date). A rule with no version valid on that day is an error, not a guess. */
export function rulesOn(book: RuleBook, day: string): Rules {
  const out = {} as Rules;
  for (const id of ruleIds) {
    const valid = book.rules.filter((r) => r.id === id && r.validFrom <= day && (!r.validTo || day <= r.validTo));
    if (valid.length !== 1) throw new Error(`rule ${id}: ${valid.length} versions valid on ${day}`);
    out[id] = (valid[0] as RuleEntry).value;
  }
  return out;
}

/**
 * The rule sets of a rule book by day, computed once per distinct day: offers share a handful of
 * start dates, so the hot loop looks a set up by a small index.
 */
export class RuleSets {
  readonly sets: Rules[] = [];
  private byDay = new Map<string, number>();
  private byKey = new Map<string, number>();
  constructor(private readonly book: RuleBook) {}
  indexOn(day: string): number {
    const known = this.byDay.get(day);
    if (known !== undefined) return known;
    const rules = rulesOn(this.book, day);
    const key = JSON.stringify(rules);
    let i = this.byKey.get(key);
    if (i === undefined) {
      i = this.sets.length;
      this.sets.push(rules);
      this.byKey.set(key, i);
    }
    this.byDay.set(day, i);
    return i;
  }
}

/**
 * The same day `months` calendar months earlier (§ 188 BGB: a day the shorter month lacks becomes its
 * last day): 1 August minus 7 months is 1 January; 31 August minus 6 months is 28/29 February.
 */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(year).padStart(4, "0")}-${pad(month + 1)}-${pad(Math.min(d, last))}`;
}
