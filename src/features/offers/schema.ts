import { z } from "@hono/zod-openapi";
import { cursorParam } from "../../lib/http/cursor.js";
import { isoDate } from "../../lib/schema-types.js";

export const offerKinds = ["training", "entry_qualification", "internship"] as const;
export const offerStatuses = ["draft", "open", "filled", "withdrawn"] as const;
export const schoolCertificates = ["none", "lower_secondary", "intermediate", "upper_secondary"] as const;
export const germanLevels = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;

const postalCode = z.string().regex(/^\d{5}$/, "Eine Postleitzahl hat fünf Ziffern");
const ags = z.string().regex(/^\d{5}$/, "Kreisschlüssel (AGS) mit fünf Ziffern angeben");
const optionalText = (max: number) => z.string().trim().max(max, `Höchstens ${max} Zeichen`).nullable().optional();

export const requirementsSchema = z
  .object({
    minSchoolCertificate: z.enum(schoolCertificates).nullable(),
    minGermanLevel: z.enum(germanLevels).nullable(),
    drivingLicence: z.boolean(),
    note: z.string().nullable(),
  })
  .openapi("OfferRequirements");

export const offerSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    companyName: z.string(),
    kind: z.enum(offerKinds),
    occupationId: z.string(),
    occupationName: z.string(),
    title: z.string().nullable(),
    places: z.number().int(),
    startDate: z.string(),
    eqMonths: z.number().int().nullable(),
    postalCode: z.string(),
    city: z.string().nullable(),
    ags: z.string().nullable(),
    districtName: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    requirements: requirementsSchema,
    description: z.string().nullable(),
    contactId: z.string().nullable(),
    status: z.enum(offerStatuses),
    source: z.enum(["manual", "import", "jobsuche"]),
    externalRef: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Offer");
export type Offer = z.infer<typeof offerSchema>;

const requirementsInput = z.strictObject({
  minSchoolCertificate: z.enum(schoolCertificates).nullable().optional(),
  minGermanLevel: z.enum(germanLevels).nullable().optional(),
  drivingLicence: z.boolean().optional(),
  note: optionalText(2000),
});

const offerInput = z.strictObject({
  kind: z.enum(offerKinds),
  occupationId: z.string().min(1, "Beruf auswählen").max(120, "Höchstens 120 Zeichen"),
  title: optionalText(200),
  places: z.number().int("Ganze Zahl angeben").min(1, "Mindestens 1 Platz").max(500, "Höchstens 500 Plätze"),
  startDate: isoDate,
  eqMonths: z.number().int("Ganze Zahl angeben").min(1, "Mindestens 1 Monat").max(24, "Höchstens 24 Monate").nullable().optional(),
  postalCode: postalCode.optional().describe("Arbeitsort; ohne Angabe die Postleitzahl des Betriebs"),
  requirements: requirementsInput.optional(),
  description: optionalText(5000),
  contactId: z.uuid("Ungültige Kennung").nullable().optional(),
  status: z.enum(offerStatuses).optional(),
});

export const offerCreateSchema = offerInput.extend({ companyId: z.uuid("Ungültige Kennung") }).openapi("OfferCreate");
export type OfferCreate = z.infer<typeof offerCreateSchema>;
export const offerUpdateSchema = offerInput.partial().openapi("OfferUpdate");
export type OfferUpdate = z.infer<typeof offerUpdateSchema>;

export const offerFiltersSchema = z.strictObject({
  q: z.string().trim().max(100, "Höchstens 100 Zeichen").optional().describe("Betrieb, Beruf oder Titel"),
  district: ags.optional(),
  occupationId: z.string().max(120).optional(),
  kind: z.enum(offerKinds).optional(),
  status: z.enum(offerStatuses).optional(),
  companyId: z.uuid("Ungültige Kennung").optional(),
  startFrom: isoDate.optional(),
  startTo: isoDate.optional(),
});
export type OfferFilters = z.infer<typeof offerFiltersSchema>;

export const offerListQuerySchema = offerFiltersSchema.extend({
  limit: z.coerce.number().int().min(1, "Mindestens 1").max(200, "Höchstens 200").default(50),
  cursor: cursorParam.optional(),
});
export type OfferListQuery = z.infer<typeof offerListQuerySchema>;

export const offerPageSchema = z
  .object({ items: z.array(offerSchema), nextCursor: z.string().nullable(), total: z.number().int() })
  .openapi("OfferPage");
export type OfferPage = z.infer<typeof offerPageSchema>;

export const offerExportQuerySchema = offerFiltersSchema.extend({ format: z.enum(["csv", "xlsx"]).default("csv") });

export const offerMapSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        companyId: z.uuid(),
        companyName: z.string(),
        occupationName: z.string(),
        places: z.number().int(),
        lat: z.number(),
        lon: z.number(),
        ags: z.string().nullable(),
      }),
    ),
  })
  .openapi("OfferMap");
export type OfferMap = z.infer<typeof offerMapSchema>;

export const offerIdParam = z.object({ id: z.uuid("Ungültige Kennung") });
