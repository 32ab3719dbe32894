import { findPostcode } from "../features/geo/service.js";
import { readOccupationCatalogue } from "../features/occupations/service.js";
import type { CandidateInput, OccupationRef, OfferInput } from "./types.js";

/** Test builders on real data: coordinates and station distances of real postcodes, real occupations. */
const catalogue = new Map(readOccupationCatalogue().occupations.map((o) => [o.name, o]));

export function occupation(name: string): OccupationRef {
  const o = catalogue.get(name);
  if (!o) throw new Error(`no occupation ${name}`);
  return { id: o.id, kldb: o.kldb };
}

export function at(postcode: string) {
  const p = findPostcode(postcode);
  if (!p) throw new Error(`no postcode ${postcode}`);
  return { lat: p.primary.lat, lon: p.primary.lon, stationKm: p.nearestStation?.km ?? 99 };
}

export function offer(id: string, postcode: string, occupationName: string, over: Partial<OfferInput> = {}): OfferInput {
  return {
    id,
    kind: "training",
    occupation: occupation(occupationName),
    places: 1,
    startDate: "2027-08-01",
    ...at(postcode),
    requirements: {},
    ...over,
  };
}

export function candidate(id: string, postcode: string, wishes: string[], over: Partial<CandidateInput> = {}): CandidateInput {
  return {
    id,
    ...at(postcode),
    germanLevel: "B1",
    schoolCertificate: "lower_secondary",
    desiredOccupations: wishes.map(occupation),
    openToRelatedFields: false,
    hasDrivingLicence: true,
    hasCar: true,
    maxCommuteKm: 50,
    availableFrom: "2027-01-01",
    residence: { status: "citizen", workPermission: "allowed" },
    ...over,
  };
}
