import { z } from "@hono/zod-openapi";
import { isoDate } from "../../lib/schema-types.js";

export const registrationLanguages = ["de", "en", "ar", "uk", "fa"] as const;
export type RegistrationLanguage = (typeof registrationLanguages)[number];

/**
 * What a young person types on /registrieren: few fields. `website` is a honeypot (hidden on the page;
 * a filled-in value marks a bot). Validation messages come in the request's language (Accept-Language).
 */
export const registrationInputSchema = z
  .strictObject({
    language: z.enum(registrationLanguages),
    firstName: z.string().trim().min(1, "Vornamen angeben").max(100, "Höchstens 100 Zeichen"),
    lastName: z.string().trim().min(1, "Nachnamen angeben").max(100, "Höchstens 100 Zeichen"),
    birthDate: isoDate,
    email: z.email("Bitte eine gültige E-Mail-Adresse angeben").max(200, "Höchstens 200 Zeichen"),
    phone: z
      .string()
      .trim()
      .max(40, "Höchstens 40 Zeichen")
      .regex(/^[+\d][\d\s/()-]*$/, "Nur Ziffern, Leerzeichen und + / ( ) -")
      .optional()
      .or(z.literal("")),
    postalCode: z.string().regex(/^\d{5}$/, "Eine Postleitzahl hat fünf Ziffern"),
    germanLevel: z.enum(["A1", "A2", "B1", "B2", "C1", "C2"]).optional(),
    wish: z.string().trim().max(300, "Höchstens 300 Zeichen").optional().describe("Berufswunsch in eigenen Worten"),
    consentCounselling: z.literal(true, "Bitte stimmen Sie der Beratung zu, sonst können wir Sie nicht beraten"),
    consentMatching: z.boolean().optional(),
    website: z.string().max(200).optional().describe("Nicht ausfüllen (Schutz vor Spam)"),
  })
  .openapi("RegistrationInput");
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

export const registrationAcceptedSchema = z.object({ status: z.literal("check_mail"), email: z.string() }).openapi("RegistrationAccepted");

export const confirmInputSchema = z.strictObject({ token: z.string().min(20).max(100) }).openapi("RegistrationConfirm");
export const confirmResultSchema = z.object({ status: z.enum(["confirmed", "already_confirmed"]) }).openapi("RegistrationConfirmed");

export const textsParam = z.object({ language: z.enum(registrationLanguages) });
export const registrationTextsSchema = z
  .object({
    language: z.enum(registrationLanguages),
    dir: z.enum(["ltr", "rtl"]),
    privacyTitle: z.string(),
    privacyNotice: z.array(z.string()),
    consentTitle: z.string(),
    purposes: z.record(z.string(), z.object({ title: z.string(), text: z.string() })),
    withdrawal: z.string(),
  })
  .openapi("RegistrationTexts");
export type RegistrationTexts = z.infer<typeof registrationTextsSchema>;
