import type { MatchStage } from "../../db/types.js";
import { monthsBefore } from "../../engine/rules.js";
import { type Msg, msg } from "../../lib/i18n/messages.js";
import type { DeadlineRule, StepCode, StepStatus } from "./schema.js";

/**
 * Due dates of a run's steps: pure, on a given "today", no I/O. Months are calendar months wherever the rule
 * says so (§ 60c Abs. 3 AufenthG: for a start on 1 August, apply from 1 January, granted from 1 February), weeks
 * and days are counted in days. Problems are warnings with what to do, never a silent past date or a refusal:
 * a due date already past, a window not yet open, an EQ or internship for the Ausbildungsduldung (it does not
 * qualify), a date that cannot be known yet (the match has not reached the stage, the previous step is open).
 */

export type PlaceKind = "training" | "entry_qualification" | "internship";

/**
 * What the dates count from. `stageDates`: the day the match reached each stage (or a later one on the way);
 * `runStart`: the day the run started (what a first step's `previous_step` rule counts from).
 */
export type RunFacts = {
  runStart: string;
  trainingStart: string;
  trainingEnd: string | null;
  placeKind: PlaceKind;
  stageDates: Partial<Record<MatchStage, string>>;
  today: string;
};

export type DeadlineStep = {
  code: StepCode | null;
  deadlines: DeadlineRule[];
  status: StepStatus;
  completedOn: string | null;
  legalBasis?: string | null;
  legalValidFrom?: string | null;
  legalValidTo?: string | null;
  /** Conditions that could not be checked when the run started. */
  unchecked?: readonly ("residence" | "age")[];
};

export type WarningCode =
  | "past_due"
  | "window_not_open"
  | "eq_no_60c"
  | "anchor_pending"
  | "residence_unknown"
  | "age_unknown"
  | "rule_not_valid";
export type StepWarning = { code: WarningCode; message: Msg; action: Msg };
export type StepDates = {
  earliestDate: string | null;
  dueDate: string | null;
  dates: { kind: DeadlineRule["kind"]; label: string | null; date: string }[];
  warnings: StepWarning[];
};

const DAY = 86_400_000;

/** A day plus (or minus) a number of days. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** Calendar months after (positive) or before (negative) a day; the 31st becomes the month's last day. */
export function addCalendarMonths(iso: string, months: number): string {
  return monthsBefore(iso, -months);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** The German way to write a day (the messages are German source texts). */
export const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** One rule applied to its anchor day. */
export function applyRule(anchor: string, rule: Pick<DeadlineRule, "amount" | "unit" | "direction">): string {
  const sign = rule.direction === "before" ? -1 : 1;
  if (rule.unit === "calendar_months") return addCalendarMonths(anchor, sign * rule.amount);
  const days = rule.unit === "weeks" ? rule.amount * 7 : rule.amount;
  return addDays(anchor, sign * days);
}

export const stageLabels: Record<MatchStage, string> = {
  suggested: "vorgeschlagen (intern)",
  proposed: "beim Betrieb vorgeschlagen",
  interview: "Vorstellungsgespräch",
  internship: "Praktikum",
  entry_qualification: "Einstiegsqualifizierung",
  contract: "Vertrag",
  registered: "eingetragen",
  started: "begonnen",
  completed: "abgeschlossen",
  declined: "abgelehnt",
  ended_early: "vorzeitig beendet",
};

const pending = (rule: DeadlineRule): StepWarning => {
  if (rule.anchor === "match_stage") {
    const stage = stageLabels[rule.stage ?? "contract"];
    return {
      code: "anchor_pending",
      message: msg("Die Frist beginnt, sobald das Match die Stufe „{stage}“ erreicht.", { stage }),
      action: "Den Schritt vorbereiten; das Datum erscheint, sobald die Stufe erreicht ist.",
    };
  }
  if (rule.anchor === "previous_step") {
    return {
      code: "anchor_pending",
      message: "Die Frist beginnt, wenn der vorige Schritt erledigt ist.",
      action: "Erst den vorigen Schritt abschließen; dann erscheint das Datum.",
    };
  }
  return {
    code: "anchor_pending",
    message: "Das Ende der Ausbildung ist nicht bekannt; die Frist lässt sich nicht berechnen.",
    action: "Dauer der Ausbildung beim Platz prüfen und die Frist von Hand im Blick behalten.",
  };
};

/** The day a rule counts from, or null when it cannot be known yet. */
function anchorDay(rule: DeadlineRule, facts: RunFacts, previousDone: string | null | undefined): string | null {
  switch (rule.anchor) {
    case "training_start":
      return facts.trainingStart;
    case "training_end":
      return facts.trainingEnd;
    case "match_stage":
      return facts.stageDates[rule.stage ?? "contract"] ?? null;
    case "previous_step":
      // The first step has no previous one: it counts from the day the run started.
      return previousDone === undefined ? facts.runStart : previousDone;
  }
}

const open = (status: StepStatus) => status === "open" || status === "in_progress";

/** The §-60c special case: only a training contract qualifies (§ 60c Abs. 1 AufenthG); an EQ or internship does not. */
function sixtyCExcluded(step: DeadlineStep, facts: RunFacts): StepWarning | null {
  if (step.code !== "ausbildungsduldung" || facts.placeKind === "training") return null;
  const kind = facts.placeKind === "entry_qualification" ? "Eine Einstiegsqualifizierung (EQ)" : "Ein Praktikum";
  return {
    code: "eq_no_60c",
    message: msg("{kind} begründet keine Ausbildungsduldung (§ 60c AufenthG).", { kind }),
    action:
      "Für diesen Platz die Beschäftigungserlaubnis der ABH einholen; die Ausbildungsduldung erst für den anschließenden Ausbildungsvertrag beantragen (frühestens 7 Kalendermonate vor dessen Beginn).",
  };
}

/**
 * The dates and warnings of every step of a run, in the run's order. `previous_step` rules count from the
 * completion of the nearest earlier step that was done (steps marked "not needed" are passed over).
 */
export function computeRunDates(steps: DeadlineStep[], facts: RunFacts): StepDates[] {
  const out: StepDates[] = [];
  let previousDone: string | null | undefined;
  for (const step of steps) {
    out.push(computeStepDates(step, facts, previousDone));
    if (step.status === "done") previousDone = step.completedOn;
    else if (step.status !== "not_needed") previousDone = null;
  }
  return out;
}

export function computeStepDates(step: DeadlineStep, facts: RunFacts, previousDone?: string | null): StepDates {
  const warnings: StepWarning[] = [];
  const dates: StepDates["dates"] = [];
  const excluded = sixtyCExcluded(step, facts);
  if (excluded) warnings.push(excluded);
  else {
    for (const rule of step.deadlines) {
      const anchor = anchorDay(rule, facts, previousDone);
      if (anchor === null) {
        if (open(step.status) && !warnings.some((w) => w.code === "anchor_pending")) warnings.push(pending(rule));
        continue;
      }
      dates.push({ kind: rule.kind, label: rule.label ?? null, date: applyRule(anchor, rule) });
    }
  }
  const earliest = dates.filter((d) => d.kind === "no_earlier_than").map((d) => d.date);
  const latest = dates.filter((d) => d.kind === "at_latest").map((d) => d.date);
  const earliestDate = earliest.length ? (earliest.sort()[0] as string) : null;
  const dueDate = latest.length ? (latest.sort()[0] as string) : null;
  if (open(step.status)) {
    if (earliestDate && facts.today < earliestDate) warnings.push(windowNotOpen(step, dates, earliestDate));
    if (dueDate && dueDate < facts.today) warnings.push(pastDue(step, dueDate, facts));
    if (step.unchecked?.includes("residence")) {
      warnings.push({
        code: "residence_unknown",
        message: "Der Aufenthaltsstatus ist nicht erfasst: ob dieser Schritt nötig ist, ist offen.",
        action: "Den Aufenthaltsstatus in der Akte erfassen oder den Schritt als „nicht nötig“ markieren.",
      });
    }
    if (step.unchecked?.includes("age")) {
      warnings.push({
        code: "age_unknown",
        message: "Das Geburtsdatum fehlt: ob die Person bei Beginn unter 18 ist, ist offen.",
        action: "Das Geburtsdatum erfassen oder den Schritt als „nicht nötig“ markieren.",
      });
    }
    const invalid = legalBasisInvalid(step, facts.trainingStart);
    if (invalid) warnings.push(invalid);
  }
  return { earliestDate, dueDate, dates, warnings };
}

function windowNotOpen(step: DeadlineStep, dates: StepDates["dates"], earliestDate: string): StepWarning {
  if (step.code === "ausbildungsduldung") {
    const windows = dates.filter((d) => d.kind === "no_earlier_than").map((d) => d.date);
    const grant = windows.sort().at(-1) ?? earliestDate;
    return {
      code: "window_not_open",
      message: msg(
        "Die Ausbildungsduldung kann erst ab {apply} beantragt und ab {grant} erteilt werden (§ 60c Abs. 3 AufenthG, Kalendermonate).",
        { apply: germanDate(earliestDate), grant: germanDate(grant) },
      ),
      action: msg(
        "Bis dahin die Unterlagen sammeln (Duldung seit 3 Monaten, Identität geklärt, Eintragung des Vertrags beantragt) und den Antrag am {apply} bei der ABH stellen.",
        { apply: germanDate(earliestDate) },
      ),
    };
  }
  return {
    code: "window_not_open",
    message: msg("Frühestens ab {date}: vorher nimmt die Stelle den Antrag nicht an.", { date: germanDate(earliestDate) }),
    action: msg("Unterlagen bis dahin vorbereiten und den Schritt am {date} angehen.", { date: germanDate(earliestDate) }),
  };
}

function pastDue(step: DeadlineStep, dueDate: string, facts: RunFacts): StepWarning {
  const counted = step.deadlines.find((r) => r.kind === "at_latest" && r.anchor === "training_start" && r.direction === "before");
  if (counted && facts.today < facts.trainingStart) {
    return {
      code: "past_due",
      message: msg("Die Frist war der {due}: bis zum Beginn am {start} bleiben nur noch {days} Tage.", {
        due: germanDate(dueDate),
        start: germanDate(facts.trainingStart),
        days: daysBetween(facts.today, facts.trainingStart),
      }),
      action: "Sofort beantragen und um eine schnelle Entscheidung bitten; reicht die Zeit nicht, den Beginn mit dem Betrieb verschieben.",
    };
  }
  return {
    code: "past_due",
    message: msg("Die Frist ist überschritten: fällig war der {due}.", { due: germanDate(dueDate) }),
    action: "Sofort erledigen oder mit der zuständigen Stelle klären, wie es weitergeht; dann den Schritt abhaken.",
  };
}

function legalBasisInvalid(step: DeadlineStep, start: string): StepWarning | null {
  const from = step.legalValidFrom ?? null;
  const to = step.legalValidTo ?? null;
  if ((from === null || from <= start) && (to === null || start <= to)) return null;
  return {
    code: "rule_not_valid",
    message: msg("Die Rechtsgrundlage ({basis}) gilt am Beginn ({start}) nicht.", {
      basis: step.legalBasis ?? "–",
      start: germanDate(start),
    }),
    action: "Den Schritt mit der Rechtslage am Beginn prüfen und die Vorlage anpassen lassen.",
  };
}
