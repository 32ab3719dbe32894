import type { Updateable } from "kysely";
import type { CandidateTable } from "../../db/types.js";
import { audit, auditSensitiveRead } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { DomainError, fail } from "../../lib/errors.js";
import { roleSeesResidence } from "../../lib/http/actor.js";
import { msg } from "../../lib/i18n/messages.js";
import { requireCompany } from "../companies/service.js";
import { districtName, requirePostcode } from "../geo/service.js";
import { getOccupation } from "../occupations/service.js";
import { canBeResponsibleFor } from "../users/service.js";
import {
  anonymiseCandidateRows,
  type CandidateRowInput,
  candidateInScope,
  findCandidateById,
  findCandidates,
  findClosedBefore,
  findStatusChanges,
  insertCandidate,
  insertStatusChange,
  setOccupations,
  updateCandidateRow,
} from "./repository.js";
import { findResidence, saveResidence } from "./residence-repository.js";
import {
  type Candidate,
  type CandidateCreate,
  type CandidateListQuery,
  type CandidatePage,
  type CandidateUpdate,
  companyTiedStatuses,
  type Residence,
  type ResidenceInput,
} from "./schema.js";

export const nameOf = (ags: string) => districtName(ags);

/**
 * Whether the actor may see residence sections at all (configurable, RESIDENCE_ROLES; never partners).
 * Counsellors see only candidates of their districts anyway: the scope of every read sees to that.
 */
export function mayReadResidence(ctx: Ctx): boolean {
  return roleSeesResidence(ctx.actor?.role, ctx.config.residenceRoles);
}

function requireResidenceRight(ctx: Ctx) {
  if (!mayReadResidence(ctx)) {
    throw fail.forbidden("Den Aufenthaltsstatus dürfen nur berechtigte Rollen sehen und erfassen.");
  }
}

/** The candidate in scope, without the residence section: what other features use for their checks. */
export async function requireCandidate(ctx: Ctx, id: string): Promise<Candidate> {
  const candidate = await findCandidateById(ctx.db, ctx.scope, id, nameOf);
  if (!candidate) throw fail.notFound("Die Person");
  return candidate;
}

/** Only whether it exists in scope and its district (cheap; for nested resources such as consents). */
export async function requireCandidateRef(ctx: Ctx, id: string): Promise<{ id: string; ags: string | null }> {
  const ref = await candidateInScope(ctx.db, ctx.scope, id);
  if (!ref) throw fail.notFound("Die Person");
  return ref;
}

/**
 * The detail view: with the residence section for permitted roles (that read is audited), without the
 * key for everyone else.
 */
export async function candidateDetail(ctx: Ctx, id: string): Promise<Candidate> {
  const candidate = await requireCandidate(ctx, id);
  if (!mayReadResidence(ctx)) return candidate;
  const residence = await findResidence(ctx.db, id);
  await auditSensitiveRead(ctx, { entity: "candidate_residence", entityId: id, fields: ["residence"] });
  return residence ? { ...candidate, residence } : candidate;
}

export function listCandidates(ctx: Ctx, query: CandidateListQuery): Promise<CandidatePage> {
  return findCandidates(ctx.db, ctx.scope, query, ctx.actor?.id ?? null, nameOf);
}

/** Place and district from the postcode; counsellors only take on young people living in their districts. */
function locate(ctx: Ctx, postalCode: string) {
  const info = requirePostcode(postalCode, "postalCode", ctx.config.serviceRegion);
  const ags = info.primary.ags;
  const districts = ctx.scope.districts;
  if (districts !== "all" && !districts.includes(ags)) {
    throw fail.invalid({
      postalCode: [
        msg("{place} liegt nicht in Ihren Kreisen; bitte an die Koordination oder die zuständige Beratung geben", {
          place: `${postalCode} ${info.primary.name}`,
        }),
      ],
    });
  }
  return { ags, lat: info.primary.lat, lon: info.primary.lon, in_service_region: info.inServiceRegion, city: info.primary.name };
}

async function checkOccupations(ctx: Ctx, ids: string[] | undefined) {
  for (const id of ids ?? []) {
    try {
      await getOccupation(ctx, id);
    } catch {
      throw fail.invalid({ desiredOccupationIds: [msg("Unbekannter Beruf: {id}", { id })] });
    }
  }
}

async function checkResponsible(ctx: Ctx, userId: string | null | undefined, ags: string | null) {
  if (userId && !(await canBeResponsibleFor(ctx, userId, ags))) {
    throw fail.invalid({
      responsibleUserId: ["Zuständig kann nur eine Beraterin oder ein Berater dieses Kreises oder die Koordination sein"],
    });
  }
}

function checkBirthDate(ctx: Ctx, birthDate: string | undefined) {
  if (!birthDate) return;
  const year = Number(birthDate.slice(0, 4));
  const thisYear = ctx.now.getUTCFullYear();
  if (year > thisYear - 12 || year < thisYear - 60) {
    throw fail.invalid({ birthDate: ["Das Geburtsdatum passt nicht zu einer Person in Ausbildungssuche (12 bis 60 Jahre)"] });
  }
}

/**
 * A permit tied to a company names one the person may see, and only an Ausbildungsduldung or a § 16g
 * permit is tied. The company already stored passes unchecked (someone else may have set it).
 * `prefix`: "residence." inside the candidate, "" for the section on its own.
 */
async function checkResidence(ctx: Ctx, input: ResidenceInput | null | undefined, current: Residence | undefined, prefix: string) {
  const companyId = input?.tiedCompanyId;
  if (!input || !companyId) return;
  if (!(companyTiedStatuses as readonly string[]).includes(input.status)) {
    throw fail.invalid({
      [`${prefix}tiedCompanyId`]: ["An einen Betrieb gebunden ist nur eine Ausbildungsduldung oder eine Aufenthaltserlaubnis nach § 16g"],
    });
  }
  if (companyId === current?.tiedCompanyId) return;
  try {
    await requireCompany(ctx, companyId);
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === "not_found")) throw error;
    throw fail.invalid({ [`${prefix}tiedCompanyId`]: ["Diesen Betrieb gibt es nicht oder er liegt außerhalb Ihrer Kreise"] });
  }
}

const columns: Record<string, keyof CandidateTable> = {
  firstName: "first_name",
  lastName: "last_name",
  birthDate: "birth_date",
  phone: "phone",
  email: "email",
  messenger: "messenger",
  preferredLanguage: "preferred_language",
  postalCode: "postal_code",
  germanLevel: "german_level",
  germanLevelOn: "german_level_on",
  germanLevelSource: "german_level_source",
  otherLanguages: "other_languages",
  schoolCertificate: "school_certificate",
  schoolCountry: "school_country",
  schoolRecognition: "school_recognition",
  openToRelatedFields: "open_to_related_fields",
  hasDrivingLicence: "has_driving_licence",
  hasCar: "has_car",
  maxCommuteKm: "max_commute_km",
  availableFrom: "available_from",
  schoolObligationUntil: "school_obligation_until",
  j1ExaminedOn: "j1_examined_on",
  supportNeeds: "support_needs",
  supportNote: "support_note",
  responsibleUserId: "responsible_user_id",
};

function fromInput(input: Partial<CandidateCreate>): Updateable<CandidateTable> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) row[column] = value;
  }
  if (input.birthDate) row.birth_year = Number(input.birthDate.slice(0, 4));
  return row as Updateable<CandidateTable>;
}

/** What the audit log compares (field names only are logged). */
const auditable = (c: Candidate) => {
  const { responsibleName: _r, districtName: _d, updatedAt: _u, desiredOccupations: _o, consent: _c, statusChangedAt: _s, ...rest } = c;
  return rest;
};

export async function createCandidate(
  ctx: Ctx,
  input: CandidateCreate,
  options: { source?: "manual" | "self_registration" | "import" } = {},
): Promise<Candidate> {
  if (input.residence) requireResidenceRight(ctx);
  checkBirthDate(ctx, input.birthDate);
  const place = locate(ctx, input.postalCode);
  await checkOccupations(ctx, input.desiredOccupationIds);
  await checkResponsible(ctx, input.responsibleUserId, place.ags);
  await checkResidence(ctx, input.residence, undefined, "residence.");
  return withWrite(ctx, async (w) => {
    const row = {
      ...fromInput(input),
      ...place,
      status: "new",
      source: options.source ?? "manual",
      responsible_user_id:
        input.responsibleUserId !== undefined ? input.responsibleUserId : w.actor?.role === "counsellor" ? w.actor.id : null,
    } as CandidateRowInput;
    const id = await insertCandidate(w.db, row, w.now);
    await setOccupations(w.db, id, input.desiredOccupationIds ?? []);
    if (input.residence) await saveResidence(w.db, id, input.residence, w.now);
    await insertStatusChange(w.db, { candidateId: id, from: null, to: "new", note: null, at: w.now, userId: w.actor?.id ?? null });
    const created = await requireCandidate(w, id);
    await audit(w, { entity: "candidate", action: "create", entityId: id, before: null, after: auditable(created) });
    if (input.residence) await audit(w, { entity: "candidate_residence", action: "create", entityId: id, fields: ["residence"] });
    return input.residence ? { ...created, residence: (await findResidence(w.db, id)) ?? undefined } : created;
  });
}

export async function updateCandidate(ctx: Ctx, id: string, patch: CandidateUpdate): Promise<Candidate> {
  if (patch.residence !== undefined) requireResidenceRight(ctx);
  checkBirthDate(ctx, patch.birthDate);
  await checkOccupations(ctx, patch.desiredOccupationIds);
  return withWrite(ctx, async (w) => {
    const current = await requireCandidate(w, id);
    if (patch.residence) await checkResidence(w, patch.residence, await findResidence(w.db, id), "residence.");
    const row: Updateable<CandidateTable> = fromInput(patch);
    if (patch.postalCode && patch.postalCode !== current.postalCode) Object.assign(row, locate(w, patch.postalCode));
    if (patch.responsibleUserId !== undefined) await checkResponsible(w, patch.responsibleUserId, (row.ags as string) ?? current.ags);
    if (patch.status && patch.status !== current.status) {
      row.status = patch.status;
      row.status_changed_at = w.now;
      await insertStatusChange(w.db, {
        candidateId: id,
        from: current.status,
        to: patch.status,
        note: patch.statusNote ?? null,
        at: w.now,
        userId: w.actor?.id ?? null,
      });
    }
    await updateCandidateRow(w.db, id, row, w.now);
    if (patch.desiredOccupationIds) await setOccupations(w.db, id, patch.desiredOccupationIds);
    if (patch.residence !== undefined) {
      await saveResidence(w.db, id, patch.residence, w.now);
      await audit(w, { entity: "candidate_residence", action: "update", entityId: id, fields: ["residence"] });
    }
    const updated = await requireCandidate(w, id);
    await audit(w, { entity: "candidate", action: "update", entityId: id, before: auditable(current), after: auditable(updated) });
    return updated;
  });
}

/** The residence section on its own (permitted roles only; the read is audited). */
export async function readResidence(ctx: Ctx, id: string): Promise<Residence | null> {
  requireResidenceRight(ctx);
  await requireCandidateRef(ctx, id);
  const residence = await findResidence(ctx.db, id);
  await auditSensitiveRead(ctx, { entity: "candidate_residence", entityId: id, fields: ["residence"] });
  return residence ?? null;
}

export async function writeResidence(ctx: Ctx, id: string, input: ResidenceInput): Promise<Residence | null> {
  requireResidenceRight(ctx);
  return withWrite(ctx, async (w) => {
    await requireCandidateRef(w, id);
    const before = await findResidence(w.db, id);
    await checkResidence(w, input, before, "");
    await saveResidence(w.db, id, input, w.now);
    const after = await findResidence(w.db, id);
    await audit(w, { entity: "candidate_residence", action: before ? "update" : "create", entityId: id, before, after });
    return after ?? null;
  });
}

/** Status changes for the timeline, newest first. */
export async function statusHistory(ctx: Ctx, id: string) {
  return findStatusChanges(ctx.db, id);
}

/**
 * Erasure and retention (called by the privacy feature inside its write): the personal data of this
 * feature's tables goes, the figures stay. Returns the storage keys to delete once the write is done.
 */
export async function anonymiseCandidate(ctx: Ctx, id: string): Promise<{ documents: string[] }> {
  if (!ctx.inWrite) throw new Error("anonymiseCandidate outside withWrite");
  await requireCandidateRef(ctx, id);
  return anonymiseCandidateRows(ctx.db, id, ctx.now);
}

/** The closed candidates whose retention period has run out (names for the administrator's preview). */
export async function closedBefore(ctx: Ctx, cutoff: Date, limit = 1000) {
  const rows = await findClosedBefore(ctx.db, cutoff, limit);
  return rows.map((r) => ({
    id: r.id,
    name: `${r.first_name ?? ""} ${r.last_name ?? ""}`.trim(),
    closedAt: new Date(r.status_changed_at).toISOString(),
    districtName: r.ags ? (nameOf(r.ags) ?? null) : null,
  }));
}
