import { z } from "@hono/zod-openapi";
import { isoDate } from "../../lib/schema-types.js";

export const consentPurposes = ["counselling", "matching", "share_with_company", "share_with_partner"] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export const consentForms = ["paper", "online"] as const;
export const consentGivers = ["self", "guardian"] as const;

const partnerName = z.string().trim().min(2, "Namen der Partnerorganisation angeben").max(200, "Höchstens 200 Zeichen");
const partnerType = z.string().trim().max(60, "Höchstens 60 Zeichen").nullable().optional();

/** A recipient named individually: a company of Lotse (its id), or a partner organisation by name until the network exists. */
export const recipientInputSchema = z.union([
  z.uuid("Ungültige Kennung eines Betriebs"),
  z.strictObject({ companyId: z.uuid("Ungültige Kennung eines Betriebs") }),
  z.strictObject({ partnerName, partnerType }),
]);
export type RecipientInput = z.infer<typeof recipientInputSchema>;

export const recipientSchema = z
  .object({
    kind: z.enum(["company", "partner"]),
    companyId: z.string().nullable(),
    name: z.string().describe("Name des Betriebs oder der Partnerorganisation"),
    partnerType: z.string().nullable(),
  })
  .openapi("ConsentRecipient");
export type Recipient = z.infer<typeof recipientSchema>;

export const consentInputSchema = z
  .strictObject({
    purposes: z
      .array(z.enum(consentPurposes))
      .min(1, "Mindestens einen Zweck angeben")
      .refine((p) => new Set(p).size === p.length, "Jeden Zweck nur einmal angeben"),
    recipients: z.array(recipientInputSchema).max(50, "Höchstens 50 Empfänger").default([]),
    givenAt: isoDate.optional().describe("Standard: heute"),
    form: z.enum(consentForms).optional().describe("Standard: paper"),
    givenBy: z.enum(consentGivers).optional().describe("Standard: self"),
    language: z.enum(["de", "en", "ar", "uk", "fa"]).optional().describe("Sprache des unterschriebenen Formulars"),
    note: z.string().trim().max(1000, "Höchstens 1000 Zeichen").nullable().optional(),
  })
  .openapi("ConsentInput");
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const consentSchema = z
  .object({
    id: z.uuid(),
    candidateId: z.uuid(),
    purposes: z.array(z.enum(consentPurposes)),
    recipients: z.array(recipientSchema),
    givenAt: z.string(),
    form: z.enum(consentForms),
    givenBy: z.enum(consentGivers),
    language: z.string(),
    note: z.string().nullable(),
    confirmedAt: z.string().nullable().describe("Online-Einwilligungen gelten erst nach Bestätigung durch die Beratung"),
    withdrawnAt: z.string().nullable(),
    recordedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Consent");
export type Consent = z.infer<typeof consentSchema>;

export const consentListSchema = z.object({ items: z.array(consentSchema) }).openapi("ConsentList");

export const shareInputSchema = z
  .strictObject({
    recipient: z.union([z.strictObject({ companyId: z.uuid("Ungültige Kennung eines Betriebs") }), z.strictObject({ partnerName })]),
    note: z.string().trim().max(1000, "Höchstens 1000 Zeichen").nullable().optional(),
  })
  .openapi("ProfileShareInput");
export type ShareInput = z.infer<typeof shareInputSchema>;

/** What a recipient gets: what the placement needs, never the residence section or health data. */
export const sharedProfileSchema = z
  .object({
    firstName: z.string(),
    lastName: z.string(),
    germanLevel: z.string().nullable(),
    schoolCertificate: z.string().nullable(),
    desiredOccupations: z.array(z.string()),
    availableFrom: z.string().nullable(),
    hasDrivingLicence: z.boolean(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .openapi("SharedProfile");

export const shareSchema = z
  .object({ id: z.uuid(), consentId: z.uuid(), recipient: z.string(), sharedAt: z.string(), profile: sharedProfileSchema })
  .openapi("ProfileShare");

export const consentParam = z.object({ id: z.uuid("Ungültige Kennung"), consentId: z.uuid("Ungültige Kennung") });
export const consentFormQuerySchema = z.strictObject({
  language: z.enum(["de", "en", "ar", "uk", "fa"]).optional().describe("Standard: die Sprache der Person"),
});

export const retentionPreviewSchema = z
  .object({
    months: z.number().int(),
    cutoff: z.string().describe("Abgeschlossen vor diesem Tag"),
    items: z.array(z.object({ id: z.uuid(), name: z.string(), closedAt: z.string(), districtName: z.string().nullable() })),
  })
  .openapi("RetentionPreview");
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;

export const eraseInputSchema = z
  .strictObject({ confirmName: z.string().trim().min(1, "Zur Bestätigung den Namen eingeben").max(210) })
  .openapi("EraseInput");
export const eraseResultSchema = z
  .object({ consultations: z.number().int(), referrals: z.number().int(), documents: z.number().int(), consents: z.number().int() })
  .openapi("EraseResult");
export type EraseResult = z.infer<typeof eraseResultSchema>;
