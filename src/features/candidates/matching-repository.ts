import { sql } from "kysely";
import { selectPacked } from "../../db/packed-rows.js";
import type { Db } from "../../lib/context.js";

/**
 * What the matching engine reads of young people: no names, no contact details, no nationality; the
 * residence facts only as the engine's legal inputs. A system read for computation: what leaves the
 * engine are scores and flags, which the matching service shows only to roles that may read residence.
 */
export type MatchingCandidateRow = {
  id: string;
  lat: number;
  lon: number;
  postal_code: string | null;
  ags: string | null;
  german_level: string | null;
  school_certificate: string | null;
  open_to_related_fields: boolean;
  has_driving_licence: boolean;
  has_car: boolean;
  max_commute_km: number | null;
  available_from: string | null;
  birth_date: string | null;
  school_obligation_until: string | null;
  j1_examined_on: string | null;
  status: string | null;
  work_permission: string | null;
  valid_until: string | null;
  safe_country_of_origin: boolean | null;
  held_since: string | null;
  identity_clarified: boolean | null;
  has_passport: boolean | null;
  tied_company_id: string | null;
};

const day = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

const candidateColumns = [
  "id",
  "lat",
  "lon",
  "postal_code",
  "ags",
  "german_level",
  "school_certificate",
  "open_to_related_fields",
  "has_driving_licence",
  "has_car",
  "max_commute_km",
  "available_from",
  "birth_date",
  "school_obligation_until",
  "j1_examined_on",
  "status",
  "work_permission",
  "valid_until",
  "safe_country_of_origin",
  "held_since",
  "identity_clarified",
  "has_passport",
  "tied_company_id",
] as const;

/** Candidates in the pipeline (new or active, not anonymised, with a place to live); all, or those of `ids`. */
export async function findMatchingCandidates(db: Db, ids?: string[]): Promise<MatchingCandidateRow[]> {
  if (ids && ids.length === 0) return [];
  const q = db
    .selectFrom("candidate as c")
    .leftJoin("candidate_residence as r", "r.candidate_id", "c.id")
    .select([
      "c.id",
      sql<number>`c.lat`.as("lat"),
      sql<number>`c.lon`.as("lon"),
      "c.postal_code",
      "c.ags",
      "c.german_level",
      "c.school_certificate",
      "c.open_to_related_fields",
      "c.has_driving_licence",
      "c.has_car",
      "c.max_commute_km",
      day("c.available_from").as("available_from"),
      day("c.birth_date").as("birth_date"),
      day("c.school_obligation_until").as("school_obligation_until"),
      day("c.j1_examined_on").as("j1_examined_on"),
      "r.status",
      "r.work_permission",
      day("r.valid_until").as("valid_until"),
      "r.safe_country_of_origin",
      day("r.held_since").as("held_since"),
      "r.identity_clarified",
      "r.has_passport",
      "r.tied_company_id",
    ])
    .where("c.status", "in", ["new", "active"])
    .where("c.anonymised_at", "is", null)
    .where("c.lat", "is not", null)
    .where("c.lon", "is not", null);
  if (ids) return (await q.where("c.id", "in", ids).execute()) as MatchingCandidateRow[];
  return selectPacked<MatchingCandidateRow>(db, q, candidateColumns);
}

export type MatchingWishRow = { candidate_id: string; occupation_id: string; kldb: string; rank: number };

/** The wishes with their rank and KldB codes (in no particular order). */
export async function findMatchingWishes(db: Db, ids?: string[]): Promise<MatchingWishRow[]> {
  if (ids && ids.length === 0) return [];
  const q = db
    .selectFrom("candidate_occupation as w")
    .innerJoin("occupation as o", "o.id", "w.occupation_id")
    .select(["w.candidate_id", "w.occupation_id", "o.kldb", "w.rank"]);
  if (ids) return q.where("w.candidate_id", "in", ids).execute();
  return selectPacked<MatchingWishRow>(db, q, ["candidate_id", "occupation_id", "kldb", "rank"]);
}

/** What a suggestion shows of a person: name, where, German level (never contact or residence). */
export async function findCandidateSummaries(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom("candidate")
    .select(["id", "first_name", "last_name", "postal_code", "city", "german_level", "ags"])
    .where("id", "in", ids)
    .execute();
}
