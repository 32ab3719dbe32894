import { z } from "@hono/zod-openapi";
import { pageOf } from "../../lib/http/page.js";

export const chamberSchema = z.enum(["IHK", "HWK", "other"]);
export type Chamber = z.infer<typeof chamberSchema>;

const isoDate = z.iso.date();

export const formerNameSchema = z
  .strictObject({
    name: z.string().min(3),
    validFrom: isoDate.optional().describe("Erster Tag, an dem der Name galt (falls bekannt)"),
    validUntil: isoDate.describe("Letzter Tag, an dem der Name galt"),
  })
  .openapi("OccupationFormerName");
export type FormerName = z.infer<typeof formerNameSchema>;

export const occupationSchema = z
  .object({
    id: z.string().describe("Stabile Kennung; bleibt bei Umbenennungen erhalten"),
    name: z.string().openapi({ example: "Kaufmann/-frau für Büromanagement" }),
    months: z.number().int().describe("Regelausbildungsdauer in Monaten"),
    chamber: chamberSchema.describe("Hauptsächlich zuständige Kammer"),
    chambers: z.array(chamberSchema).describe("Alle Kammern, die in diesem Beruf ausbilden (IHK und HWK, wo beide ausbilden)"),
    kldb: z.string().describe("KldB 2010: Berufsgruppe (3 Stellen)"),
    kldb5: z
      .string()
      .nullable()
      .describe(
        "KldB 2010: Berufsgattung (5 Stellen, die 5. ist das Anforderungsniveau); leer nur bei Berufen, die vor der Zuordnung aus dem Katalog fielen",
      ),
    validFrom: isoDate.nullable().describe("Erster Ausbildungsbeginn in diesem Beruf, wenn er neu ist"),
    validUntil: isoDate.nullable().describe("Letzter Ausbildungsbeginn, wenn der Beruf aufgehoben ist"),
    formerNames: z.array(formerNameSchema).describe("Frühere Bezeichnungen desselben Berufs"),
    retiredAt: z.string().nullable().describe("Seit wann der Beruf nicht mehr im Katalog steht (bleibt für alte Datensätze abrufbar)"),
  })
  .openapi("Occupation");
export type Occupation = z.infer<typeof occupationSchema>;

export const occupationPageSchema = pageOf(occupationSchema, "OccupationPage");
export type OccupationPage = z.infer<typeof occupationPageSchema>;

/** One occupation as data/occupations.json holds it. */
export const catalogueEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(3),
    months: z.number().int().min(12).max(48),
    chamber: chamberSchema,
    chambers: z.array(chamberSchema).min(1),
    kldb5: z.string().regex(/^\d{5}$/),
    kldb: z.string().regex(/^\d{3}$/),
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
    formerNames: z.array(formerNameSchema).optional(),
    replaces: z.array(z.string().regex(/^[a-z0-9-]+$/)).optional(),
    synonyms: z.array(z.string().min(2)).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.kldb !== o.kldb5.slice(0, 3))
      ctx.addIssue({ code: "custom", path: ["kldb"], message: `${o.id}: kldb must be the first 3 digits of kldb5` });
    if (o.chambers[0] !== o.chamber)
      ctx.addIssue({ code: "custom", path: ["chambers"], message: `${o.id}: chambers must start with chamber` });
    if (new Set(o.chambers).size !== o.chambers.length)
      ctx.addIssue({ code: "custom", path: ["chambers"], message: `${o.id}: duplicate chamber` });
    if (o.validFrom && o.validUntil && o.validFrom > o.validUntil) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: `${o.id}: validUntil before validFrom` });
    }
  });
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

export const occupationCatalogueFileSchema = z.object({
  meta: z.object({ title: z.string(), version: z.string(), sources: z.array(z.string()).min(1) }).loose(),
  occupations: z.array(catalogueEntrySchema).min(1),
});

export const occupationQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional().describe("Suchbegriff; Tippfehler, Abkürzungen (Kfz) und frühere Namen werden gefunden"),
  chamber: chamberSchema.optional().describe("Nur Berufe, in denen diese Kammer ausbildet"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).optional().describe("Treffer je Seite (Standard 20)"),
  limit: z.coerce.number().int().min(1).max(500).optional().describe("Veraltet, wie pageSize"),
});
export type OccupationQuery = z.infer<typeof occupationQuerySchema>;

/** The page size a query asks for: `pageSize`, else the older `limit`, else 20. */
export const pageSizeOf = (q: Pick<OccupationQuery, "pageSize" | "limit">): number => q.pageSize ?? q.limit ?? 20;
