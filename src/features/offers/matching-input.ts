import type { CefrLevel, OfferInput, SchoolCertificate } from "../../engine/index.js";
import type { Ctx } from "../../lib/context.js";
import { findPostcode } from "../geo/service.js";
import { findMatchingOffers, findOfferSummaries } from "./matching-repository.js";

/** A place as the engine sees it, with the district the scope filters by. */
export type MatchingOffer = { input: OfferInput; ags: string | null };

/** Open places starting on or after `fromDay` as engine inputs: all, or those of `ids`. */
export async function offersForMatching(ctx: Pick<Ctx, "db">, fromDay: string, ids?: string[]): Promise<MatchingOffer[]> {
  const rows = await findMatchingOffers(ctx.db, fromDay, ids);
  return rows.map((r) => ({
    ags: r.ags,
    input: {
      id: r.id,
      district: r.ags,
      companyId: r.company_id,
      kind: r.kind,
      occupation: { id: r.occupation_id, kldb: r.kldb },
      places: r.places,
      startDate: r.start_date,
      lat: r.lat,
      lon: r.lon,
      stationKm: findPostcode(r.postal_code)?.nearestStation?.km ?? 99,
      requirements: {
        minSchoolCertificate: (r.min_school_certificate ?? null) as SchoolCertificate | null,
        minGermanLevel: (r.min_german_level ?? null) as CefrLevel | null,
        drivingLicence: r.driving_licence,
      },
    },
  }));
}

export type OfferSummary = {
  id: string;
  companyId: string;
  companyName: string;
  occupationName: string;
  kind: string;
  title: string | null;
  startDate: string;
  postalCode: string;
  city: string | null;
  ags: string | null;
  lat: number | null;
  lon: number | null;
};

/** Places by id as a suggestion shows them (the caller has already kept to the user's scope). */
export async function offerSummaries(ctx: Pick<Ctx, "db">, ids: string[]): Promise<Map<string, OfferSummary>> {
  const rows = await findOfferSummaries(ctx.db, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        companyId: r.company_id,
        companyName: r.company_name,
        occupationName: r.occupation_name,
        kind: r.kind,
        title: r.title,
        startDate: r.start_date,
        postalCode: r.postal_code,
        city: findPostcode(r.postal_code)?.primary.name ?? null,
        ags: r.ags,
        lat: r.lat,
        lon: r.lon,
      },
    ]),
  );
}
