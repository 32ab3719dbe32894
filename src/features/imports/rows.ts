import { type Msg, msg } from "../../lib/i18n/messages.js";
import { isoDate } from "../../lib/schema-types.js";
import type { ImportCompany } from "../companies/import-upsert.js";
import { companyCreateSchema } from "../companies/schema.js";
import type { ImportOffer } from "../offers/import-upsert.js";
import type { OccupationMatcher } from "./occupation-match.js";
import type { FieldValues, ImportField } from "./schema.js";

/** A row of the file, read: its number, its cells (for the download of rejected rows) and its values by field. */
export type SourceRow = { row: number; cells: string[]; values: FieldValues; source: "import" | "jobsuche" };

/** A row checked on its own: what it would write, or why it cannot be written. */
export type CheckedRow =
  | { row: number; cells: string[]; ok: true; company: ImportCompany; offer: ImportOffer | null }
  | { row: number; cells: string[]; ok: false; reasons: Msg[] };

const labels: Record<ImportField, string> = {
  externalId: "Externe ID",
  name: "Name",
  legalForm: "Rechtsform",
  street: "Straße",
  postalCode: "PLZ",
  city: "Ort",
  sector: "Branche",
  sizeClass: "Größe",
  chamber: "Kammer",
  website: "Website",
  occupation: "Beruf",
  kind: "Art",
  places: "Plätze",
  startDate: "Beginn",
  eqMonths: "EQ-Monate",
  title: "Titel",
  offerExternalId: "Platz-ID",
  description: "Beschreibung",
};

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\s._–-]+/g, "");

function sizeClassOf(text: string): ImportCompany["sizeClass"] | undefined {
  const t = text.replace(/\s+/g, "").replace(/[–—]/g, "-").replace(/bis/gi, "-");
  if (t === "1-9" || t === "10-49" || t === "50-249" || t === "250+") return t;
  if (/^250(undmehr|\+|ormore)$/i.test(t)) return "250+";
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    if (n >= 1) return n < 10 ? "1-9" : n < 50 ? "10-49" : n < 250 ? "50-249" : "250+";
  }
  return undefined;
}

const chamberNames: Record<string, ImportCompany["chamber"]> = {
  ihk: "ihk",
  industrieundhandelskammer: "ihk",
  hwk: "hwk",
  handwerkskammer: "hwk",
  other: "other",
  andere: "other",
  sonstige: "other",
  anderekammer: "other",
};

const kindNames: Record<string, ImportOffer["kind"]> = {
  ausbildung: "training",
  ausbildungsplatz: "training",
  training: "training",
  eq: "entry_qualification",
  einstiegsqualifizierung: "entry_qualification",
  entryqualification: "entry_qualification",
  praktikum: "internship",
  internship: "internship",
};

/** "01.08.2027", "1.8.27", "2027-08-01", an Excel serial day (46965) → "2027-08-01"; undefined if none of these. */
export function dateOf(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(text);
  let parts: [number, number, number];
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (german) {
    const year = Number(german[3]);
    parts = [year < 100 ? year + 2000 : year, Number(german[2]), Number(german[1])];
  } else if (/^\d{5}(\.0+)?$/.test(text)) {
    const serial = Number(text);
    if (serial < 20_000 || serial > 80_000) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  } else return undefined;
  const [y, m, d] = parts;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  const day = date.toISOString().slice(0, 10);
  return isoDate.safeParse(day).success ? day : undefined;
}

const wrong = (field: ImportField, value: string, hint: string): Msg =>
  msg("{field} „{value}“: {hint}", { field: labels[field], value: value.slice(0, 80), hint });

function checkCompany(v: FieldValues, source: SourceRow["source"], reasons: Msg[]): ImportCompany | null {
  const rawPostcode = (v.postalCode ?? "").replace(/\s/g, "");
  const postalCode = /^\d{4}$/.test(rawPostcode) ? `0${rawPostcode}` : rawPostcode;
  if (!v.name) reasons.push("Der Name des Betriebs fehlt");
  if (!postalCode) reasons.push("Die Postleitzahl fehlt");
  let website = v.website;
  if (website && /^www\./i.test(website)) website = `https://${website}`;
  const sizeClass = v.sizeClass ? sizeClassOf(v.sizeClass) : undefined;
  if (v.sizeClass && !sizeClass) reasons.push(wrong("sizeClass", v.sizeClass, "erlaubt sind 1-9, 10-49, 50-249, 250+ oder eine Zahl"));
  const chamber = v.chamber ? chamberNames[fold(v.chamber)] : undefined;
  if (v.chamber && !chamber) reasons.push(wrong("chamber", v.chamber, "erlaubt sind IHK, HWK oder andere"));
  if (!v.name || !postalCode) return null;
  const parsed = companyCreateSchema.safeParse({
    name: v.name,
    postalCode,
    legalForm: v.legalForm,
    street: v.street,
    city: v.city,
    sector: v.sector,
    website,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "") as ImportField;
      reasons.push(msg("Spalte {field}: {problem}", { field: labels[field] ?? field, problem: issue.message }));
    }
    return null;
  }
  const c = parsed.data;
  return {
    source,
    externalRef: v.externalId?.slice(0, 200) ?? null,
    name: c.name,
    postalCode: c.postalCode,
    legalForm: c.legalForm ?? null,
    street: c.street ?? null,
    city: c.city ?? null,
    sector: c.sector ?? null,
    sizeClass: sizeClass ?? null,
    chamber: chamber ?? null,
    website: c.website ?? null,
  };
}

const offerFields: ImportField[] = ["occupation", "kind", "places", "startDate", "eqMonths", "title", "offerExternalId"];

async function checkOffer(v: FieldValues, row: SourceRow, occupations: OccupationMatcher, reasons: Msg[]): Promise<ImportOffer | null> {
  if (!offerFields.some((f) => v[f])) return null;
  const kind = v.kind ? kindNames[fold(v.kind)] : "training";
  if (!kind) reasons.push(wrong("kind", v.kind ?? "", "erlaubt sind Ausbildung, EQ oder Praktikum"));
  let occupationId: string | null = null;
  if (v.occupation) occupationId = await occupations(v.occupation);
  if (!occupationId && row.source === "jobsuche" && v.title) occupationId = await occupations(v.title);
  if (!occupationId) {
    const said = v.occupation ?? v.title;
    reasons.push(said ? msg("Der Beruf „{value}“ ist im Berufekatalog nicht bekannt", { value: said.slice(0, 80) }) : "Der Beruf fehlt");
  }
  const startDate = v.startDate ? dateOf(v.startDate) : undefined;
  if (!v.startDate) reasons.push("Der Beginn fehlt");
  else if (!startDate) reasons.push(wrong("startDate", v.startDate, "kein gültiges Datum (TT.MM.JJJJ oder JJJJ-MM-TT)"));
  let places = 1;
  if (v.places) {
    places = Number(v.places.replace(",", "."));
    if (!Number.isInteger(places) || places < 1 || places > 500)
      reasons.push(wrong("places", v.places, "eine ganze Zahl von 1 bis 500 angeben"));
  }
  let eqMonths: number | null = null;
  if (kind === "entry_qualification" && v.eqMonths) {
    eqMonths = Number(v.eqMonths);
    if (!Number.isInteger(eqMonths)) reasons.push(wrong("eqMonths", v.eqMonths, "eine ganze Zahl angeben"));
  }
  if (v.title && v.title.length > 200)
    reasons.push(msg("Spalte {field}: {problem}", { field: labels.title, problem: "Höchstens 200 Zeichen" }));
  if (!kind || !occupationId || !startDate || reasons.length) return null;
  return {
    source: row.source,
    externalRef: v.offerExternalId?.slice(0, 200) ?? null,
    kind,
    occupationId,
    places,
    startDate,
    eqMonths,
    title: v.title ?? null,
    description: v.description?.slice(0, 5000) ?? null,
    postalCode: "",
  };
}

/** Checks one row on its own (formats, required fields, occupation); the database checks come in the plan. */
export async function checkRow(row: SourceRow, occupations: OccupationMatcher): Promise<CheckedRow> {
  const reasons: Msg[] = [];
  if (row.source === "jobsuche" && !row.values.offerExternalId)
    reasons.push(msg("Die Stelle hat keine Referenznummer ({fields})", { fields: "refnr/referenznummer" }));
  const company = checkCompany(row.values, row.source, reasons);
  const offer = await checkOffer(row.values, row, occupations, reasons);
  if (!company || reasons.length) return { row: row.row, cells: row.cells, ok: false, reasons };
  return { row: row.row, cells: row.cells, ok: true, company, offer: offer && { ...offer, postalCode: company.postalCode } };
}
