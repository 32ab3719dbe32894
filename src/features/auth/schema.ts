import { z } from "@hono/zod-openapi";
import { newPasswordSchema } from "../../lib/password-rules.js";

export const loginBodySchema = z
  .strictObject({
    email: z.string().min(1, "E-Mail-Adresse angeben").max(200, "Höchstens 200 Zeichen"),
    password: z.string().min(1, "Passwort angeben").max(200, "Höchstens 200 Zeichen"),
  })
  .openapi("LoginBody");

export const loginResultSchema = z.object({ secondFactorRequired: z.boolean() }).openapi("LoginResult");

export const totpCodeSchema = z
  .strictObject({ code: z.string().regex(/^\d{6}$/, "Der Code besteht aus sechs Ziffern") })
  .openapi("TotpCode");

export const totpSetupSchema = z.object({ secret: z.string(), uri: z.string() }).openapi("TotpSetup");

export const passwordChangeSchema = z
  .strictObject({
    currentPassword: z.string().min(1, "Bisheriges Passwort angeben").max(200, "Höchstens 200 Zeichen"),
    newPassword: newPasswordSchema,
  })
  .openapi("PasswordChange");
