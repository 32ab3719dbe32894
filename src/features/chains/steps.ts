import { addFieldError, DomainError, fail, newFieldErrors } from "../../lib/errors.js";
import { msg } from "../../lib/i18n/messages.js";
import { districtName } from "../geo/service.js";
import type { TemplateRow } from "./repository.js";
import {
  type ChainStep,
  type CheckField,
  checkFields,
  type DeadlineRule,
  type LeadActor,
  type StepCode,
  type StepInput,
  type Template,
  type TemplateSummary,
} from "./schema.js";
import type { StepRow, StepWrite } from "./step-repository.js";

/** Rows of the template tables as the API shows them, and step input as the tables take it. */

export function toStep(r: StepRow): ChainStep {
  return {
    id: r.id,
    position: r.position,
    code: r.code as StepCode | null,
    title: r.title,
    description: r.description,
    leadActor: r.lead_actor as LeadActor,
    supportingActors: r.supporting_actors as LeadActor[],
    organisationName: r.organisation_name,
    organisationContact: r.organisation_contact,
    documents: r.documents,
    legalBasis: r.legal_basis,
    legalValidFrom: r.legal_valid_from,
    legalValidTo: r.legal_valid_to,
    typicalDurationDays: r.typical_duration_days,
    deadlines: r.deadlines.map((d) => ({ ...d, stage: d.stage ?? null, label: d.label ?? null })),
    conditions: {
      residenceStatuses: r.condition_residence as ChainStep["conditions"]["residenceStatuses"],
      placeKinds: r.condition_place_kinds as ChainStep["conditions"]["placeKinds"],
      under18: r.condition_under18,
    },
    local: r.local,
    candidateFacing: r.candidate_facing,
    toCheck: checkFields.filter((f) => r.to_check.includes(f)),
    sourceStepId: r.source_step_id,
  };
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
export const districtNames = (districts: string[] | null) => (districts ? districts.map((a) => districtName(a) ?? a) : ["Alle Kreise"]);

export function toSummary(r: TemplateRow): TemplateSummary {
  return {
    id: r.id,
    name: r.name,
    districts: r.districts,
    districtNames: districtNames(r.districts),
    version: r.version,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status,
    sourceTemplateId: r.source_template_id,
    sourceName: r.source_name,
    publishedAt: iso(r.published_at),
    retiredAt: iso(r.retired_at),
    stepCount: r.step_count,
    toCheckCount: r.to_check_count,
    runCount: r.run_count,
    createdAt: iso(r.created_at) as string,
    updatedAt: iso(r.updated_at) as string,
  };
}

export const toTemplate = (r: TemplateRow, steps: StepRow[]): Template => ({ ...toSummary(r), note: r.note, steps: steps.map(toStep) });

/** Names of the fields a transfer marks, for messages, in the reader's language. */
export const checkFieldLabels: Record<"de" | "en", Record<CheckField, string>> = {
  de: { organisation: "Stelle", contact: "Kontakt", step: "ob der Schritt hier gilt" },
  en: { organisation: "office", contact: "contact", step: "whether the step applies here" },
};

const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];

/** Checks a step's rules beyond its shape: a stage for stage rules, dates in order. Field paths like zod's. */
function checkStep(input: StepInput, i: number, errors: ReturnType<typeof newFieldErrors>) {
  for (const [j, rule] of (input.deadlines ?? []).entries()) {
    if (rule.anchor === "match_stage" && !rule.stage) addFieldError(errors, `steps.${i}.deadlines.${j}.stage`, "Stufe des Matches angeben");
  }
  if (input.legalValidFrom && input.legalValidTo && input.legalValidTo < input.legalValidFrom) {
    addFieldError(errors, `steps.${i}.legalValidTo`, "Das Ende liegt vor dem Beginn");
  }
}

/**
 * Step input → what the table stores. A step with an id keeps its identity (and where it was copied from);
 * its "to check" marks are what the input says, or else the old marks without the fields this input changes.
 */
export function stepWrites(inputs: StepInput[], existing: StepRow[]): StepWrite[] {
  const errors = newFieldErrors();
  const byId = new Map(existing.map((s) => [s.id, s]));
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    checkStep(input, i, errors);
    if (input.id && (!byId.has(input.id) || seen.has(input.id)))
      addFieldError(errors, `steps.${i}.id`, "Unbekannter oder doppelter Schritt");
    if (input.id) seen.add(input.id);
  });
  if (Object.keys(errors).length) throw new DomainError("invalid", "Bitte prüfen Sie die markierten Angaben.", { fields: errors });
  return inputs.map((input, i) => {
    const old = input.id ? byId.get(input.id) : undefined;
    const organisation = input.organisationName ?? null;
    const contact = input.organisationContact ?? null;
    let toCheck: string[];
    if (input.toCheck) toCheck = uniq(input.toCheck);
    else if (old) {
      toCheck = old.to_check.filter(
        (f) =>
          !(f === "organisation" && organisation !== old.organisation_name) && !(f === "contact" && contact !== old.organisation_contact),
      );
    } else toCheck = [];
    const c = input.conditions ?? {};
    return {
      id: input.id,
      position: i + 1,
      code: input.code ?? null,
      title: input.title,
      description: input.description ?? null,
      lead_actor: input.leadActor,
      supporting_actors: uniq(input.supportingActors ?? []),
      organisation_name: organisation,
      organisation_contact: contact,
      documents: input.documents ?? [],
      legal_basis: input.legalBasis ?? null,
      legal_valid_from: input.legalValidFrom ?? null,
      legal_valid_to: input.legalValidTo ?? null,
      typical_duration_days: input.typicalDurationDays ?? null,
      deadlines: (input.deadlines ?? []).map((d) => ({
        anchor: d.anchor,
        stage: d.anchor === "match_stage" ? (d.stage ?? null) : null,
        amount: d.amount,
        unit: d.unit,
        direction: d.direction,
        kind: d.kind,
        label: d.label ?? null,
      })),
      condition_residence: c.residenceStatuses?.length ? uniq(c.residenceStatuses) : null,
      condition_place_kinds: c.placeKinds?.length ? uniq(c.placeKinds) : null,
      condition_under18: c.under18 ?? null,
      local: input.local ?? false,
      candidate_facing: input.candidateFacing ?? false,
      to_check: checkFields.filter((f) => toCheck.includes(f)),
      source_step_id: old?.source_step_id ?? null,
    };
  });
}

/** A stored step as input again (copies: a transfer, a new version). */
export function stepAsInput(s: StepRow): StepInput {
  return {
    code: s.code as StepCode | null,
    title: s.title,
    description: s.description,
    leadActor: s.lead_actor as LeadActor,
    supportingActors: s.supporting_actors as LeadActor[],
    organisationName: s.organisation_name,
    organisationContact: s.organisation_contact,
    documents: s.documents,
    legalBasis: s.legal_basis,
    legalValidFrom: s.legal_valid_from,
    legalValidTo: s.legal_valid_to,
    typicalDurationDays: s.typical_duration_days,
    deadlines: s.deadlines as DeadlineRule[],
    conditions: {
      residenceStatuses: s.condition_residence as NonNullable<StepInput["conditions"]>["residenceStatuses"],
      placeKinds: s.condition_place_kinds as NonNullable<StepInput["conditions"]>["placeKinds"],
      under18: s.condition_under18,
    },
    local: s.local,
    candidateFacing: s.candidate_facing,
    toCheck: s.to_check as CheckField[],
  };
}

/** Districts must be known AGS codes (of Germany's districts). */
export function checkDistricts(districts: readonly string[] | null, field = "districts") {
  const unknown = (districts ?? []).filter((a) => !districtName(a));
  if (unknown.length) throw fail.invalid({ [field]: [msg("Unbekannter Kreis: {ags}", { ags: unknown.join(", ") })] });
}
