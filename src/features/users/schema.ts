import { z } from "@hono/zod-openapi";
import { roles } from "../../lib/http/actor.js";
import { pageOf } from "../../lib/http/page.js";
import { newPasswordSchema as newPassword } from "../../lib/password-rules.js";

export { roles };

export const roleSchema = z
  .enum(roles)
  .openapi({ description: "admin, coordinator (alle Kreise), counsellor (zugewiesene Kreise), partner" });

const ags = z.string().regex(/^\d{5}$/, "Kreisschlüssel (AGS) mit fünf Ziffern angeben");
const email = z
  .email("Bitte eine gültige E-Mail-Adresse angeben")
  .max(200, "Höchstens 200 Zeichen")
  .transform((s) => s.toLowerCase());

export const meSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: roleSchema,
    districts: z.array(z.string()),
    organisation: z.string().nullable(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    secondFactorPending: z.boolean(),
    /** May see residence facts (RESIDENCE_ROLES): legal flags, process-chain runs to start. */
    mayReadResidence: z.boolean(),
  })
  .openapi("Me");
export type Me = z.infer<typeof meSchema>;

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: roleSchema,
    districts: z.array(z.string()),
    organisation: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("User");
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z
  .strictObject({
    email,
    displayName: z.string().trim().min(2, "Namen angeben").max(120),
    role: roleSchema,
    districts: z.array(ags).max(20).default([]),
    organisation: z.string().trim().max(200).nullable().default(null),
    password: newPassword,
  })
  .openapi("UserCreate");
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .strictObject({
    displayName: z.string().trim().min(2, "Namen angeben").max(120).optional(),
    role: roleSchema.optional(),
    districts: z.array(ags).max(20).optional(),
    organisation: z.string().trim().max(200).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .openapi("UserUpdate");
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const passwordResetSchema = z.strictObject({ newPassword }).openapi("PasswordReset");

export const usersQuerySchema = z.strictObject({
  q: z.string().max(100).optional(),
  role: roleSchema.optional(),
  district: ags.optional(),
  status: z.enum(["active", "disabled"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type UsersQuery = z.infer<typeof usersQuerySchema>;

export const usersExportQuerySchema = usersQuerySchema.omit({ page: true, pageSize: true });
export type UsersExportQuery = z.infer<typeof usersExportQuerySchema>;

export const userPageSchema = pageOf(userSchema, "UserPage");
export type UserPage = z.infer<typeof userPageSchema>;

export const idParamSchema = z.object({ id: z.uuid("Ungültige Kennung") });
