import ruleBook from "../../../data/matching-rules.json" with { type: "json" };
import { audit } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { toGermanCsv } from "../../lib/csv.js";
import { fail } from "../../lib/errors.js";
import { msg } from "../../lib/i18n/messages.js";
import { type Cell, toXlsx } from "../../lib/spreadsheet.js";
import { requireCompany } from "../companies/service.js";
import { districtName, findPostcode, requirePostcode } from "../geo/service.js";
import { getOccupation } from "../occupations/service.js";
import {
  contactBelongsTo,
  deleteOfferRow,
  findOfferById,
  findOffers,
  insertOffer,
  type OfferRow,
  offerPoints,
  streamOffers,
  updateOfferRow,
} from "./repository.js";
import type { Offer, OfferCreate, OfferFilters, OfferListQuery, OfferMap, OfferPage, OfferUpdate } from "./schema.js";

const place = (postalCode: string) => {
  const info = findPostcode(postalCode);
  return { city: info?.primary.name ?? null, districtName: info ? (districtName(info.primary.ags) ?? null) : null };
};

type RuleVersion = { id: string; value: number; validFrom: string; validTo?: string };
/** The EQ length allowed for a start date (§ 54a SGB III: 4–12 months since 01.04.2024, 6–12 before). */
export function eqMonthsOn(day: string): { min: number; max: number } {
  const valueOn = (id: string) =>
    (ruleBook.rules as RuleVersion[]).find((r) => r.id === id && r.validFrom <= day && (!r.validTo || day <= r.validTo))?.value;
  return { min: valueOn("eqMinMonths") ?? 6, max: valueOn("eqMaxMonths") ?? 12 };
}

export async function requireOffer(ctx: Ctx, id: string): Promise<Offer> {
  const offer = await findOfferById(ctx.db, ctx.scope, id, place);
  if (!offer) throw fail.notFound("Der Ausbildungsplatz");
  return offer;
}

export function listOffers(ctx: Ctx, query: OfferListQuery): Promise<OfferPage> {
  return findOffers(ctx.db, ctx.scope, query, place);
}

export async function offerMap(ctx: Ctx, filters: OfferFilters): Promise<OfferMap> {
  return { items: await offerPoints(ctx.db, ctx.scope, filters, 20_000) };
}

/** Checks that need the record as it will be: occupation, EQ length, contact person. */
async function checkOffer(
  ctx: Ctx,
  o: { kind: Offer["kind"]; occupationId: string; startDate: string; eqMonths: number | null; contactId: string | null; companyId: string },
  isNewOccupation: boolean,
) {
  const occupation = await getOccupation(ctx, o.occupationId).catch(() => null);
  if (!occupation) throw fail.invalid({ occupationId: ["Diesen Beruf gibt es im Katalog nicht"] });
  if (isNewOccupation && occupation.retiredAt) {
    throw fail.invalid({
      occupationId: [msg("{name} wird nicht mehr ausgebildet; bitte den Nachfolgeberuf wählen", { name: occupation.name })],
    });
  }
  if (o.kind === "entry_qualification") {
    const { min, max } = eqMonthsOn(o.startDate);
    if (o.eqMonths === null) throw fail.invalid({ eqMonths: ["Für eine EQ die Dauer in Monaten angeben"] });
    if (o.eqMonths < min || o.eqMonths > max) {
      throw fail.invalid({ eqMonths: [msg("Eine EQ mit Beginn an diesem Tag dauert {min} bis {max} Monate", { min, max })] });
    }
  } else if (o.eqMonths !== null) {
    throw fail.invalid({ eqMonths: ["Eine Dauer in Monaten gibt es nur für eine EQ"] });
  }
  if (o.contactId && !(await contactBelongsTo(ctx.db, o.contactId, o.companyId))) {
    throw fail.invalid({ contactId: ["Diese Ansprechperson gehört nicht zu diesem Betrieb"] });
  }
}

function located(postalCode: string) {
  const info = requirePostcode(postalCode, "postalCode");
  return { postal_code: postalCode, ags: info.primary.ags, lat: info.primary.lat, lon: info.primary.lon };
}

function requirementsRow(r: OfferCreate["requirements"] | undefined): OfferRow {
  if (!r) return {};
  const row: OfferRow = {};
  if (r.minSchoolCertificate !== undefined) row.min_school_certificate = r.minSchoolCertificate;
  if (r.minGermanLevel !== undefined) row.min_german_level = r.minGermanLevel;
  if (r.drivingLicence !== undefined) row.driving_licence = r.drivingLicence;
  if (r.note !== undefined) row.requirements_note = r.note;
  return row;
}

const auditable = (o: Offer) => {
  const { companyName: _c, occupationName: _o, city: _ci, districtName: _d, updatedAt: _u, ...rest } = o;
  return rest;
};

export async function createOffer(
  ctx: Ctx,
  input: OfferCreate,
  source: Pick<Offer, "source" | "externalRef"> = { source: "manual", externalRef: null },
): Promise<Offer> {
  const company = await requireCompany(ctx, input.companyId);
  const eqMonths = input.eqMonths ?? null;
  await checkOffer(ctx, { ...input, eqMonths, contactId: input.contactId ?? null }, true);
  return withWrite(ctx, async (w) => {
    const id = await insertOffer(
      w.db,
      {
        company_id: company.id,
        kind: input.kind,
        occupation_id: input.occupationId,
        title: input.title ?? null,
        places: input.places,
        start_date: input.startDate,
        eq_months: eqMonths,
        ...located(input.postalCode ?? company.postalCode),
        ...requirementsRow(input.requirements),
        description: input.description ?? null,
        contact_id: input.contactId ?? null,
        status: input.status ?? "open",
        source: source.source,
        external_ref: source.externalRef,
      },
      w.now,
    );
    const created = await requireOffer(w, id);
    await audit(w, { entity: "offer", action: "create", entityId: id, before: null, after: auditable(created) });
    return created;
  });
}

export async function updateOffer(ctx: Ctx, id: string, patch: OfferUpdate): Promise<Offer> {
  return withWrite(ctx, async (w) => {
    const current = await requireOffer(w, id);
    const next = {
      kind: patch.kind ?? current.kind,
      occupationId: patch.occupationId ?? current.occupationId,
      startDate: patch.startDate ?? current.startDate,
      eqMonths: patch.eqMonths !== undefined ? patch.eqMonths : current.eqMonths,
      contactId: patch.contactId !== undefined ? patch.contactId : current.contactId,
      companyId: current.companyId,
    };
    await checkOffer(w, next, next.occupationId !== current.occupationId);
    const row: OfferRow = {
      ...requirementsRow(patch.requirements),
      kind: next.kind,
      occupation_id: next.occupationId,
      start_date: next.startDate,
      eq_months: next.eqMonths,
      contact_id: next.contactId,
    };
    if (patch.title !== undefined) row.title = patch.title;
    if (patch.places !== undefined) row.places = patch.places;
    if (patch.description !== undefined) row.description = patch.description;
    if (patch.status !== undefined) row.status = patch.status;
    if (patch.postalCode !== undefined && patch.postalCode !== current.postalCode) Object.assign(row, located(patch.postalCode));
    await updateOfferRow(w.db, id, row, w.now);
    const updated = await requireOffer(w, id);
    await audit(w, { entity: "offer", action: "update", entityId: id, before: auditable(current), after: auditable(updated) });
    return updated;
  });
}

export async function deleteOffer(ctx: Ctx, id: string): Promise<void> {
  await withWrite(ctx, async (w) => {
    const current = await requireOffer(w, id);
    await deleteOfferRow(w.db, id);
    await audit(w, { entity: "offer", action: "delete", entityId: id, before: auditable(current), after: null });
  });
}

const kindLabels = { training: "Ausbildung", entry_qualification: "EQ", internship: "Praktikum" } as const;
const statusLabels = { draft: "Entwurf", open: "offen", filled: "besetzt", withdrawn: "zurückgezogen" } as const;
const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const header = [
  "Betrieb",
  "Art",
  "Beruf",
  "Titel",
  "Plätze",
  "Beginn",
  "EQ-Monate",
  "PLZ",
  "Ort",
  "Kreis",
  "Mindestabschluss",
  "Deutsch mindestens",
  "Führerschein",
  "Status",
  "Quelle",
  "Referenz",
];

export async function exportOffers(ctx: Ctx, filters: OfferFilters, format: "csv" | "xlsx"): Promise<string | Buffer> {
  const rows: Cell[][] = [];
  for await (const batch of streamOffers(ctx.db, ctx.scope, filters, place)) {
    for (const o of batch) {
      rows.push([
        o.companyName,
        kindLabels[o.kind],
        o.occupationName,
        o.title,
        o.places,
        germanDate(o.startDate),
        o.eqMonths,
        o.postalCode,
        o.city,
        o.districtName,
        o.requirements.minSchoolCertificate,
        o.requirements.minGermanLevel,
        o.requirements.drivingLicence ? "ja" : "nein",
        statusLabels[o.status],
        o.source,
        o.externalRef,
      ]);
    }
  }
  await withWrite(ctx, (w) => audit(w, { entity: "offer", action: "export", entityId: null, fields: Object.keys(filters).sort() }));
  return format === "csv" ? toGermanCsv(header, rows) : toXlsx("Ausbildungsplätze", header, rows);
}
