/** Rules are data with validity periods (data/matching-rules.json); the engine reads the version valid on a day. */

export type RuleEntry = { id: string; value: number; validFrom: string; validTo?: string; source?: string };
export type RuleBook = { rules: RuleEntry[] };

export type Rules = {
  permitLeadDays: number;
  ausbildungsduldungApplyMaxDays: number;
  ausbildungsduldungGrantMaxDays: number;
  eqMinMonths: number;
  eqMaxMonths: number;
  section16gAvailable: number;
  languageMonthsPerLevel: number;
  maxCommuteWithoutCarKm: number;
  maxStationKm: number;
  lateStartToleranceDays: number;
};

const ruleIds: (keyof Rules)[] = [
  "permitLeadDays",
  "ausbildungsduldungApplyMaxDays",
  "ausbildungsduldungGrantMaxDays",
  "eqMinMonths",
  "eqMaxMonths",
  "section16gAvailable",
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
