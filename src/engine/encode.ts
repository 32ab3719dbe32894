import type { CefrLevel, OfferKind, ResidenceStatus, SchoolCertificate, WorkPermission } from "./types.js";

/** Small integer codes for the enums the hot loop compares. */
export const cefr: Record<CefrLevel, number> = { A1: 0, A2: 1, B1: 2, B2: 3, C1: 4, C2: 5 };
export const cefrNames = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export const school: Record<SchoolCertificate, number> = { none: 0, lower_secondary: 1, intermediate: 2, upper_secondary: 3 };
export const schoolNames = ["none", "lower_secondary", "intermediate", "upper_secondary"] as const;
export const offerKind: Record<OfferKind, number> = { training: 0, entry_qualification: 1, internship: 2 };
export const workPermission: Record<WorkPermission, number> = { allowed: 0, needs_approval: 1, forbidden: 2 };
export const residenceStatus: Record<ResidenceStatus, number> = {
  citizen: 0,
  permit_work_allowed: 1,
  gestattung: 2,
  duldung: 3,
  ausbildungsduldung: 4,
  permit_16g: 5,
  other: 6,
};

const dayMs = 86_400_000;
/** Days since 1970-01-01 of an ISO date; a missing date is far in the future. */
export function dayNumber(iso: string | null | undefined): number {
  if (!iso) return 1e7;
  // A snapshot reads hundreds of thousands of dates, most of them the same few start dates.
  let day = knownDays.get(iso);
  if (day === undefined) {
    const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(t)) throw new Error(`invalid date: ${iso}`);
    day = Math.floor(t / dayMs);
    if (knownDays.size > 100_000) knownDays.clear();
    knownDays.set(iso, day);
  }
  return day;
}
const knownDays = new Map<string, number>();
export const isoDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

/** KldB prefixes as numbers: Berufsbereich (1 digit), Hauptgruppe (2), Gruppe (3); -1 where the code is shorter. */
export function kldbLevels(code: string): readonly [number, number, number] {
  let levels = knownCodes.get(code);
  if (!levels) {
    const digits = code.replace(/\D/g, "");
    levels = [
      digits.length >= 1 ? Number(digits.slice(0, 1)) : -1,
      digits.length >= 2 ? Number(digits.slice(0, 2)) : -1,
      digits.length >= 3 ? Number(digits.slice(0, 3)) : -1,
    ];
    if (knownCodes.size > 100_000) knownCodes.clear();
    knownCodes.set(code, levels);
  }
  return levels;
}
/** The KldB codes seen (the catalogue's few thousand at most). */
const knownCodes = new Map<string, readonly [number, number, number]>();

const earthRadiusKm = 6371.0088;
const rad = Math.PI / 180;
/**
 * Distance in km, equirectangular at the mean latitude: symmetric, one cosine per pair, within 0.1 %
 * of the great circle at the distances of daily commutes.
 */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return earthRadiusKm * Math.sqrt(x * x + y * y);
}
