import { audit } from "../../lib/audit.js";
import { berlinDate } from "../../lib/berlin-date.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { toGermanCsv } from "../../lib/csv.js";
import { DomainError, fail } from "../../lib/errors.js";
import { msg } from "../../lib/i18n/messages.js";
import { type Cell, toXlsx } from "../../lib/spreadsheet.js";
import { districtName, requirePostcode } from "../geo/service.js";
import { canBeResponsibleFor } from "../users/service.js";
import {
  boardColumns,
  type CompanyRowInput,
  deleteCompanyRow,
  findCompanies,
  findCompanyById,
  findSimilarCompanies,
  findStageChanges,
  insertCompany,
  insertStageChange,
  mapPoints,
  moveCompanyChildren,
  streamCompanies,
  toCompany,
  updateCompanyRow,
} from "./repository.js";
import {
  type Board,
  type Company,
  type CompanyCreate,
  type CompanyFilters,
  type CompanyListQuery,
  type CompanyMap,
  type CompanyPage,
  type CompanyUpdate,
  type Duplicates,
  type Stage,
  type StageChange,
  type StageMove,
  stages,
} from "./schema.js";

const nameOf = (ags: string) => districtName(ags);

export async function requireCompany(ctx: Ctx, id: string): Promise<Company> {
  const company = await findCompanyById(ctx.db, ctx.scope, id, nameOf);
  if (!company) throw fail.notFound("Der Betrieb");
  return company;
}

export function listCompanies(ctx: Ctx, query: CompanyListQuery): Promise<CompanyPage> {
  return findCompanies(ctx.db, ctx.scope, query, ctx.actor?.id ?? null, nameOf);
}

/** Place, district and coordinates from the postcode; a counsellor only places companies in their own districts. */
function locate(ctx: Ctx, postalCode: string) {
  const info = requirePostcode(postalCode, "postalCode", ctx.config.serviceRegion);
  const ags = info.primary.ags;
  const districts = ctx.scope.districts;
  if (districts !== "all" && !districts.includes(ags)) {
    throw fail.invalid({
      postalCode: [
        msg("{place} liegt nicht in Ihren Kreisen; solche Betriebe legt die Koordination an", {
          place: `${postalCode} ${info.primary.name}`,
        }),
      ],
    });
  }
  return { ags, lat: info.primary.lat, lon: info.primary.lon, in_service_region: info.inServiceRegion, city: info.primary.name };
}

async function checkResponsible(ctx: Ctx, userId: string | null | undefined, ags: string | null) {
  if (!userId) return;
  if (!(await canBeResponsibleFor(ctx, userId, ags))) {
    throw fail.invalid({
      responsibleUserId: ["Zuständig kann nur eine Beraterin oder ein Berater dieses Kreises oder die Koordination sein"],
    });
  }
}

function checkDeclined(stage: Stage | undefined, reason: string | undefined | null) {
  if (stage === "declined" && !reason) throw fail.invalid({ declinedReason: ["Bei einer Absage den Grund angeben"] });
}

/** The fields the audit log compares (names only are logged). */
const auditable = (c: Company) => {
  const { openPlaces: _o, nextStepDue: _n, updatedAt: _u, responsibleName: _r, districtName: _d, stageChangedAt: _s, ...rest } = c;
  return rest;
};

export async function findDuplicates(ctx: Ctx, name: string, postalCode: string, exceptId?: string): Promise<Duplicates> {
  return { items: await findSimilarCompanies(ctx.db, ctx.scope, name, postalCode, exceptId) };
}

/**
 * A new company. Similar names with the same postcode are shown first (409 with `duplicates`); the
 * person saves anyway with `confirmNotDuplicate` once they have looked.
 */
export async function createCompany(ctx: Ctx, input: CompanyCreate): Promise<Company> {
  const place = locate(ctx, input.postalCode);
  checkDeclined(input.stage, input.declinedReason);
  await checkResponsible(ctx, input.responsibleUserId, place.ags);
  if (!input.confirmNotDuplicate) {
    const { items } = await findDuplicates(ctx, input.name, input.postalCode);
    if (items.length) {
      throw new DomainError(
        "conflict",
        "Es gibt bereits ähnliche Betriebe mit dieser Postleitzahl. Bitte prüfen Sie, ob es derselbe ist.",
        {
          extensions: { duplicates: items },
        },
      );
    }
  }
  const stage = input.stage ?? "contacted";
  return withWrite(ctx, async (w) => {
    const row: CompanyRowInput = {
      ...fromInput(input),
      ...place,
      city: input.city ?? place.city,
      stage,
      responsible_user_id:
        input.responsibleUserId !== undefined ? input.responsibleUserId : w.actor?.role === "counsellor" ? w.actor.id : null,
    };
    const id = await insertCompany(w.db, row, w.now);
    await insertStageChange(w.db, {
      companyId: id,
      from: null,
      to: stage,
      reason: input.declinedReason ?? null,
      note: input.declinedNote ?? null,
      at: w.now,
      userId: w.actor?.id ?? null,
    });
    const created = await requireCompany(w, id);
    await audit(w, { entity: "company", action: "create", entityId: id, before: null, after: auditable(created) });
    return created;
  });
}

function fromInput(input: Partial<CompanyCreate>): Partial<CompanyRowInput> & { name: string; postal_code: string } {
  const row: Record<string, unknown> = {};
  const map: Record<string, string> = {
    name: "name",
    legalForm: "legal_form",
    street: "street",
    postalCode: "postal_code",
    city: "city",
    sector: "sector",
    sizeClass: "size_class",
    chamber: "chamber",
    membershipNumber: "membership_number",
    migrantLed: "migrant_led",
    migrantLedRecordedOn: "migrant_led_recorded_on",
    mayTrain: "may_train",
    trainerQualified: "trainer_qualified",
    website: "website",
    tags: "tags",
    responsibleUserId: "responsible_user_id",
    declinedReason: "declined_reason",
    declinedNote: "declined_note",
  };
  for (const [key, column] of Object.entries(map)) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) row[column] = value;
  }
  return row as Partial<CompanyRowInput> & { name: string; postal_code: string };
}

export async function updateCompany(ctx: Ctx, id: string, patch: CompanyUpdate): Promise<Company> {
  return withWrite(ctx, async (w) => {
    const current = await requireCompany(w, id);
    const row: Partial<CompanyRowInput> & { stage_changed_at?: Date } = fromInput(patch);
    if (patch.postalCode && patch.postalCode !== current.postalCode) {
      const place = locate(w, patch.postalCode);
      Object.assign(row, place, { city: patch.city ?? place.city });
    }
    if (patch.responsibleUserId !== undefined || row.ags) {
      const responsible = patch.responsibleUserId !== undefined ? patch.responsibleUserId : current.responsibleUserId;
      if (patch.responsibleUserId !== undefined || responsible)
        await checkResponsible(w, responsible, (row.ags as string | undefined) ?? current.ags);
    }
    if (patch.migrantLed !== undefined && patch.migrantLed !== current.migrantLed && patch.migrantLedRecordedOn === undefined) {
      row.migrant_led_recorded_on = berlinDate(w.now);
    }
    if (patch.stage && patch.stage !== current.stage) {
      checkDeclined(patch.stage, patch.declinedReason);
      row.stage = patch.stage;
      row.stage_changed_at = w.now;
      if (patch.stage !== "declined") Object.assign(row, { declined_reason: null, declined_note: null });
      await insertStageChange(w.db, {
        companyId: id,
        from: current.stage,
        to: patch.stage,
        reason: patch.declinedReason ?? null,
        note: patch.declinedNote ?? null,
        at: w.now,
        userId: w.actor?.id ?? null,
      });
    }
    await updateCompanyRow(w.db, id, row, w.now);
    const updated = await requireCompany(w, id);
    await audit(w, { entity: "company", action: "update", entityId: id, before: auditable(current), after: auditable(updated) });
    return updated;
  });
}

/** A move on the board (drag and drop, keyboard or menu): the same as a stage change in the form. */
export function moveCompanyStage(ctx: Ctx, id: string, move: StageMove): Promise<Company> {
  if (move.stage === "declined" && !move.reason) throw fail.invalid({ reason: ["Bei einer Absage den Grund angeben"] });
  return updateCompany(ctx, id, { stage: move.stage, declinedReason: move.reason, declinedNote: move.note });
}

export async function deleteCompany(ctx: Ctx, id: string): Promise<void> {
  await withWrite(ctx, async (w) => {
    const current = await requireCompany(w, id);
    await deleteCompanyRow(w.db, id);
    await audit(w, { entity: "company", action: "delete", entityId: id, before: auditable(current), after: null });
  });
}

export async function stageHistory(ctx: Ctx, id: string): Promise<StageChange[]> {
  await requireCompany(ctx, id);
  return findStageChanges(ctx.db, id);
}

/**
 * Two records of one company become one: contacts, activities, places and stage history of `otherId`
 * move to `targetId`, tags are joined, `otherId` is deleted. The audit log names both.
 */
export async function mergeCompanies(ctx: Ctx, targetId: string, otherId: string): Promise<Company> {
  if (targetId === otherId) throw fail.invalid({ otherId: ["Ein Betrieb kann nicht mit sich selbst zusammengeführt werden"] });
  return withWrite(ctx, async (w) => {
    const target = await requireCompany(w, targetId);
    const other = await requireCompany(w, otherId);
    const moved = await moveCompanyChildren(w.db, otherId, targetId);
    const tags = [...new Set([...target.tags, ...other.tags])];
    await updateCompanyRow(w.db, targetId, { tags }, w.now);
    await deleteCompanyRow(w.db, otherId);
    const fields = Object.entries(moved)
      .filter(([, n]) => n > 0)
      .map(([k]) => k);
    await audit(w, {
      entity: "company",
      action: "merge",
      entityId: targetId,
      fields: [...fields, ...(tags.length !== target.tags.length ? ["tags"] : [])].sort(),
    });
    await audit(w, { entity: "company", action: "delete", entityId: otherId, fields: [`mergedInto:${targetId}`] });
    return requireCompany(w, targetId);
  });
}

export async function companyBoard(ctx: Ctx, filters: CompanyFilters): Promise<Board> {
  const { counts, cards } = await boardColumns(ctx.db, ctx.scope, filters, ctx.actor?.id ?? null, 50);
  const byStage = new Map<string, Company[]>();
  for (const row of cards) {
    const card = toCompany(row, nameOf);
    byStage.set(card.stage, [...(byStage.get(card.stage) ?? []), card]);
  }
  return {
    columns: stages.map((stage) => ({
      stage,
      count: counts.get(stage) ?? 0,
      cards: (byStage.get(stage) ?? []).map((c) => ({
        id: c.id,
        name: c.name,
        city: c.city,
        districtName: c.districtName,
        migrantLed: c.migrantLed,
        nextStepDue: c.nextStepDue,
        openPlaces: c.openPlaces,
        stage: c.stage,
        responsibleName: c.responsibleName,
      })),
    })),
  };
}

export async function companyMap(ctx: Ctx, filters: CompanyFilters): Promise<CompanyMap> {
  return mapPoints(ctx.db, ctx.scope, filters, ctx.actor?.id ?? null, 20_000);
}

export const stageLabels: Record<Stage, string> = {
  contacted: "Kontaktiert",
  informed: "Informiert",
  interested: "Interessiert",
  needs_profiled: "Bedarf erfasst",
  training: "Bildet aus",
  paused: "Pausiert",
  declined: "Abgesagt",
};

const exportHeader = [
  "Name",
  "Rechtsform",
  "Straße",
  "PLZ",
  "Ort",
  "Kreis",
  "In der Region",
  "Branche",
  "Größe",
  "Kammer",
  "Migrantengeführt",
  "Darf ausbilden",
  "Stufe",
  "Stufe seit",
  "Offene Plätze",
  "Nächste Wiedervorlage",
  "Zuständig",
  "Schlagworte",
  "Angelegt am",
];
const yesNo = (b: boolean | null) => (b === null ? "" : b ? "ja" : "nein");
const germanDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "");
const mayTrainLabels = { unknown: "unbekannt", checking: "wird geprüft", authorised: "ja", not_authorised: "nein" } as const;

/** Exactly the filtered companies in scope, as CSV or XLSX with German headers and dates; audited. */
export async function exportCompanies(ctx: Ctx, filters: CompanyFilters, format: "csv" | "xlsx"): Promise<string | Buffer> {
  const rows: Cell[][] = [];
  for await (const batch of streamCompanies(ctx.db, ctx.scope, filters, ctx.actor?.id ?? null, nameOf)) {
    for (const c of batch) {
      rows.push([
        c.name,
        c.legalForm,
        c.street,
        c.postalCode,
        c.city,
        c.districtName,
        yesNo(c.inServiceRegion),
        c.sector,
        c.sizeClass,
        c.chamber?.toUpperCase() ?? null,
        yesNo(c.migrantLed),
        mayTrainLabels[c.mayTrain],
        stageLabels[c.stage],
        germanDate(c.stageChangedAt.slice(0, 10)),
        c.openPlaces,
        germanDate(c.nextStepDue),
        c.responsibleName,
        c.tags.join(", "),
        germanDate(c.createdAt.slice(0, 10)),
      ]);
    }
  }
  await withWrite(ctx, (w) => audit(w, { entity: "company", action: "export", entityId: null, fields: Object.keys(filters).sort() }));
  return format === "csv" ? toGermanCsv(exportHeader, rows) : toXlsx("Betriebe", exportHeader, rows);
}
