import { createHash } from "node:crypto";
import { fail } from "../../lib/errors.js";
import { msg } from "../../lib/i18n/messages.js";
import { type FieldValues, type ImportField, type ImportFormat, importFields, type Mapping } from "./schema.js";

/** Header names recognised without a mapping (compared without case, accents, spaces and punctuation). */
const headerNames: Record<ImportField, string[]> = {
  externalId: ["Externe ID", "Externe Kennung", "Ext. ID", "ID", "Betriebs-ID", "Betriebsnummer", "Kundennummer", "External ID"],
  name: ["Name", "Betrieb", "Betriebsname", "Name des Betriebs", "Firma", "Firmenname", "Unternehmen", "Arbeitgeber", "Company"],
  legalForm: ["Rechtsform", "Legal form"],
  street: ["Straße", "Strasse", "Str.", "Straße und Hausnummer", "Adresse", "Anschrift", "Street"],
  postalCode: ["PLZ", "Postleitzahl", "Postal code", "Postcode", "Zip"],
  city: ["Ort", "Stadt", "Gemeinde", "City"],
  sector: ["Branche", "Wirtschaftszweig", "Sector"],
  sizeClass: ["Größe", "Betriebsgröße", "Größenklasse", "Beschäftigte", "Mitarbeitende", "Size"],
  chamber: ["Kammer", "Zuständige Kammer", "Zuständige Stelle", "Chamber"],
  website: ["Website", "Webseite", "Internet", "Homepage", "Webadresse"],
  occupation: ["Beruf", "Ausbildungsberuf", "Berufs-ID", "Beruf-ID", "Occupation"],
  kind: ["Art", "Angebotsart", "Platzart", "Art des Platzes", "Kind"],
  places: ["Plätze", "Anzahl Plätze", "Anzahl", "Freie Plätze", "Places"],
  startDate: ["Beginn", "Ausbildungsbeginn", "Start", "Startdatum", "Eintrittsdatum", "Start date"],
  eqMonths: ["EQ-Monate", "EQ Monate", "Dauer (Monate)", "Dauer in Monaten"],
  title: ["Titel", "Stellentitel", "Bezeichnung", "Title"],
  offerExternalId: ["Platz-ID", "Stellen-ID", "Angebots-ID", "Referenznummer", "Refnr"],
  description: ["Beschreibung", "Stellenbeschreibung", "Description"],
};

/** "Straße" → "strasse", "Plätze " → "platze", "Ext. ID" → "extid". */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]/g, "");
}

const byNormalisedName = new Map<string, ImportField>();
for (const field of importFields) for (const name of headerNames[field]) byNormalisedName.set(normaliseHeader(name), field);

/** The fields found by their usual German (or English) header names; each column is used once. */
export function detectMapping(columns: string[]): Mapping {
  const mapping: Mapping = {};
  for (const column of columns) {
    const field = byNormalisedName.get(normaliseHeader(column));
    if (field && mapping[field] === undefined) mapping[field] = column;
  }
  return mapping;
}

/** A file layout is its format and its header row: the same export of the same tool gets the same key. */
export function layoutHash(format: ImportFormat, columns: string[]): string {
  return createHash("sha256")
    .update([format, ...columns.map(normaliseHeader)].join("\u0001"))
    .digest("hex");
}

/**
 * The mapping to use: the given one (a field set to null or "" is left out), over the remembered one for
 * this layout, over what the header names say. Every column named must exist; name and postcode must be
 * found, else the file cannot be read as companies.
 */
export function resolveMapping(
  columns: string[],
  given: Partial<Record<ImportField, string | null>> | undefined,
  remembered: Mapping | undefined,
): { mapping: Mapping; source: "given" | "remembered" | "detected" } {
  const mapping: Mapping = { ...detectMapping(columns), ...(remembered ?? {}) };
  for (const field of importFields) {
    if (!given || !Object.hasOwn(given, field)) continue;
    const column = given[field];
    if (column) mapping[field] = column;
    else delete mapping[field];
  }
  const unknown = Object.values(mapping).filter((c) => !columns.includes(c));
  if (unknown.length) {
    throw fail.invalid({
      mapping: unknown.map((column) => msg("Die Spalte „{column}“ gibt es in der Datei nicht", { column })),
    });
  }
  const missing = (["name", "postalCode"] as const).filter((f) => !mapping[f]);
  if (missing.length) {
    throw fail.invalid(
      {
        file: [
          msg(
            "In der Datei fehlen die Spalten für {fields}. Erkannt werden zum Beispiel Name oder Betrieb, PLZ, Ort, Beruf, Plätze, Beginn.",
            {
              fields: missing.map((f) => (f === "name" ? "Name" : "PLZ")).join(", "),
            },
          ),
        ],
      },
      "Die Spalten der Datei wurden nicht erkannt. Bitte geben Sie die Zuordnung der Spalten an (mapping).",
    );
  }
  return { mapping, source: given && Object.keys(given).length ? "given" : remembered ? "remembered" : "detected" };
}

/** The cells of a row as field values, by the mapping. */
export function valuesOf(cells: string[], indexOf: Map<ImportField, number>): FieldValues {
  const values: FieldValues = {};
  for (const [field, index] of indexOf) {
    const cell = cells[index];
    if (cell !== undefined && cell !== "") values[field] = cell;
  }
  return values;
}

export function columnIndexes(columns: string[], mapping: Mapping): Map<ImportField, number> {
  const out = new Map<ImportField, number>();
  for (const field of importFields) {
    const column = mapping[field];
    if (column !== undefined) out.set(field, columns.indexOf(column));
  }
  return out;
}
