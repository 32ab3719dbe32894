import { z } from "@hono/zod-openapi";
import { jobStateSchema } from "../jobs/schema.js";

export const importFormats = ["csv", "xlsx", "jobsuche"] as const;
export type ImportFormat = (typeof importFormats)[number];

/** What a column of a CSV or XLSX file can be: the company's fields, then its training place's. */
export const importFields = [
  "externalId",
  "name",
  "legalForm",
  "street",
  "postalCode",
  "city",
  "sector",
  "sizeClass",
  "chamber",
  "website",
  "occupation",
  "kind",
  "places",
  "startDate",
  "eqMonths",
  "title",
  "offerExternalId",
  "description",
] as const;
export type ImportField = (typeof importFields)[number];
export type FieldValues = Partial<Record<ImportField, string>>;

export const rowActions = ["create", "update", "reject"] as const;
export type RowAction = (typeof rowActions)[number];

/** `mapping`: which column of the file holds which field, e.g. `{"name": "Firmenname", "postalCode": "Postleitzahl"}`. */
export const mappingSchema = z
  .partialRecord(z.enum(importFields), z.string().trim().max(200, "Höchstens 200 Zeichen").nullable())
  .openapi("ImportMapping");
export type Mapping = Partial<Record<ImportField, string>>;

export const uploadFieldsSchema = z.object({
  format: z.enum(importFormats, "Format angeben: csv, xlsx oder jobsuche"),
  mapping: z.string().max(10_000, "Höchstens 10000 Zeichen").optional(),
});

export const importIdParam = z.object({ id: z.uuid("Ungültige Kennung") });

export const importQuerySchema = z.strictObject({
  rows: z.enum(["all", "rejected"]).default("all").describe("Alle Zeilen oder nur die abgelehnten"),
  rowsOffset: z.coerce.number().int().min(0, "Mindestens 0").default(0),
  rowsLimit: z.coerce.number().int().min(1, "Mindestens 1").max(5000, "Höchstens 5000").default(1000),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const importRowSchema = z
  .object({
    row: z.number().int().describe("Zeile in der Datei (Kopfzeile = 1) bzw. Nummer der Stelle (Jobsuche)"),
    action: z.enum(rowActions),
    reasons: z.array(z.string()).optional(),
  })
  .openapi("ImportRow");
export type ImportRowView = z.infer<typeof importRowSchema>;

const counts = { created: z.number().int(), updated: z.number().int(), rejected: z.number().int() };

export const importSchema = jobStateSchema
  .extend({
    id: z.uuid(),
    format: z.enum(importFormats),
    fileName: z.string().nullable(),
    createdAt: z.string(),
    phase: z.enum(["dry_run", "commit"]).describe("dry_run: Probe, nichts geschrieben; commit: Übernahme"),
    columns: z.array(z.string()).describe("Die Spalten der Datei"),
    mapping: z.record(z.string(), z.string()).describe("Feld → Spalte, wie verwendet"),
    mappingSource: z.enum(["given", "remembered", "detected"]),
    dryRun: z.object(counts).nullable().describe("Ergebnis der Probe, sobald sie fertig ist"),
    result: z
      .object({
        ...counts,
        committed: z.boolean().describe("true: geschrieben (nach commit); false: nur geprüft"),
        rows: z.array(importRowSchema),
        rowsTotal: z.number().int().describe("Zeilen insgesamt in der gewählten Sicht (rows=all|rejected)"),
      })
      .nullable(),
  })
  .openapi("Import");
export type ImportView = z.infer<typeof importSchema>;

export const importCreatedSchema = z.object({ id: z.uuid() }).openapi("ImportStarted");
