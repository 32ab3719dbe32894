import { type ExpressionBuilder, type Insertable, type SqlBool, sql, type Updateable } from "kysely";
import { inScope } from "../../db/district-scope.js";
import { matchesPart, matchesTypo } from "../../db/text-search.js";
import type { CandidateTable, Database } from "../../db/types.js";
import type { Db } from "../../lib/context.js";
import type { Scope } from "../../lib/http/actor.js";
import { type CursorValue, cursorSortKey, decodeCursor, encodeCursor } from "../../lib/http/cursor.js";
import {
  type Candidate,
  type CandidateFilters,
  type CandidateListQuery,
  type CandidatePage,
  type CandidateRow,
  type CandidateStatus,
  germanLevels,
} from "./schema.js";

type Eb = ExpressionBuilder<Database, "candidate">;
type NameOf = (ags: string) => string | undefined;

/** Valid consent (confirmed, not withdrawn) for a purpose: read-only over the privacy feature's table (decision 0009). */
const consentFor = (eb: Eb, purpose: string) =>
  eb.exists(
    eb
      .selectFrom("consent")
      .select("consent.id")
      .whereRef("consent.candidate_id", "=", "candidate.id")
      .where("consent.withdrawn_at", "is", null)
      .where("consent.confirmed_at", "is not", null)
      .where(sql<SqlBool>`${purpose} = any(consent.purposes)`),
  );

const unconfirmedConsent = (eb: Eb) =>
  eb.exists(
    eb
      .selectFrom("consent")
      .select("consent.id")
      .whereRef("consent.candidate_id", "=", "candidate.id")
      .where("consent.withdrawn_at", "is", null)
      .where("consent.confirmed_at", "is", null),
  );

const responsibleName = (eb: Eb) =>
  eb.selectFrom("app_user").select("app_user.display_name").whereRef("app_user.id", "=", "candidate.responsible_user_id");

/** Candidates in scope that still carry personal data (anonymised records only count in reports). */
function baseQuery(db: Db, scope: Scope) {
  return db
    .selectFrom("candidate")
    .where((eb) => inScope({ ags: eb.ref("candidate.ags") }, scope))
    .where("candidate.anonymised_at", "is", null);
}
type Base = ReturnType<typeof baseQuery>;

const dateText = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

function selectRow(q: Base) {
  return q.select((eb) => [
    "candidate.id",
    "candidate.first_name",
    "candidate.last_name",
    dateText("candidate.birth_date").as("birth_date"),
    "candidate.postal_code",
    "candidate.city",
    "candidate.ags",
    "candidate.german_level",
    "candidate.status",
    "candidate.status_changed_at",
    "candidate.source",
    "candidate.created_at",
    "candidate.search_text",
    responsibleName(eb).as("responsible_name"),
    consentFor(eb, "counselling").as("consent_counselling"),
    consentFor(eb, "matching").as("consent_matching"),
    unconfirmedConsent(eb).as("consent_unconfirmed"),
  ]);
}
type ListRow = Awaited<ReturnType<ReturnType<typeof selectRow>["executeTakeFirstOrThrow"]>>;

type Wishes = Map<string, { id: string; name: string }[]>;

/** The ranked wishes of the given candidates in one statement (a sub-query per row read the catalogue each time). */
async function wishesOf(db: Db, ids: string[]): Promise<Wishes> {
  const out: Wishes = new Map();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom("candidate_occupation")
    .innerJoin("occupation", "occupation.id", "candidate_occupation.occupation_id")
    .select(["candidate_occupation.candidate_id", "occupation.id", "occupation.name"])
    .where("candidate_occupation.candidate_id", "in", ids)
    .orderBy("candidate_occupation.candidate_id")
    .orderBy("candidate_occupation.rank")
    .execute();
  for (const r of rows) out.set(r.candidate_id, [...(out.get(r.candidate_id) ?? []), { id: r.id, name: r.name }]);
  return out;
}

function toRow(r: ListRow, nameOf: NameOf, wishes: Wishes): CandidateRow {
  return {
    id: r.id,
    firstName: r.first_name ?? "",
    lastName: r.last_name ?? "",
    birthDate: r.birth_date,
    postalCode: r.postal_code,
    city: r.city,
    ags: r.ags,
    districtName: r.ags ? (nameOf(r.ags) ?? null) : null,
    germanLevel: r.german_level,
    status: r.status,
    statusChangedAt: new Date(r.status_changed_at).toISOString(),
    responsibleName: r.responsible_name ?? null,
    source: r.source,
    createdAt: new Date(r.created_at).toISOString(),
    desiredOccupations: wishes.get(r.id) ?? [],
    consent: {
      counselling: Boolean(r.consent_counselling),
      matching: Boolean(r.consent_matching),
      unconfirmed: Boolean(r.consent_unconfirmed),
    },
  };
}

/** "part": a part of the name or the postcode; "typo": names similar to the term (when no name contains it). */
type SearchMode = "part" | "typo";

function applyFilters(q: Base, f: CandidateFilters, actorId: string | null, mode: SearchMode = "part"): Base {
  let query = q;
  if (f.q) {
    const q = f.q;
    const match = mode === "part" ? matchesPart : matchesTypo;
    query = query.where((eb) => match({ searchText: eb.ref("candidate.search_text"), postalCode: eb.ref("candidate.postal_code") }, q));
  }
  if (f.district) query = query.where("candidate.ags", "=", f.district);
  if (f.status) query = query.where("candidate.status", "=", f.status);
  if (f.germanLevel) query = query.where("candidate.german_level", "in", germanLevels.slice(germanLevels.indexOf(f.germanLevel)));
  if (f.supportNeed) query = query.where(sql<SqlBool>`${f.supportNeed} = any(candidate.support_needs)`);
  if (f.responsible) {
    const id = f.responsible === "me" ? actorId : f.responsible;
    query = id ? query.where("candidate.responsible_user_id", "=", id) : query.where(sql<SqlBool>`false`);
  }
  if (f.occupationId) {
    const occupationId = f.occupationId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("candidate_occupation")
          .select("candidate_occupation.rank")
          .whereRef("candidate_occupation.candidate_id", "=", "candidate.id")
          .where("candidate_occupation.occupation_id", "=", occupationId),
      ),
    );
  }
  if (f.matchingConsent !== undefined) {
    const wanted = f.matchingConsent;
    query = query.where((eb) => (wanted ? consentFor(eb, "matching") : eb.not(consentFor(eb, "matching"))));
  }
  return query;
}

/**
 * Lists count their matches up to here; beyond, `totalCapped` says "more than". An exact count of
 * 100,000 rows costs more than the page; a name search reads every match from the heap, so it counts
 * to 200 (a search with more hits is refined, not paged through).
 */
export const countCap = 10_000;
export const searchCountCap = 200;

const sortColumns = {
  name: { column: "candidate.search_text", direction: "asc" },
  created: { column: "candidate.created_at", direction: "desc" },
} as const;

/**
 * A page of the list. A search looks for names containing the term first; only when none does, for
 * names similar to it (typos). Asked together, the planner misjudged the similarity part and read the
 * whole heap of every match for common names.
 */
export async function findCandidates(
  db: Db,
  scope: Scope,
  query: CandidateListQuery,
  actorId: string | null,
  nameOf: NameOf,
): Promise<CandidatePage> {
  const page = await findPage(db, scope, query, actorId, nameOf, "part");
  if (!query.q || page.total > 0) return page;
  return findPage(db, scope, query, actorId, nameOf, "typo");
}

async function findPage(
  db: Db,
  scope: Scope,
  query: CandidateListQuery,
  actorId: string | null,
  nameOf: NameOf,
  mode: SearchMode,
): Promise<CandidatePage> {
  const filtered = applyFilters(baseQuery(db, scope), query, actorId, mode);
  const { column, direction } = sortColumns[query.sort];
  const cap = query.q ? searchCountCap : countCap;
  let page = filtered;
  const cursor = query.cursor ? (decodeCursor(query.cursor) as CursorValue) : null;
  if (cursor) {
    const key = cursorSortKey(cursor, query.sort === "name" ? "text" : "time");
    page = page.where(sql<SqlBool>`(${sql.ref(column)}, candidate.id) ${sql.raw(direction === "asc" ? ">" : "<")} (${key}, ${cursor.id})`);
  }
  // The page first (ids in order, from the indexes), then flags and wishes for those rows only: asked for
  // every match, the consent checks became hashed scans of the whole consent table (bench/candidates.ts).
  const [keys, count] = await Promise.all([
    page
      .select(["candidate.id", "candidate.search_text", "candidate.created_at"])
      .orderBy(sql.ref(column), direction)
      .orderBy("candidate.id", direction)
      .limit(query.limit + 1)
      .execute(),
    db
      .selectFrom(
        filtered
          .select(sql<number>`1`.as("one"))
          .limit(cap + 1)
          .as("matches"),
      )
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow(),
  ]);
  const more = keys.length > query.limit;
  const pageKeys = keys.slice(0, query.limit);
  const found = pageKeys.length
    ? await selectRow(
        db.selectFrom("candidate").where(
          "candidate.id",
          "in",
          pageKeys.map((k) => k.id),
        ),
      ).execute()
    : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const items = pageKeys.flatMap((k) => byId.get(k.id) ?? []);
  const last = pageKeys[pageKeys.length - 1];
  const nextCursor =
    more && last
      ? encodeCursor({ k: query.sort === "name" ? last.search_text : new Date(last.created_at).toISOString(), id: last.id })
      : null;
  const total = Number(count.total);
  const wishes = await wishesOf(
    db,
    items.map((r) => r.id),
  );
  return {
    items: items.map((r) => toRow(r, nameOf, wishes)),
    nextCursor,
    total: Math.min(total, cap),
    totalCapped: total > cap,
  };
}

/** The whole record of one candidate in scope, without the residence section (that is read on its own). */
export async function findCandidateById(db: Db, scope: Scope, id: string, nameOf: NameOf): Promise<Candidate | undefined> {
  const r = await selectRow(baseQuery(db, scope))
    .select([
      "candidate.phone",
      "candidate.email",
      "candidate.messenger",
      "candidate.preferred_language",
      "candidate.in_service_region",
      dateText("candidate.german_level_on").as("german_level_on"),
      "candidate.german_level_source",
      "candidate.other_languages",
      "candidate.school_certificate",
      "candidate.school_country",
      "candidate.school_recognition",
      "candidate.open_to_related_fields",
      "candidate.has_driving_licence",
      "candidate.has_car",
      "candidate.max_commute_km",
      dateText("candidate.available_from").as("available_from"),
      dateText("candidate.school_obligation_until").as("school_obligation_until"),
      dateText("candidate.j1_examined_on").as("j1_examined_on"),
      "candidate.support_needs",
      "candidate.support_note",
      "candidate.responsible_user_id",
      "candidate.updated_at",
    ])
    .where("candidate.id", "=", id)
    .executeTakeFirst();
  if (!r) return undefined;
  const row = toRow(r, nameOf, await wishesOf(db, [id]));
  return {
    ...row,
    phone: r.phone,
    email: r.email,
    messenger: r.messenger,
    preferredLanguage: r.preferred_language,
    inServiceRegion: r.in_service_region,
    germanLevelOn: r.german_level_on,
    germanLevelSource: r.german_level_source,
    otherLanguages: r.other_languages,
    schoolCertificate: r.school_certificate,
    schoolCountry: r.school_country,
    schoolRecognition: r.school_recognition,
    desiredOccupationIds: row.desiredOccupations.map((o) => o.id),
    openToRelatedFields: r.open_to_related_fields,
    hasDrivingLicence: r.has_driving_licence,
    hasCar: r.has_car,
    maxCommuteKm: r.max_commute_km,
    availableFrom: r.available_from,
    schoolObligationUntil: r.school_obligation_until,
    j1ExaminedOn: r.j1_examined_on,
    supportNeeds: r.support_needs as Candidate["supportNeeds"],
    supportNote: r.support_note,
    responsibleUserId: r.responsible_user_id,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export type CandidateRowInput = Insertable<CandidateTable>;

export async function insertCandidate(db: Db, row: CandidateRowInput, now: Date): Promise<string> {
  const { id } = await db
    .insertInto("candidate")
    .values({ ...row, status_changed_at: now, created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateCandidateRow(db: Db, id: string, patch: Updateable<CandidateTable>, now: Date): Promise<void> {
  await db
    .updateTable("candidate")
    .set({ ...patch, updated_at: now })
    .where("id", "=", id)
    .execute();
}

/** Replaces the ranked wishes. */
export async function setOccupations(db: Db, candidateId: string, occupationIds: string[]): Promise<void> {
  await db.deleteFrom("candidate_occupation").where("candidate_id", "=", candidateId).execute();
  if (occupationIds.length) {
    await db
      .insertInto("candidate_occupation")
      .values(occupationIds.map((occupationId, i) => ({ candidate_id: candidateId, rank: i + 1, occupation_id: occupationId })))
      .execute();
  }
}

export async function insertStatusChange(
  db: Db,
  change: { candidateId: string; from: CandidateStatus | null; to: CandidateStatus; note: string | null; at: Date; userId: string | null },
): Promise<void> {
  await db
    .insertInto("candidate_status_change")
    .values({
      candidate_id: change.candidateId,
      from_status: change.from,
      to_status: change.to,
      note: change.note,
      at: change.at,
      user_id: change.userId,
    })
    .execute();
}

export function findStatusChanges(db: Db, candidateId: string) {
  return db
    .selectFrom("candidate_status_change")
    .leftJoin("app_user", "app_user.id", "candidate_status_change.user_id")
    .select(["candidate_status_change.id", "from_status", "to_status", "note", "at", "app_user.display_name as user_name"])
    .where("candidate_id", "=", candidateId)
    .orderBy("at", "desc")
    .execute();
}

/** Every filtered candidate in name order, in batches (exports). */
export async function* streamCandidates(db: Db, scope: Scope, filters: CandidateFilters, actorId: string | null, nameOf: NameOf) {
  let cursor: string | undefined;
  do {
    const page = await findCandidates(db, scope, { ...filters, sort: "name", limit: 200, cursor }, actorId, nameOf);
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Whether a candidate exists in scope (cheap check for nested resources). */
export async function candidateInScope(db: Db, scope: Scope, id: string): Promise<{ id: string; ags: string | null } | undefined> {
  return baseQuery(db, scope).select(["candidate.id", "candidate.ags"]).where("candidate.id", "=", id).executeTakeFirst();
}

/**
 * Removes everything that identifies the person from their record and its children that this feature
 * owns (the J1 check's date too: health data, Art. 9 DSGVO), keeping what reports count (district, birth year, German level, certificate, status, wishes,
 * support needs). Returns the storage keys of their documents, whose rows are deleted here.
 */
export async function anonymiseCandidateRows(db: Db, id: string, now: Date): Promise<{ documents: string[] }> {
  const docs = await db.deleteFrom("candidate_document").where("candidate_id", "=", id).returning("storage_key").execute();
  await db.deleteFrom("candidate_residence").where("candidate_id", "=", id).execute();
  await db.updateTable("candidate_status_change").set({ note: null }).where("candidate_id", "=", id).execute();
  await db
    .updateTable("candidate")
    .set({
      first_name: null,
      last_name: null,
      birth_date: null,
      phone: null,
      email: null,
      messenger: null,
      postal_code: null,
      city: null,
      lat: null,
      lon: null,
      german_level_on: null,
      other_languages: sql<string[]>`'{}'::text[]`,
      school_country: null,
      support_note: null,
      school_obligation_until: null,
      j1_examined_on: null,
      anonymised_at: now,
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
  return { documents: docs.map((d) => d.storage_key) };
}

/** Candidates closed before the cutoff that still carry personal data (the retention job's list). */
export function findClosedBefore(db: Db, cutoff: Date, limit: number) {
  return db
    .selectFrom("candidate")
    .select(["id", "first_name", "last_name", "ags", "status_changed_at"])
    .where("status", "=", "closed")
    .where("anonymised_at", "is", null)
    .where("status_changed_at", "<", cutoff)
    .orderBy("status_changed_at")
    .limit(limit)
    .execute();
}
