import { z } from "@hono/zod-openapi";
import { cursorParam } from "../../lib/http/cursor.js";
import { isoDate } from "../../lib/schema-types.js";

export const stages = ["contacted", "informed", "interested", "needs_profiled", "training", "paused", "declined"] as const;
export const stageSchema = z.enum(stages).openapi({ description: "Akquise-Stufe" });
export type Stage = (typeof stages)[number];
export const sizeClasses = ["1-9", "10-49", "50-249", "250+"] as const;
export const chambers = ["ihk", "hwk", "other"] as const;
export const mayTrainStates = ["unknown", "checking", "authorised", "not_authorised"] as const;
export const declinedReasons = ["no_need", "no_capacity", "no_trainer", "language_concerns", "bad_experience", "other"] as const;
export const activityKinds = ["call", "visit", "email", "letter", "event", "note"] as const;

const text = (max: number) => z.string().trim().max(max, `Höchstens ${max} Zeichen`);
const optionalText = (max: number) => text(max).nullable().optional();
const postalCode = z.string().regex(/^\d{5}$/, "Eine Postleitzahl hat fünf Ziffern");
const ags = z.string().regex(/^\d{5}$/, "Kreisschlüssel (AGS) mit fünf Ziffern angeben");

export const companySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    legalForm: z.string().nullable(),
    street: z.string().nullable(),
    postalCode: z.string(),
    city: z.string().nullable(),
    ags: z.string().nullable(),
    districtName: z.string().nullable(),
    inServiceRegion: z.boolean().describe("false: Adresse außerhalb der Region des Servicepunkts (erlaubt, markiert)"),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    sector: z.string().nullable(),
    sizeClass: z.enum(sizeClasses).nullable(),
    chamber: z.enum(chambers).nullable(),
    membershipNumber: z.string().nullable(),
    migrantLed: z.boolean().nullable().describe("Migrantengeführt (Selbstauskunft)"),
    migrantLedRecordedOn: z.string().nullable(),
    mayTrain: z.enum(mayTrainStates),
    trainerQualified: z.boolean().nullable().describe("Ausbilder/-in mit AEVO"),
    website: z.string().nullable(),
    tags: z.array(z.string()),
    responsibleUserId: z.string().nullable(),
    responsibleName: z.string().nullable(),
    stage: stageSchema,
    stageChangedAt: z.string(),
    declinedReason: z.enum(declinedReasons).nullable(),
    declinedNote: z.string().nullable(),
    source: z.enum(["manual", "import", "jobsuche"]),
    externalRef: z.string().nullable(),
    openPlaces: z.number().int(),
    nextStepDue: z.string().nullable().describe("Früheste offene Wiedervorlage"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Company");
export type Company = z.infer<typeof companySchema>;

const companyFields = {
  name: text(200).min(2, "Namen des Betriebs angeben (mindestens 2 Zeichen)"),
  legalForm: optionalText(60),
  street: optionalText(200),
  postalCode,
  city: optionalText(120),
  sector: optionalText(120),
  sizeClass: z.enum(sizeClasses).nullable().optional(),
  chamber: z.enum(chambers).nullable().optional(),
  membershipNumber: optionalText(60),
  migrantLed: z.boolean().nullable().optional(),
  migrantLedRecordedOn: isoDate.nullable().optional(),
  mayTrain: z.enum(mayTrainStates).optional(),
  trainerQualified: z.boolean().nullable().optional(),
  website: z
    .string()
    .trim()
    .max(300, "Höchstens 300 Zeichen")
    .regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+$/, "Die Webadresse beginnt mit http:// oder https://")
    .nullable()
    .optional(),
  tags: z.array(text(40).min(1, "Leeres Schlagwort")).max(20, "Höchstens 20 Schlagworte").optional(),
  responsibleUserId: z.uuid("Ungültige Kennung").nullable().optional(),
};

const companyInput = z.strictObject({
  ...companyFields,
  stage: stageSchema.optional(),
  declinedReason: z.enum(declinedReasons).optional().describe("Pflicht bei declined"),
  declinedNote: optionalText(1000),
});

export const companyCreateSchema = companyInput
  .extend({
    confirmNotDuplicate: z.boolean().optional().describe("Trotz ähnlicher Betriebe mit gleicher Postleitzahl anlegen"),
  })
  .openapi("CompanyCreate");
export type CompanyCreate = z.infer<typeof companyCreateSchema>;

export const companyUpdateSchema = companyInput.partial().openapi("CompanyUpdate");
export type CompanyUpdate = z.infer<typeof companyUpdateSchema>;

export const stageMoveSchema = z
  .strictObject({
    stage: stageSchema,
    reason: z.enum(declinedReasons).optional().describe("Pflicht bei declined"),
    note: optionalText(1000),
  })
  .openapi("StageMove");
export type StageMove = z.infer<typeof stageMoveSchema>;

export const stageChangeSchema = z
  .object({
    id: z.number().int(),
    fromStage: stageSchema.nullable(),
    toStage: stageSchema,
    reason: z.string().nullable(),
    note: z.string().nullable(),
    at: z.string(),
    userId: z.string().nullable(),
    userName: z.string().nullable(),
  })
  .openapi("StageChange");
export type StageChange = z.infer<typeof stageChangeSchema>;

const booleanParam = z.enum(["true", "false"]).transform((v) => v === "true");

export const companyFiltersSchema = z.strictObject({
  q: z.string().trim().max(100, "Höchstens 100 Zeichen").optional().describe("Suchbegriff (Tippfehler werden toleriert)"),
  district: ags.optional(),
  stage: stageSchema.optional(),
  migrantLed: booleanParam.optional(),
  sizeClass: z.enum(sizeClasses).optional(),
  chamber: z.enum(chambers).optional(),
  mayTrain: z.enum(mayTrainStates).optional(),
  responsible: z.union([z.literal("me"), z.uuid("Ungültige Kennung")]).optional(),
  occupationId: z.string().max(120).optional().describe("Betriebe mit einem Platz in diesem Beruf"),
  tag: z.string().max(40).optional(),
});
export type CompanyFilters = z.infer<typeof companyFiltersSchema>;

export const companyListQuerySchema = companyFiltersSchema.extend({
  sort: z.enum(["name", "created", "stage_changed"]).default("name"),
  limit: z.coerce.number().int().min(1, "Mindestens 1").max(200, "Höchstens 200").default(50),
  cursor: cursorParam.optional(),
});
export type CompanyListQuery = z.infer<typeof companyListQuerySchema>;

export const companyPageSchema = z
  .object({ items: z.array(companySchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi("CompanyPage");
export type CompanyPage = z.infer<typeof companyPageSchema>;

export const exportQuerySchema = companyFiltersSchema.extend({ format: z.enum(["csv", "xlsx"]).default("csv") });

export const boardSchema = z
  .object({
    columns: z.array(
      z.object({
        stage: stageSchema,
        count: z.number().int(),
        cards: z.array(
          companySchema.pick({
            id: true,
            name: true,
            city: true,
            districtName: true,
            migrantLed: true,
            nextStepDue: true,
            openPlaces: true,
            stage: true,
            responsibleName: true,
          }),
        ),
      }),
    ),
  })
  .openapi("CompanyBoard");
export type Board = z.infer<typeof boardSchema>;

export const mapPointSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  stage: stageSchema,
  ags: z.string().nullable(),
});
export const companyMapSchema = z.object({ items: z.array(mapPointSchema), withoutLocation: z.number().int() }).openapi("CompanyMap");
export type CompanyMap = z.infer<typeof companyMapSchema>;

export const duplicateQuerySchema = z.strictObject({ name: text(200).min(2, "Mindestens 2 Zeichen"), postalCode });
export const duplicatesSchema = z
  .object({
    items: z.array(
      z.object({ id: z.uuid(), name: z.string(), postalCode: z.string(), city: z.string().nullable(), similarity: z.number() }),
    ),
  })
  .openapi("CompanyDuplicates");
export type Duplicates = z.infer<typeof duplicatesSchema>;

export const mergeSchema = z.strictObject({ otherId: z.uuid("Ungültige Kennung") }).openapi("CompanyMerge");

export const contactSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    name: z.string(),
    function: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    preferredLanguage: z.string().nullable(),
  })
  .openapi("CompanyContact");
export type Contact = z.infer<typeof contactSchema>;

export const contactInputSchema = z
  .strictObject({
    name: text(120).min(2, "Namen angeben"),
    function: optionalText(120),
    phone: z
      .string()
      .trim()
      .max(40, "Höchstens 40 Zeichen")
      .regex(/^[+\d][\d\s/()-]*$/, "Nur Ziffern, Leerzeichen und + / ( ) -")
      .nullable()
      .optional(),
    email: z.email("Bitte eine gültige E-Mail-Adresse angeben").max(200, "Höchstens 200 Zeichen").nullable().optional(),
    preferredLanguage: optionalText(40),
  })
  .openapi("CompanyContactInput");
export type ContactInput = z.infer<typeof contactInputSchema>;

export const activitySchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    kind: z.enum(activityKinds),
    occurredOn: z.string(),
    userId: z.string().nullable(),
    userName: z.string().nullable(),
    summary: z.string(),
    outcome: z.string().nullable(),
    nextStep: z.string().nullable(),
    nextStepDue: z.string().nullable(),
    nextStepDone: z.boolean(),
  })
  .openapi("CompanyActivity");
export type Activity = z.infer<typeof activitySchema>;

export const activityInputSchema = z
  .strictObject({
    kind: z.enum(activityKinds),
    occurredOn: isoDate,
    summary: text(2000).min(2, "Kurz beschreiben, was war"),
    outcome: optionalText(2000),
    nextStep: optionalText(500),
    nextStepDue: isoDate.nullable().optional(),
  })
  .refine((a) => !a.nextStep === !a.nextStepDue, { message: "Nächsten Schritt und Fälligkeit zusammen angeben", path: ["nextStepDue"] })
  .openapi("CompanyActivityInput");
export type ActivityInput = z.infer<typeof activityInputSchema>;

export const activityUpdateSchema = z.strictObject({ nextStepDone: z.boolean() }).openapi("CompanyActivityUpdate");

export const companyIdParam = z.object({ id: z.uuid("Ungültige Kennung") });
export const contactParam = z.object({ id: z.uuid("Ungültige Kennung"), contactId: z.uuid("Ungültige Kennung") });
export const activityParam = z.object({ id: z.uuid("Ungültige Kennung"), activityId: z.uuid("Ungültige Kennung") });
