import { z } from "@hono/zod-openapi";
import { cursorParam } from "../../lib/http/cursor.js";
import { isoDate } from "../../lib/schema-types.js";
import { residenceStatuses } from "../candidates/schema.js";
import { matchStages } from "../matching/schema.js";
import { offerKinds } from "../offers/schema.js";

/**
 * Process chains (Prozesskette): templates per district (versioned, transferable to another district) and
 * runs for one match. The web app imports only this file; names are kept once published (issue 10).
 */

/** Who leads a step (German labels in the web app). */
export const leadActors = [
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
] as const;
export type LeadActor = (typeof leadActors)[number];

export const templateStatuses = ["draft", "published", "retired"] as const;
export type TemplateStatus = (typeof templateStatuses)[number];

export const stepStatuses = ["open", "in_progress", "done", "not_needed"] as const;
export type StepStatus = (typeof stepStatuses)[number];

/**
 * What a deadline counts from: the training start, the day the match reached a stage (or a later one on the
 * way), the day the previous step of the run was done, or the training end (start + the occupation's months).
 */
export const deadlineAnchors = ["training_start", "match_stage", "previous_step", "training_end"] as const;
export const deadlineUnits = ["calendar_months", "weeks", "days"] as const;
export const deadlineDirections = ["before", "after"] as const;
/** `no_earlier_than`: a window opens (e.g. § 60c: apply at most 7 months before); `at_latest`: the due date. */
export const deadlineKinds = ["no_earlier_than", "at_latest"] as const;

/**
 * The fields of a step that differ from district to district: after a transfer each is marked "to check"
 * until someone edits or confirms it. `step`: the step as a whole (a local step: keep or remove it).
 */
export const checkFields = ["organisation", "contact", "step"] as const;
export type CheckField = (typeof checkFields)[number];

/** Stable codes of the default chain's steps (DOMAIN.md): the candidate handout has plain texts in five languages for them. */
export const stepCodes = [
  "company_authorisation",
  "requirements_profile",
  "candidate_search",
  "residence_check",
  "orientation_internship",
  "entry_qualification",
  "contract_registration",
  "work_permit",
  "ausbildungsduldung",
  "support_instruments",
  "during_training",
  "exam_preparation",
  "after_qualifying",
  "one_stop_agency",
] as const;
export type StepCode = (typeof stepCodes)[number];

/** Languages of the candidate handout. */
export const handoutLanguages = ["de", "en", "ar", "uk", "fa"] as const;
export type HandoutLanguage = (typeof handoutLanguages)[number];

/** Warning codes of a run or step (each warning says what to do). */
export const warningCodes = [
  "past_due",
  "window_not_open",
  "eq_no_60c",
  "anchor_pending",
  "residence_unknown",
  "age_unknown",
  "rule_not_valid",
] as const;

/** Paths of the web pages (Start page links, mails). */
export const chainPaths = {
  templates: "/prozessketten",
  template: (id: string) => `/prozessketten/${id}`,
  runs: "/prozessketten/laeufe",
  run: (id: string) => `/prozessketten/laeufe/${id}`,
} as const;

const uuid = z.uuid("Ungültige Kennung");
const ags = z.string().regex(/^\d{5}$/, "Kreisschlüssel (AGS) mit fünf Ziffern angeben");
const text = (max: number) => z.string().trim().max(max, `Höchstens ${max} Zeichen`);
const optionalText = (max: number) => text(max).nullable().optional();

export const idParam = z.object({ id: uuid.openapi({ param: { name: "id", in: "path" } }) });
export const runStepParam = z.object({
  id: uuid.openapi({ param: { name: "id", in: "path" } }),
  stepId: uuid.openapi({ param: { name: "stepId", in: "path" } }),
});

/* ---------- deadline rules and conditions ---------- */

export const deadlineRuleSchema = z
  .strictObject({
    anchor: z.enum(deadlineAnchors, "Bezugspunkt: training_start, match_stage, previous_step oder training_end"),
    stage: z.enum(matchStages, "Unbekannte Stufe").nullable().optional().describe("Nur bei anchor = match_stage: die Stufe des Matches"),
    amount: z.number().int("Ganze Zahl angeben").min(0, "Mindestens 0").max(120, "Höchstens 120"),
    unit: z.enum(deadlineUnits, "Einheit: calendar_months, weeks oder days"),
    direction: z.enum(deadlineDirections, "Richtung: before oder after"),
    kind: z.enum(deadlineKinds, "Art: no_earlier_than oder at_latest"),
    label: optionalText(120).describe("Was die Frist meint, z. B. „Antrag frühestens“"),
  })
  .openapi("ChainDeadlineRule");
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export const conditionsSchema = z
  .strictObject({
    residenceStatuses: z
      .array(z.enum(residenceStatuses, "Unbekannter Aufenthaltsstatus"))
      .max(10)
      .nullable()
      .optional()
      .describe("Nur bei diesen Aufenthaltsstatus; null: bei jedem"),
    placeKinds: z
      .array(z.enum(offerKinds, "Art des Platzes: training, entry_qualification oder internship"))
      .max(3)
      .nullable()
      .optional()
      .describe("Nur bei dieser Art des Platzes; null: bei jeder"),
    under18: z.boolean().nullable().optional().describe("true: nur unter 18 bei Beginn; false: nur ab 18; null: immer"),
  })
  .openapi("ChainStepConditions");
export type Conditions = z.infer<typeof conditionsSchema>;

/* ---------- templates ---------- */

export const stepSchema = z
  .object({
    id: z.string(),
    position: z.number().int().describe("1, 2, 3 …"),
    code: z.enum(stepCodes).nullable(),
    title: z.string(),
    description: z.string().nullable(),
    leadActor: z.enum(leadActors),
    supportingActors: z.array(z.enum(leadActors)),
    organisationName: z.string().nullable().describe("Die Stelle dieses Kreises (bis es Netzwerkpartner gibt: Name)"),
    organisationContact: z.string().nullable().describe("Funktionsadresse, Telefon, Web – keine persönlichen Kontakte"),
    documents: z.array(z.string()),
    legalBasis: z.string().nullable(),
    legalValidFrom: z.string().nullable(),
    legalValidTo: z.string().nullable(),
    typicalDurationDays: z.number().int().nullable(),
    deadlines: z.array(deadlineRuleSchema),
    conditions: z.object({
      residenceStatuses: z.array(z.enum(residenceStatuses)).nullable(),
      placeKinds: z.array(z.enum(offerKinds)).nullable(),
      under18: z.boolean().nullable(),
    }),
    local: z.boolean().describe("Ein Schritt nur dieses Kreises (z. B. Migrationsagentur)"),
    candidateFacing: z.boolean().describe("Erscheint im Merkblatt für die jugendliche Person"),
    toCheck: z.array(z.enum(checkFields)).describe("Nach einer Übertragung noch zu prüfende Felder"),
    sourceStepId: z.string().nullable().describe("Der Schritt der Quellvorlage, aus dem dieser kopiert wurde"),
  })
  .openapi("ChainStep");
export type ChainStep = z.infer<typeof stepSchema>;

export const stepInputSchema = z
  .strictObject({
    id: uuid.optional().describe("Ein bestehender Schritt dieser Vorlage; ohne: neuer Schritt"),
    code: z.enum(stepCodes, "Unbekannter Schritt-Code").nullable().optional(),
    title: text(200).min(1, "Titel angeben"),
    description: optionalText(4000),
    leadActor: z.enum(leadActors, "Unbekannte Rolle"),
    supportingActors: z.array(z.enum(leadActors, "Unbekannte Rolle")).max(10).optional(),
    organisationName: optionalText(200),
    organisationContact: optionalText(500),
    documents: z.array(text(300).min(1, "Leeres Dokument")).max(30, "Höchstens 30 Dokumente").optional(),
    legalBasis: optionalText(300),
    legalValidFrom: isoDate.nullable().optional(),
    legalValidTo: isoDate.nullable().optional(),
    typicalDurationDays: z.number().int("Ganze Zahl angeben").min(0, "Mindestens 0").max(1500, "Höchstens 1500").nullable().optional(),
    deadlines: z.array(deadlineRuleSchema).max(5, "Höchstens 5 Fristen").optional(),
    conditions: conditionsSchema.optional(),
    local: z.boolean().optional(),
    candidateFacing: z.boolean().optional(),
    toCheck: z
      .array(z.enum(checkFields, "Unbekanntes Feld"))
      .max(3)
      .optional()
      .describe("Ohne Angabe: bisherige Markierungen ohne die Felder, die diese Änderung neu setzt"),
  })
  .openapi("ChainStepInput");
export type StepInput = z.infer<typeof stepInputSchema>;

const templateSummaryFields = {
  id: z.string(),
  name: z.string(),
  districts: z.array(z.string()).nullable().describe("AGS der Kreise; null: alle Kreise"),
  districtNames: z.array(z.string()),
  version: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: z.enum(templateStatuses),
  sourceTemplateId: z.string().nullable(),
  sourceName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  stepCount: z.number().int(),
  toCheckCount: z.number().int().describe("Noch zu prüfende Felder"),
  runCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const templateSummarySchema = z.object(templateSummaryFields).openapi("ChainTemplateSummary");
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateSchema = z
  .object({ ...templateSummaryFields, note: z.string().nullable(), steps: z.array(stepSchema) })
  .openapi("ChainTemplate");
export type Template = z.infer<typeof templateSchema>;

export const templateListQuery = z.object({
  district: ags.optional().describe("Vorlagen, die diesen Kreis abdecken (auch „alle Kreise“)"),
  status: z.enum(templateStatuses, "Status: draft, published oder retired").optional(),
  q: text(100).optional(),
  limit: z.coerce.number().int("Ganze Zahl angeben").min(1, "Mindestens 1").max(200, "Höchstens 200").default(50),
  cursor: cursorParam.optional(),
});
export type TemplateListQuery = z.infer<typeof templateListQuery>;
export const templatePageSchema = z
  .object({ items: z.array(templateSummarySchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi("ChainTemplatePage");
export type TemplatePage = z.infer<typeof templatePageSchema>;

const districtsInput = z
  .array(ags)
  .min(1, "Mindestens einen Kreis wählen")
  .max(20, "Höchstens 20 Kreise")
  .nullable()
  .describe("null: alle Kreise");

export const templateCreateSchema = z
  .strictObject({
    name: text(200).min(1, "Namen angeben"),
    districts: districtsInput,
    validFrom: isoDate.optional().describe("Ohne Angabe: heute"),
    validTo: isoDate.nullable().optional(),
    note: optionalText(2000),
    steps: z.array(stepInputSchema).max(60, "Höchstens 60 Schritte").optional(),
  })
  .openapi("ChainTemplateCreate");
export type TemplateCreate = z.infer<typeof templateCreateSchema>;

export const templateUpdateSchema = z
  .strictObject({
    name: text(200).min(1, "Namen angeben").optional(),
    districts: districtsInput.optional(),
    validFrom: isoDate.optional(),
    validTo: isoDate.nullable().optional(),
    note: optionalText(2000),
    steps: z.array(stepInputSchema).max(60, "Höchstens 60 Schritte").optional().describe("Die ganze Liste in der neuen Reihenfolge"),
  })
  .openapi("ChainTemplateUpdate");
export type TemplateUpdate = z.infer<typeof templateUpdateSchema>;

export const transferSchema = z
  .strictObject({
    district: ags.describe("Der Zielkreis"),
    name: optionalText(200).describe("Ohne Angabe: „Prozesskette <Kreis>“"),
  })
  .openapi("ChainTransfer");
export type TransferInput = z.infer<typeof transferSchema>;
export const createdSchema = z.object({ id: z.string() }).openapi("ChainCreated");

export const confirmationSchema = z.strictObject({ stepId: uuid, field: z.enum(checkFields, "Unbekanntes Feld") });
export const publishSchema = z
  .strictObject({
    confirm: z.array(confirmationSchema).max(500).optional().describe("Jedes noch markierte Feld, das so bleiben soll, einzeln bestätigt"),
  })
  .openapi("ChainPublish");
export type PublishInput = z.infer<typeof publishSchema>;

const stepBrief = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  leadActor: z.enum(leadActors),
  organisationName: z.string().nullable(),
  organisationContact: z.string().nullable(),
});
export const diffSchema = z
  .object({
    templateId: z.string(),
    sourceId: z.string(),
    sourceName: z.string(),
    sourceVersion: z.number().int(),
    sourceDistricts: z.array(z.string()).nullable(),
    steps: z.array(
      z.object({
        change: z.enum(["added", "removed", "changed", "unchanged"]),
        source: stepBrief.nullable(),
        target: stepBrief.nullable(),
        fields: z.array(z.string()).describe("Geänderte Felder"),
        toCheck: z.array(z.enum(checkFields)),
      }),
    ),
    toCheck: z.array(z.object({ stepId: z.string(), title: z.string(), field: z.enum(checkFields) })),
    counts: z.object({
      added: z.number().int(),
      removed: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      toCheck: z.number().int(),
    }),
  })
  .openapi("ChainTemplateDiff");
export type TemplateDiff = z.infer<typeof diffSchema>;

/* ---------- runs ---------- */

export const warningSchema = z
  .object({
    code: z.enum(warningCodes),
    message: z.string().describe("Was los ist"),
    action: z.string().describe("Was zu tun ist"),
  })
  .openapi("ChainWarning");
export type Warning = z.infer<typeof warningSchema>;

export const runStepSchema = z
  .object({
    id: z.string(),
    templateStepId: z.string().nullable(),
    position: z.number().int(),
    code: z.enum(stepCodes).nullable(),
    title: z.string(),
    description: z.string().nullable(),
    leadActor: z.enum(leadActors),
    organisationName: z.string().nullable(),
    organisationContact: z.string().nullable(),
    documents: z.array(z.string()),
    legalBasis: z.string().nullable(),
    candidateFacing: z.boolean().describe("Steht im Merkblatt der jugendlichen Person"),
    earliestDate: z.string().nullable().describe("Frühestens ab (ein Fenster, z. B. § 60c)"),
    dueDate: z.string().nullable().describe("Spätestens bis; null: ohne Frist oder noch offen"),
    dates: z.array(z.object({ kind: z.enum(deadlineKinds), label: z.string().nullable(), date: z.string() })),
    status: z.enum(stepStatuses),
    reason: z.string().nullable().describe("Bei not_needed: warum"),
    note: z.string().nullable(),
    completedOn: z.string().nullable(),
    changedBy: z.string().nullable(),
    changedAt: z.string().nullable(),
    overdue: z.boolean(),
    warnings: z.array(warningSchema),
    documentIds: z.array(z.string()).describe("Angehängte Dokumente der Person (Lebenslauf, Zeugnisse …)"),
  })
  .openapi("ChainRunStep");
export type RunStep = z.infer<typeof runStepSchema>;

const runSummaryFields = {
  id: z.string(),
  matchId: z.string(),
  candidateId: z.string(),
  candidateName: z.string(),
  companyName: z.string(),
  occupationName: z.string(),
  placeKind: z.enum(offerKinds),
  trainingStart: z.string(),
  district: z.string().nullable(),
  districtName: z.string().nullable(),
  templateId: z.string(),
  templateName: z.string(),
  templateVersion: z.number().int(),
  startedAt: z.string(),
  startedBy: z.string().nullable(),
  finishedAt: z.string().nullable(),
  stepCount: z.number().int(),
  doneCount: z.number().int(),
  overdueCount: z.number().int(),
  nextDue: z.string().nullable().describe("Die nächste Frist eines offenen Schritts"),
};
export const runSummarySchema = z.object(runSummaryFields).openapi("ChainRunSummary");
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runSchema = z
  .object({
    ...runSummaryFields,
    language: z.enum(handoutLanguages).describe("Sprache der Person (Merkblatt)"),
    steps: z.array(runStepSchema),
    warnings: z.array(warningSchema),
    hiddenSteps: z.number().int().describe("Schritte zum Aufenthaltsrecht, die diese Rolle nicht sieht"),
    created: z.boolean().optional().describe("Nur beim Anlegen: false, wenn der Lauf schon bestand (zweiter Klick)"),
  })
  .openapi("ChainRun");
export type Run = z.infer<typeof runSchema>;

export const runCreateSchema = z.strictObject({ matchId: uuid }).openapi("ChainRunCreate");
export type RunCreate = z.infer<typeof runCreateSchema>;

export const runStepUpdateSchema = z
  .strictObject({
    status: z.enum(stepStatuses, "Status: open, in_progress, done oder not_needed").optional(),
    reason: optionalText(500).describe("Pflicht bei not_needed"),
    note: optionalText(4000),
    completedOn: isoDate.nullable().optional().describe("Bei done; ohne Angabe: heute"),
    documentIds: z.array(uuid).max(20, "Höchstens 20 Dokumente").optional(),
  })
  .openapi("ChainRunStepUpdate");
export type RunStepUpdate = z.infer<typeof runStepUpdateSchema>;

const booleanFlag = z.enum(["true", "false"], "true oder false").transform((v) => v === "true");
export const runListQuery = z.object({
  district: ags.optional(),
  templateId: uuid.optional(),
  matchId: uuid.optional(),
  overdue: booleanFlag.optional().describe("true: nur Läufe mit überfälligen Schritten"),
  finished: booleanFlag.optional(),
  limit: z.coerce.number().int("Ganze Zahl angeben").min(1, "Mindestens 1").max(200, "Höchstens 200").default(50),
  cursor: cursorParam.optional(),
});
export type RunListQuery = z.infer<typeof runListQuery>;
export const runPageSchema = z
  .object({ items: z.array(runSummarySchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi("ChainRunPage");
export type RunPage = z.infer<typeof runPageSchema>;

export const handoutQuery = z.object({
  language: z.enum(handoutLanguages, "Sprache: de, en, ar, uk oder fa").optional().describe("Ohne Angabe: die Sprache der Person"),
});

/* ---------- indicators ---------- */

export const indicatorsQuery = z.object({
  district: ags.optional(),
  from: isoDate.optional().describe("Läufe, die an oder nach diesem Tag begonnen wurden"),
  to: isoDate.optional(),
});
export type IndicatorsQuery = z.infer<typeof indicatorsQuery>;

export const indicatorsSchema = z
  .object({
    date: z.string(),
    templates: z.array(
      z.object({
        district: z.string().nullable().describe("null: Vorlagen für alle Kreise"),
        districtName: z.string(),
        published: z.number().int(),
        draft: z.number().int(),
        retired: z.number().int(),
      }),
    ),
    runs: z.object({ started: z.number().int(), finished: z.number().int(), overdue: z.number().int(), active: z.number().int() }),
    runsByDistrict: z.array(
      z.object({
        district: z.string().nullable(),
        districtName: z.string(),
        started: z.number().int(),
        finished: z.number().int(),
        overdue: z.number().int(),
      }),
    ),
    stepDays: z
      .array(z.object({ code: z.enum(stepCodes).nullable(), title: z.string(), done: z.number().int(), medianDays: z.number().nullable() }))
      .describe("Median der Tage vom Beginn eines Schritts (Start des Laufs oder Ende des vorigen) bis erledigt"),
  })
  .openapi("ChainIndicators");
export type Indicators = z.infer<typeof indicatorsSchema>;
