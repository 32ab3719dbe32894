import type { residenceStatuses as serverResidenceStatuses } from "../../../features/candidates/schema";
import type {
  StepStatus,
  checkFields as serverCheckFields,
  deadlineAnchors as serverDeadlineAnchors,
  deadlineDirections as serverDeadlineDirections,
  deadlineKinds as serverDeadlineKinds,
  deadlineUnits as serverDeadlineUnits,
  handoutLanguages as serverHandoutLanguages,
  leadActors as serverLeadActors,
  stepStatuses as serverStepStatuses,
  templateStatuses as serverTemplateStatuses,
  TemplateStatus,
} from "../../../features/chains/schema";
import type { MatchStage } from "../matching/constants";

// The enumerations of src/features/chains/schema.ts, repeated so that zod stays out of the browser
// bundle; `typeof` keeps each list equal to the server's.
export const leadActors: typeof serverLeadActors = [
  "company",
  "candidate",
  "counsellor",
  "chamber",
  "employment_agency",
  "jobcenter",
  "immigration_office",
  "vocational_school",
  "asa_provider",
  "other",
];
export const templateStatuses: typeof serverTemplateStatuses = ["draft", "published", "retired"];
export const stepStatuses: typeof serverStepStatuses = ["open", "in_progress", "done", "not_needed"];
export const checkFields: typeof serverCheckFields = ["organisation", "contact", "step"];
export const handoutLanguages: typeof serverHandoutLanguages = ["de", "en", "ar", "uk", "fa"];
export const deadlineAnchors: typeof serverDeadlineAnchors = ["training_start", "match_stage", "previous_step", "training_end"];
export const deadlineUnits: typeof serverDeadlineUnits = ["calendar_months", "weeks", "days"];
export const deadlineDirections: typeof serverDeadlineDirections = ["before", "after"];
export const deadlineKinds: typeof serverDeadlineKinds = ["no_earlier_than", "at_latest"];
export const residenceStatuses: typeof serverResidenceStatuses = [
  "citizen",
  "permit_work_allowed",
  "gestattung",
  "duldung",
  "ausbildungsduldung",
  "permit_16g",
  "other",
];

export const templateStatusColors: Record<TemplateStatus, string> = { draft: "yellow", published: "green", retired: "gray" };
export const stepStatusColors: Record<StepStatus, string> = { open: "gray", in_progress: "blue", done: "green", not_needed: "grape" };

/** A run for a match starts once the contract is there (UX.md: "Prozesskette starten" from the match). */
export const chainStages: readonly MatchStage[] = ["contract", "registered", "started", "completed"];

/** The filters of the two lists, kept in the address. */
export const templateFilterKeys = ["q", "district", "status"] as const;
export type TemplateFilters = Partial<Record<(typeof templateFilterKeys)[number], string>>;
export const runFilterKeys = ["district", "templateId", "overdue", "finished"] as const;
export type RunFilters = Partial<Record<(typeof runFilterKeys)[number], string>>;
