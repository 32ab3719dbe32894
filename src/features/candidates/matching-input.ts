import type { CandidateInput, CefrLevel, ResidenceStatus, SchoolCertificate, WorkPermission } from "../../engine/index.js";
import type { Ctx } from "../../lib/context.js";
import { findPostcode } from "../geo/service.js";
import { findCandidateSummaries, findMatchingCandidates, findMatchingWishes } from "./matching-repository.js";

/** A candidate as the engine sees it, with the district the scope filters by. */
export type MatchingCandidate = { input: CandidateInput; ags: string | null };

/** The commute a candidate without a recorded maximum is assumed to accept (km). */
export const defaultMaxCommuteKm = 40;

const stationKmOf = (postalCode: string | null) => (postalCode ? (findPostcode(postalCode)?.nearestStation?.km ?? 99) : 99);

/**
 * Young people in the pipeline as engine inputs: all of them, or those of `ids` (the ones a change
 * touched). The caller decides which of them may enter matching (consent); unknown values take the
 * cautious default (German A1, no certificate, available now, no residence restriction recorded).
 */
export async function candidatesForMatching(ctx: Pick<Ctx, "db">, ids?: string[]): Promise<MatchingCandidate[]> {
  const [rows, wishes] = await Promise.all([findMatchingCandidates(ctx.db, ids), findMatchingWishes(ctx.db, ids)]);
  const byCandidate = new Map<string, { id: string; kldb: string; rank: number }[]>();
  for (const w of wishes) {
    let list = byCandidate.get(w.candidate_id);
    if (!list) {
      list = [];
      byCandidate.set(w.candidate_id, list);
    }
    list.push({ id: w.occupation_id, kldb: w.kldb, rank: w.rank });
  }
  for (const list of byCandidate.values()) if (list.length > 1) list.sort((a, b) => a.rank - b.rank);
  return rows.map((r) => ({
    ags: r.ags,
    input: {
      id: r.id,
      district: r.ags,
      lat: r.lat,
      lon: r.lon,
      stationKm: stationKmOf(r.postal_code),
      germanLevel: (r.german_level ?? "A1") as CefrLevel,
      schoolCertificate: (r.school_certificate ?? "none") as SchoolCertificate,
      desiredOccupations: (byCandidate.get(r.id) ?? []).map(({ id, kldb }) => ({ id, kldb })),
      openToRelatedFields: r.open_to_related_fields,
      hasDrivingLicence: r.has_driving_licence,
      hasCar: r.has_car,
      maxCommuteKm: r.max_commute_km ?? defaultMaxCommuteKm,
      availableFrom: r.available_from ?? "1970-01-01",
      birthDate: r.birth_date,
      schoolObligationUntil: r.school_obligation_until,
      j1ExaminedOn: r.j1_examined_on,
      residence: {
        status: (r.status ?? "citizen") as ResidenceStatus,
        workPermission: (r.work_permission ?? "allowed") as WorkPermission,
        validUntil: r.valid_until,
        safeCountryOfOrigin: r.safe_country_of_origin ?? false,
        heldSince: r.held_since,
        identityClarified: r.identity_clarified ?? false,
        hasPassport: r.has_passport ?? false,
        tiedCompanyId: r.tied_company_id,
      },
    },
  }));
}

export type CandidateSummary = {
  id: string;
  name: string;
  postalCode: string | null;
  city: string | null;
  germanLevel: string | null;
  ags: string | null;
};

/** People by id as a suggestion shows them (the caller has already kept to the user's scope). */
export async function candidateSummaries(ctx: Pick<Ctx, "db">, ids: string[]): Promise<Map<string, CandidateSummary>> {
  const rows = await findCandidateSummaries(ctx.db, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: [r.first_name, r.last_name].filter(Boolean).join(" ") || "–",
        postalCode: r.postal_code,
        city: r.city,
        germanLevel: r.german_level,
        ags: r.ags,
      },
    ]),
  );
}
