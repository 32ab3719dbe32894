import { z } from "@hono/zod-openapi";
import { cursorParam } from "../../lib/http/cursor.js";
import { isoDate } from "../../lib/schema-types.js";

export const consultationKinds = ["first", "referral", "follow_up"] as const;
export type ConsultationKind = (typeof consultationKinds)[number];
export const channels = ["in_person", "phone", "video", "messenger"] as const;
export const topics = [
  "occupation_choice",
  "application_documents",
  "residence_and_work_permit",
  "recognition",
  "language_course",
  "financial_support",
  "housing",
  "other",
] as const;
/** Kinds of partner a young person is referred to (until the network feature names the partners themselves). */
export const partnerTypes = [
  "employment_agency",
  "jobcenter",
  "immigration_office",
  "youth_migration_service",
  "migration_counselling_adults",
  "integration_coordination",
  "vocational_school",
  "language_course_provider",
  "asa_provider",
  "recognition_counselling",
  "chamber",
  "migrant_organisation",
  "welcome_guides",
  "other",
] as const;
export const referralOutcomes = ["arrived", "not_arrived", "in_progress", "unknown"] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];

/** What the timeline and the Start page call each kind (German: these are records, not UI strings). */
export const kindTitles: Record<ConsultationKind, string> = {
  first: "Erstberatung",
  referral: "Verweisberatung",
  follow_up: "Folgeberatung",
};

const text = (max: number) => z.string().trim().max(max, `Höchstens ${max} Zeichen`);
const optionalText = (max: number) => text(max).nullable().optional();
const id = z.uuid("Ungültige Kennung");
const ags = z.string().regex(/^\d{5}$/, "Kreisschlüssel (AGS) mit fünf Ziffern angeben");

export const referralSchema = z
  .object({
    id: z.uuid(),
    candidateId: z.uuid(),
    candidateName: z.string(),
    consultationId: z.string().nullable(),
    partnerType: z.enum(partnerTypes),
    partnerName: z.string(),
    reason: z.string().nullable(),
    referredOn: z.string(),
    followUpOn: z.string().nullable().describe("Wann nachgehalten wird, ob die Person angekommen ist"),
    outcome: z.enum(referralOutcomes),
    outcomeNote: z.string().nullable(),
    outcomeRecordedAt: z.string().nullable(),
    userId: z.string().nullable(),
    userName: z.string().nullable(),
  })
  .openapi("Referral");
export type Referral = z.infer<typeof referralSchema>;

export const consultationSchema = z
  .object({
    id: z.uuid(),
    candidateId: z.uuid(),
    candidateName: z.string(),
    kind: z.enum(consultationKinds),
    date: z.string(),
    durationMinutes: z.number().int().nullable(),
    channel: z.enum(channels),
    language: z.string().nullable(),
    interpreter: z.boolean(),
    topics: z.array(z.enum(topics)),
    notes: z.string().nullable(),
    outcome: z.string().nullable(),
    nextStep: z.string().nullable(),
    nextStepDue: z.string().nullable(),
    nextStepDone: z.boolean(),
    userId: z.string().nullable(),
    userName: z.string().nullable().describe("Wer beraten hat"),
    createdAt: z.string(),
    referrals: z.array(referralSchema),
  })
  .openapi("Consultation");
export type Consultation = z.infer<typeof consultationSchema>;

export const referralInputSchema = z
  .strictObject({
    partnerType: z.enum(partnerTypes),
    partnerName: text(200).min(2, "Die Stelle benennen (mindestens 2 Zeichen)"),
    reason: optionalText(2000),
    followUpOn: isoDate.optional().describe("Standard: 14 Tage nach der Beratung"),
  })
  .openapi("ReferralInput");
export type ReferralInput = z.infer<typeof referralInputSchema>;

const duration = z.number().int("Ganze Zahl angeben").min(1, "Mindestens 1 Minute").max(600, "Höchstens 600 Minuten");

const consultationFields = {
  kind: z.enum(consultationKinds),
  date: isoDate.describe("Tag der Beratung (nicht in der Zukunft)"),
  durationMinutes: duration.nullable().optional(),
  channel: z.enum(channels).optional(),
  language: optionalText(40),
  interpreter: z.boolean().optional(),
  topics: z.array(z.enum(topics)).max(8, "Höchstens 8 Themen").optional(),
  notes: optionalText(10000),
  outcome: optionalText(2000),
  nextStep: optionalText(500),
  nextStepDue: isoDate.nullable().optional(),
};

export const consultationCreateSchema = z
  .strictObject({
    candidateId: id,
    ...consultationFields,
    referrals: z.array(referralInputSchema).max(10, "Höchstens 10 Verweisungen").optional(),
  })
  .refine((c) => !c.nextStep === !c.nextStepDue, { message: "Nächsten Schritt und Fälligkeit zusammen angeben", path: ["nextStepDue"] })
  .refine((c) => c.kind !== "referral" || (c.referrals?.length ?? 0) > 0, {
    message: "Eine Verweisberatung braucht mindestens eine Verweisung",
    path: ["referrals"],
  })
  .openapi("ConsultationCreate");
export type ConsultationCreate = z.infer<typeof consultationCreateSchema>;

export const consultationUpdateSchema = z
  .strictObject({ ...consultationFields, nextStepDone: z.boolean().optional() })
  .partial()
  .openapi("ConsultationUpdate");
export type ConsultationUpdate = z.infer<typeof consultationUpdateSchema>;

export const referralUpdateSchema = z
  .strictObject({
    outcome: z.enum(referralOutcomes),
    outcomeNote: optionalText(2000),
    followUpOn: isoDate.optional(),
  })
  .openapi("ReferralUpdate");
export type ReferralUpdate = z.infer<typeof referralUpdateSchema>;

const limit = z.coerce.number().int("Ganze Zahl angeben").min(1, "Mindestens 1").max(200, "Höchstens 200").default(50);

export const consultationListQuerySchema = z.strictObject({
  candidateId: id.optional(),
  kind: z.enum(consultationKinds).optional(),
  from: isoDate.optional().describe("Beratungen ab diesem Tag"),
  to: isoDate.optional().describe("Beratungen bis zu diesem Tag"),
  district: ags.optional(),
  q: z.string().trim().max(100, "Höchstens 100 Zeichen").optional().describe("Name der Person oder Stelle"),
  limit,
  cursor: cursorParam.optional(),
});
export type ConsultationListQuery = z.infer<typeof consultationListQuerySchema>;

export const consultationPageSchema = z
  .object({ items: z.array(consultationSchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi("ConsultationPage");
export type ConsultationPage = z.infer<typeof consultationPageSchema>;

export const referralListQuerySchema = z.strictObject({
  outcome: z.enum(referralOutcomes).optional(),
  due: z
    .enum(["overdue", "week"])
    .optional()
    .describe("overdue: Nachhalten überfällig; week: fällig in den nächsten 7 Tagen oder überfällig"),
  district: ags.optional(),
  limit,
  cursor: cursorParam.optional(),
});
export type ReferralListQuery = z.infer<typeof referralListQuerySchema>;

export const referralPageSchema = z
  .object({ items: z.array(referralSchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi("ReferralPage");
export type ReferralPage = z.infer<typeof referralPageSchema>;

export const consultationIdParam = z.object({ id });
export const referralIdParam = z.object({ id });
export const candidateIdParam = z.object({ id });
