import { sql } from "kysely";
import { selectPacked } from "../../db/packed-rows.js";
import type { Db } from "../../lib/context.js";

export type MatchingOfferRow = {
  id: string;
  company_id: string;
  kind: "training" | "entry_qualification" | "internship";
  occupation_id: string;
  kldb: string;
  places: number;
  start_date: string;
  postal_code: string;
  ags: string | null;
  lat: number;
  lon: number;
  min_school_certificate: string | null;
  min_german_level: string | null;
  driving_licence: boolean;
};

const offerColumns = [
  "id",
  "company_id",
  "kind",
  "occupation_id",
  "kldb",
  "places",
  "start_date",
  "postal_code",
  "ags",
  "lat",
  "lon",
  "min_school_certificate",
  "min_german_level",
  "driving_licence",
] as const;

/** Open places with a workplace on the map starting on or after `fromDay`: all, or those of `ids`. */
export async function findMatchingOffers(db: Db, fromDay: string, ids?: string[]): Promise<MatchingOfferRow[]> {
  if (ids && ids.length === 0) return [];
  const q = db
    .selectFrom("offer as o")
    .innerJoin("occupation as occ", "occ.id", "o.occupation_id")
    .select([
      "o.id",
      "o.company_id",
      "o.kind",
      "o.occupation_id",
      "occ.kldb",
      "o.places",
      sql<string>`to_char(o.start_date, 'YYYY-MM-DD')`.as("start_date"),
      "o.postal_code",
      "o.ags",
      sql<number>`o.lat`.as("lat"),
      sql<number>`o.lon`.as("lon"),
      "o.min_school_certificate",
      "o.min_german_level",
      "o.driving_licence",
    ])
    .where("o.status", "=", "open")
    .where("o.start_date", ">=", fromDay)
    .where("o.lat", "is not", null)
    .where("o.lon", "is not", null);
  if (ids) return (await q.where("o.id", "in", ids).execute()) as MatchingOfferRow[];
  return selectPacked<MatchingOfferRow>(db, q, offerColumns);
}

export type OfferSummaryRow = {
  id: string;
  company_id: string;
  company_name: string;
  occupation_name: string;
  kind: string;
  title: string | null;
  start_date: string;
  postal_code: string;
  ags: string | null;
  lat: number | null;
  lon: number | null;
};

/** What a suggestion shows of a place: company, occupation, kind, start, where. */
export async function findOfferSummaries(db: Db, ids: string[]): Promise<OfferSummaryRow[]> {
  if (!ids.length) return [];
  return (await db
    .selectFrom("offer as o")
    .innerJoin("company as co", "co.id", "o.company_id")
    .innerJoin("occupation as occ", "occ.id", "o.occupation_id")
    .select([
      "o.id",
      "o.company_id",
      "co.name as company_name",
      "occ.name as occupation_name",
      "o.kind",
      "o.title",
      sql<string>`to_char(o.start_date, 'YYYY-MM-DD')`.as("start_date"),
      "o.postal_code",
      "o.ags",
      "o.lat",
      "o.lon",
    ])
    .where("o.id", "in", ids)
    .execute()) as OfferSummaryRow[];
}
