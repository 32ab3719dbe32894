import { fail } from "../../lib/errors.js";
import type { FieldValues } from "./schema.js";

/**
 * The JSON of the Bundesagentur für Arbeit's job search (shared/reference/jobsuche-openapi.yaml), read
 * offline from an uploaded file. Accepted: a search result (`stellenangebote[]`, or `ergebnisliste[]` in
 * the second shape the live API has answered with), the details of one posting (`refnr`/`titel` or
 * `referenznummer`/`stellenangebotsTitel`), or a list of details.
 */

type Json = Record<string, unknown>;

export const jobsucheColumns = ["refnr", "arbeitgeber", "titel", "beruf", "plz", "ort", "eintrittsdatum"];

const expected =
  "Erwartet wird eine Antwort der Jobsuche der Bundesagentur für Arbeit: eine Suche (stellenangebote[] oder ergebnisliste[]) oder die Details von Stellen (mit refnr oder referenznummer).";

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => {
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
};

/** The postings of a file; a clear 422 when it is not JSON or not one of the known shapes. */
export function jobsuchePostings(bytes: Uint8Array): Json[] {
  if (bytes.length === 0) throw fail.invalid({ file: ["Die Datei ist leer."] }, "Die Datei ist leer.");
  let data: unknown;
  try {
    data = JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
    );
  } catch {
    throw fail.invalid({ file: [expected] }, "Die Datei ist kein gültiges JSON.");
  }
  const isPosting = (v: unknown) => isObject(v) && (text(v.refnr) !== undefined || text(v.referenznummer) !== undefined);
  let postings: unknown[] | undefined;
  if (isObject(data) && Array.isArray(data.stellenangebote)) postings = data.stellenangebote;
  else if (isObject(data) && Array.isArray(data.ergebnisliste)) postings = data.ergebnisliste;
  else if (Array.isArray(data) && data.every(isPosting)) postings = data;
  else if (isPosting(data)) postings = [data];
  if (!postings) throw fail.invalid({ file: [expected] }, "Die Datei hat nicht das Format der Jobsuche.");
  return postings.map((p) => (isObject(p) ? p : {}));
}

/** A postcode as the search returns it: an integer there (6108), restored to five digits ("06108"). */
export function postcodeText(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 100_000) return String(v).padStart(5, "0");
  const s = text(v);
  return s && /^\d{4}$/.test(s) ? s.padStart(5, "0") : s;
}

/** Where the place is: `arbeitsort` (search), `arbeitsorte[0]` (details), `stellenlokationen[0].adresse` (second shape). */
function placeOf(p: Json): Json | undefined {
  if (isObject(p.arbeitsort)) return p.arbeitsort;
  if (Array.isArray(p.arbeitsorte) && isObject(p.arbeitsorte[0])) return p.arbeitsorte[0];
  if (Array.isArray(p.stellenlokationen)) {
    const first = p.stellenlokationen[0];
    if (isObject(first)) return isObject(first.adresse) ? first.adresse : first;
  }
  return undefined;
}

function employerOf(p: Json): string | undefined {
  for (const v of [p.arbeitgeber, p.firma]) {
    if (isObject(v)) {
      const name = text(v.name) ?? text(v.firmenname);
      if (name) return name;
    }
    const name = text(v);
    if (name) return name;
  }
  return undefined;
}

const day = (v: unknown) => text(v)?.slice(0, 10);

/** One posting as the fields of a row, and the cells for the download of rejected rows. */
export function jobsucheRow(p: Json): { values: FieldValues; cells: string[] } {
  const place = placeOf(p);
  const address = isObject(p.arbeitgeberAdresse) ? p.arbeitgeberAdresse : place;
  const period = isObject(p.eintrittszeitraum) ? p.eintrittszeitraum : undefined;
  const values: FieldValues = {
    externalId: text(p.kundennummerHash) ?? text(p.arbeitgeberKundennummerHash) ?? text(p.arbeitgeberHashId),
    name: employerOf(p),
    street: text(address?.strasseHausnummer) ?? text(address?.strasse),
    postalCode: postcodeText(address?.plz) ?? postcodeText(place?.plz),
    city: text(address?.ort) ?? text(place?.ort),
    sector: text(p.branche),
    occupation: text(p.beruf) ?? text(p.hauptberuf),
    title: text(p.titel) ?? text(p.stellenangebotsTitel),
    startDate: day(p.eintrittsdatum) ?? day(period?.von),
    places: text(p.anzahlOffeneStellen),
    offerExternalId: text(p.refnr) ?? text(p.referenznummer),
    description: text(p.stellenangebotsBeschreibung) ?? text(p.stellenbeschreibung),
  };
  for (const key of Object.keys(values) as (keyof FieldValues)[]) if (values[key] === undefined) delete values[key];
  const cells = [
    values.offerExternalId ?? "",
    values.name ?? "",
    values.title ?? "",
    values.occupation ?? "",
    postcodeText(place?.plz) ?? values.postalCode ?? "",
    text(place?.ort) ?? values.city ?? "",
    values.startDate ?? "",
  ];
  return { values, cells };
}
