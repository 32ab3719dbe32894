import type { PlaceKind } from "./deadlines.js";
import type { LeadActor } from "./schema.js";

/**
 * Which of a template's steps apply to one match: pure. A step with conditions applies when every condition
 * holds (residence status, kind of place, under 18 at the training start). A step led by the immigration office
 * never applies to a citizen (German, EU, EEA, Swiss), with or without a condition. A condition that cannot be
 * checked (status or birth date not recorded) keeps the step and says so (`unchecked`), it never drops it.
 */

export type ResidenceStatus = "citizen" | "permit_work_allowed" | "gestattung" | "duldung" | "ausbildungsduldung" | "permit_16g" | "other";

export type ConditionedStep = {
  leadActor: LeadActor;
  conditions: { residenceStatuses: readonly string[] | null; placeKinds: readonly string[] | null; under18: boolean | null };
};

export type PersonFacts = {
  /** null: not recorded. */
  residenceStatus: ResidenceStatus | null;
  placeKind: PlaceKind;
  /** null: the birth date is not recorded. */
  under18AtStart: boolean | null;
};

export type Selection = { applies: boolean; unchecked: ("residence" | "age")[]; residenceBound: boolean };

export function selectStep(step: ConditionedStep, facts: PersonFacts): Selection {
  const unchecked: ("residence" | "age")[] = [];
  const { residenceStatuses, placeKinds, under18 } = step.conditions;
  const residenceBound = residenceStatuses !== null || step.leadActor === "immigration_office";
  const no = { applies: false, unchecked: [], residenceBound };
  if (placeKinds !== null && !placeKinds.includes(facts.placeKind)) return no;
  if (residenceStatuses !== null) {
    if (facts.residenceStatus === null) unchecked.push("residence");
    else if (!residenceStatuses.includes(facts.residenceStatus)) return no;
  } else if (step.leadActor === "immigration_office") {
    if (facts.residenceStatus === "citizen") return no;
    if (facts.residenceStatus === null) unchecked.push("residence");
  }
  if (under18 !== null) {
    if (facts.under18AtStart === null) unchecked.push("age");
    else if (facts.under18AtStart !== under18) return no;
  }
  return { applies: true, unchecked, residenceBound };
}

/** Whether a person born on `birthDate` is under 18 on `day` (both YYYY-MM-DD). */
export function under18On(birthDate: string | null, day: string): boolean | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age < 18;
}
