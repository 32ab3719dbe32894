import { z } from "@hono/zod-openapi";
import { cursorParam } from "../../lib/http/cursor.js";
import { isoDate } from "../../lib/schema-types.js";

export const candidateStatuses = ["new", "active", "placed", "paused", "closed"] as const;
export type CandidateStatus = (typeof candidateStatuses)[number];
export const germanLevels = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export const germanLevelSources = ["certificate", "placement_test", "counsellor", "self"] as const;
export const schoolCertificates = ["none", "lower_secondary", "intermediate", "upper_secondary"] as const;
export const recognitionStates = ["none", "applied", "partial", "full"] as const;
export const supportNeeds = ["language_course", "asa", "bab", "childcare", "housing", "other"] as const;
export const messengers = ["none", "whatsapp", "signal", "telegram", "other"] as const;
export const candidateLanguages = ["de", "en", "ar", "uk", "fa"] as const;
export const residenceStatuses = [
  "citizen",
  "permit_work_allowed",
  "gestattung",
  "duldung",
  "ausbildungsduldung",
  "permit_16g",
  "other",
] as const;
export const workPermissions = ["allowed", "needs_approval", "forbidden"] as const;
export const documentKinds = ["cv", "certificate", "other"] as const;

const text = (max: number) => z.string().trim().max(max, `Höchstens ${max} Zeichen`);
const optionalText = (max: number) => text(max).nullable().optional();
const postalCode = z.string().regex(/^\d{5}$/, "Eine Postleitzahl hat fünf Ziffern");
const ags = z.string().regex(/^\d{5}$/, "Kreisschlüssel (AGS) mit fünf Ziffern angeben");
const name = (what: string) => text(100).min(1, `${what} angeben`);
/**
 * A date of the legal facts (Duldung held since, end of schooling, J1 check): the usual `isoDate`, and
 * not before 1990 like the database's check, so an early year is a field message, not a generic one.
 */
const factDate = isoDate.refine((d) => d >= "1990-01-01", {
  message: "Das Datum muss zwischen 1990 und 2199 liegen",
  when: (payload) => payload.issues.length === 0,
});
/** The statuses tied to one training company: the Ausbildungsduldung (§ 60c) and the permit under § 16g. */
export const companyTiedStatuses = ["ausbildungsduldung", "permit_16g"] as const;
export const phoneSchema = z
  .string()
  .trim()
  .max(40, "Höchstens 40 Zeichen")
  .regex(/^[+\d][\d\s/()-]*$/, "Nur Ziffern, Leerzeichen und + / ( ) -");
export const occupationIdSchema = z.string().min(1).max(120);

/** The residence section: only for roles allowed to see it; absent (not null) for everyone else. */
export const residenceSchema = z
  .object({
    status: z.enum(residenceStatuses),
    workPermission: z
      .enum(workPermissions)
      .describe("Nebenbestimmung: Erwerbstätigkeit gestattet / nur mit Genehmigung der ABH / nicht gestattet"),
    validUntil: z.string().nullable(),
    safeCountryOfOrigin: z.boolean(),
    immigrationOffice: z.string().nullable().describe("Zuständige Ausländerbehörde"),
    heldSince: z.string().nullable().describe("Seit wann die aktuelle Duldung besteht (§ 60c: mindestens 3 Monate)"),
    identityClarified: z.boolean().describe("Identität geklärt (§ 60c)"),
    hasPassport: z.boolean().describe("Pass vorhanden (§ 16g)"),
    tiedCompanyId: z
      .uuid()
      .nullable()
      .describe("Der Ausbildungsbetrieb, an den eine Ausbildungsduldung oder Erlaubnis nach § 16g gebunden ist"),
    tiedCompanyName: z.string().nullable(),
  })
  .openapi("Residence");
export type Residence = z.infer<typeof residenceSchema>;

export const residenceInputSchema = z
  .strictObject({
    status: z.enum(residenceStatuses),
    workPermission: z.enum(workPermissions),
    validUntil: isoDate.nullable().optional(),
    safeCountryOfOrigin: z.boolean().optional(),
    immigrationOffice: optionalText(200),
    heldSince: factDate.nullable().optional(),
    identityClarified: z.boolean().optional(),
    hasPassport: z.boolean().optional(),
    tiedCompanyId: z
      .uuid("Ungültige Kennung")
      .nullable()
      .optional()
      .describe("Nur bei Ausbildungsduldung oder § 16g; ein Betrieb, den Sie sehen dürfen"),
  })
  .openapi("ResidenceInput");
export type ResidenceInput = z.infer<typeof residenceInputSchema>;

export const candidateSchema = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    messenger: z.enum(messengers).nullable(),
    preferredLanguage: z.enum(candidateLanguages),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
    ags: z.string().nullable(),
    districtName: z.string().nullable(),
    inServiceRegion: z.boolean(),
    germanLevel: z.enum(germanLevels).nullable(),
    germanLevelOn: z.string().nullable().describe("Wann das Sprachniveau festgestellt wurde"),
    germanLevelSource: z.enum(germanLevelSources).nullable().describe("Wie: Zertifikat, Einstufungstest, Beratung, Selbstauskunft"),
    otherLanguages: z.array(z.string()),
    schoolCertificate: z.enum(schoolCertificates).nullable(),
    schoolCountry: z.string().nullable(),
    schoolRecognition: z.enum(recognitionStates),
    desiredOccupationIds: z.array(z.string()).describe("Berufswünsche, der erste ist der wichtigste"),
    desiredOccupations: z.array(z.object({ id: z.string(), name: z.string() })),
    openToRelatedFields: z.boolean(),
    hasDrivingLicence: z.boolean(),
    hasCar: z.boolean(),
    maxCommuteKm: z.number().int().nullable(),
    availableFrom: z.string().nullable(),
    schoolObligationUntil: z.string().nullable().describe("Ende der Vollzeitschulpflicht (JArbSchG)"),
    j1ExaminedOn: z.string().nullable().describe("Erstuntersuchung J1 für Minderjährige (§ 32 JArbSchG)"),
    supportNeeds: z.array(z.enum(supportNeeds)),
    supportNote: z.string().nullable(),
    responsibleUserId: z.string().nullable(),
    responsibleName: z.string().nullable(),
    status: z.enum(candidateStatuses),
    statusChangedAt: z.string(),
    source: z.enum(["manual", "self_registration", "import"]),
    consent: z
      .object({ counselling: z.boolean(), matching: z.boolean(), unconfirmed: z.boolean() })
      .describe("Was die gültigen Einwilligungen erlauben; unconfirmed: eine Online-Einwilligung wartet auf Bestätigung"),
    residence: residenceSchema.optional().describe("Nur für berechtigte Rollen; sonst fehlt der Schlüssel"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Candidate");
export type Candidate = z.infer<typeof candidateSchema>;

const candidateFields = {
  firstName: name("Vornamen"),
  lastName: name("Nachnamen"),
  birthDate: isoDate,
  phone: phoneSchema.nullable().optional(),
  email: z.email("Bitte eine gültige E-Mail-Adresse angeben").max(200, "Höchstens 200 Zeichen").nullable().optional(),
  messenger: z.enum(messengers).nullable().optional(),
  preferredLanguage: z.enum(candidateLanguages).optional(),
  postalCode,
  germanLevel: z.enum(germanLevels).nullable().optional(),
  germanLevelOn: isoDate.nullable().optional(),
  germanLevelSource: z.enum(germanLevelSources).nullable().optional(),
  otherLanguages: z.array(text(40).min(1, "Leere Sprache")).max(10, "Höchstens 10 Sprachen").optional(),
  schoolCertificate: z.enum(schoolCertificates).nullable().optional(),
  schoolCountry: optionalText(100),
  schoolRecognition: z.enum(recognitionStates).optional(),
  desiredOccupationIds: z
    .array(occupationIdSchema)
    .max(8, "Höchstens 8 Berufswünsche")
    .refine((ids) => new Set(ids).size === ids.length, "Jeden Beruf nur einmal angeben")
    .optional(),
  openToRelatedFields: z.boolean().optional(),
  hasDrivingLicence: z.boolean().optional(),
  hasCar: z.boolean().optional(),
  maxCommuteKm: z.number().int("Ganze Kilometer angeben").min(0, "Mindestens 0").max(300, "Höchstens 300 km").nullable().optional(),
  availableFrom: isoDate.nullable().optional(),
  schoolObligationUntil: factDate.nullable().optional(),
  j1ExaminedOn: factDate.nullable().optional(),
  supportNeeds: z.array(z.enum(supportNeeds)).max(supportNeeds.length).optional(),
  supportNote: optionalText(2000),
  responsibleUserId: z.uuid("Ungültige Kennung").nullable().optional(),
  residence: residenceInputSchema.nullable().optional(),
};

export const candidateCreateSchema = z.strictObject(candidateFields).openapi("CandidateCreate");
export type CandidateCreate = z.infer<typeof candidateCreateSchema>;

export const candidateUpdateSchema = z
  .strictObject({
    ...candidateFields,
    status: z.enum(candidateStatuses).optional(),
    statusNote: optionalText(500).describe("Warum sich der Status ändert (im Verlauf)"),
  })
  .partial()
  .openapi("CandidateUpdate");
export type CandidateUpdate = z.infer<typeof candidateUpdateSchema>;

const booleanParam = z.enum(["true", "false"]).transform((v) => v === "true");

export const candidateFiltersSchema = z.strictObject({
  q: z.string().trim().max(100, "Höchstens 100 Zeichen").optional().describe("Name oder Postleitzahl (Tippfehler werden toleriert)"),
  district: ags.optional(),
  status: z.enum(candidateStatuses).optional(),
  germanLevel: z.enum(germanLevels).optional().describe("Mindestens dieses Sprachniveau"),
  occupationId: occupationIdSchema.optional().describe("Mit diesem Berufswunsch"),
  responsible: z.union([z.literal("me"), z.uuid("Ungültige Kennung")]).optional(),
  matchingConsent: booleanParam.optional().describe("Mit gültiger Einwilligung ins Matching"),
  supportNeed: z.enum(supportNeeds).optional(),
});
export type CandidateFilters = z.infer<typeof candidateFiltersSchema>;

export const candidateListQuerySchema = candidateFiltersSchema.extend({
  sort: z.enum(["name", "created"]).default("name"),
  limit: z.coerce.number().int().min(1, "Mindestens 1").max(200, "Höchstens 200").default(50),
  cursor: cursorParam.optional(),
});
export type CandidateListQuery = z.infer<typeof candidateListQuerySchema>;

/** A row of the list: never the residence section, never contact details beyond the postcode. */
export const candidateRowSchema = candidateSchema
  .pick({
    id: true,
    firstName: true,
    lastName: true,
    birthDate: true,
    postalCode: true,
    city: true,
    ags: true,
    districtName: true,
    germanLevel: true,
    status: true,
    statusChangedAt: true,
    responsibleName: true,
    source: true,
    createdAt: true,
    consent: true,
  })
  .extend({ desiredOccupations: z.array(z.object({ id: z.string(), name: z.string() })) })
  .openapi("CandidateRow");
export type CandidateRow = z.infer<typeof candidateRowSchema>;

export const candidatePageSchema = z
  .object({
    items: z.array(candidateRowSchema),
    nextCursor: z.string().nullable(),
    total: z.number().int().describe("Anzahl der Treffer, höchstens 10.000 (mit Suchbegriff höchstens 200)"),
    totalCapped: z.boolean().describe("true: es gibt mehr als `total` Treffer"),
  })
  .openapi("CandidatePage");
export type CandidatePage = z.infer<typeof candidatePageSchema>;

export const candidateExportQuerySchema = candidateFiltersSchema.extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  includeResidence: booleanParam.optional().describe("Aufenthaltsstatus mit ausgeben (nur berechtigte Rollen; wird protokolliert)"),
});

export const timelineEntrySchema = z
  .object({
    kind: z.enum(["consultation", "referral", "document", "consent", "consent_withdrawn", "status", "share"]),
    id: z.string(),
    at: z.string().describe("Datum (JJJJ-MM-TT) oder Zeitpunkt"),
    title: z.string().describe("Was geschah (Deutsch)"),
    detail: z.string().nullable(),
    userName: z.string().nullable(),
    recordedAt: z.string(),
  })
  .openapi("TimelineEntry");
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export const timelineSchema = z.object({ items: z.array(timelineEntrySchema) }).openapi("Timeline");

export const documentSchema = z
  .object({
    id: z.uuid(),
    candidateId: z.uuid(),
    kind: z.enum(documentKinds),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    uploadedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("CandidateDocument");
export type CandidateDocument = z.infer<typeof documentSchema>;

export const candidateIdParam = z.object({ id: z.uuid("Ungültige Kennung") });
export const documentParam = z.object({ id: z.uuid("Ungültige Kennung"), documentId: z.uuid("Ungültige Kennung") });
