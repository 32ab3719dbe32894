import { z } from "@hono/zod-openapi";

export const chamberSchema = z.enum(["IHK", "HWK", "other"]);

export const occupationSchema = z
  .object({
    id: z.string(),
    name: z.string().openapi({ example: "Kaufmann/-frau für Büromanagement" }),
    months: z.number().int().describe("Regelausbildungsdauer in Monaten"),
    chamber: chamberSchema,
    kldb: z.string().describe("KldB 2010: Berufsgruppe (3 Stellen) oder Berufsgattung (5 Stellen)"),
  })
  .openapi("Occupation");
export type Occupation = z.infer<typeof occupationSchema>;

export const occupationCatalogueFileSchema = z.object({
  meta: z.object({ title: z.string(), version: z.string(), sources: z.array(z.string()).min(1) }).loose(),
  occupations: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string().min(3),
      months: z.number().int().min(12).max(48),
      chamber: chamberSchema,
      kldb: z.string().regex(/^\d{3}(\d{2})?$/),
    }),
  ),
});

export const occupationQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional().describe("Suchbegriff, Tippfehler werden toleriert"),
  chamber: chamberSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(20),
});
export type OccupationQuery = z.infer<typeof occupationQuerySchema>;
