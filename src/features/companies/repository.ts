import { type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { inScope } from "../../db/district-scope.js";
import { matchesSearch } from "../../db/text-search.js";
import type { Database } from "../../db/types.js";
import type { Db } from "../../lib/context.js";
import type { Scope } from "../../lib/http/actor.js";
import { type CursorValue, cursorSortKey, decodeCursor, encodeCursor } from "../../lib/http/cursor.js";
import { type Company, type CompanyFilters, type CompanyListQuery, type Stage, stages } from "./schema.js";

type Eb = ExpressionBuilder<Database, "company">;

/** The text search and sort key of a company: lower case, without accents, done by the database. */
export const searchTextOf = (name: string) => sql<string>`lower(unaccent(${name}))`;

const openPlaces = (eb: Eb) =>
  eb
    .selectFrom("offer")
    .select(sql<number>`coalesce(sum(offer.places), 0)::int`.as("n"))
    .whereRef("offer.company_id", "=", "company.id")
    .where("offer.status", "=", "open");

const nextStepDue = (eb: Eb) =>
  eb
    .selectFrom("company_activity")
    .select(sql<string | null>`to_char(min(next_step_due), 'YYYY-MM-DD')`.as("d"))
    .whereRef("company_activity.company_id", "=", "company.id")
    .where("company_activity.next_step_done_at", "is", null);

const responsibleName = (eb: Eb) =>
  eb.selectFrom("app_user").select("app_user.display_name").whereRef("app_user.id", "=", "company.responsible_user_id");

/**
 * Companies in scope, nothing joined: counts and aggregates over it can use company_stage_idx alone
 * (a left join, even one the planner removes, made PostgreSQL read and hash every whole row).
 */
function baseQuery(db: Db, scope: Scope) {
  return db.selectFrom("company").where((eb) => inScope({ ags: eb.ref("company.ags") }, scope));
}

type Base = ReturnType<typeof baseQuery>;

function selectCompany(q: Base) {
  return q
    .selectAll("company")
    .select((eb) => [
      responsibleName(eb).as("responsible_name"),
      openPlaces(eb).as("open_places"),
      nextStepDue(eb).as("next_step_due"),
      sql<string | null>`to_char(company.migrant_led_recorded_on, 'YYYY-MM-DD')`.as("migrant_led_recorded_text"),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectCompany>["executeTakeFirstOrThrow"]>>;

function toCompany(r: Row, districtName: (ags: string) => string | undefined): Company {
  return {
    id: r.id,
    name: r.name,
    legalForm: r.legal_form,
    street: r.street,
    postalCode: r.postal_code,
    city: r.city,
    ags: r.ags,
    districtName: r.ags ? (districtName(r.ags) ?? null) : null,
    inServiceRegion: r.in_service_region,
    lat: r.lat,
    lon: r.lon,
    sector: r.sector,
    sizeClass: r.size_class,
    chamber: r.chamber,
    membershipNumber: r.membership_number,
    migrantLed: r.migrant_led,
    migrantLedRecordedOn: r.migrant_led_recorded_text,
    mayTrain: r.may_train,
    trainerQualified: r.trainer_qualified,
    website: r.website,
    tags: r.tags,
    responsibleUserId: r.responsible_user_id,
    responsibleName: r.responsible_name ?? null,
    stage: r.stage,
    stageChangedAt: new Date(r.stage_changed_at).toISOString(),
    declinedReason: r.declined_reason as Company["declinedReason"],
    declinedNote: r.declined_note,
    source: r.source,
    externalRef: r.external_ref,
    openPlaces: Number(r.open_places ?? 0),
    nextStepDue: r.next_step_due ?? null,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The filters of the list, board, map and export alike: one function, so they always agree. */
function applyFilters(q: Base, f: CompanyFilters, actorId: string | null): Base {
  let query = q;
  if (f.q) {
    const q = f.q;
    query = query.where((eb) => matchesSearch({ searchText: eb.ref("company.search_text"), postalCode: eb.ref("company.postal_code") }, q));
  }
  if (f.district) query = query.where("company.ags", "=", f.district);
  if (f.stage) query = query.where("company.stage", "=", f.stage);
  if (f.migrantLed !== undefined) query = query.where("company.migrant_led", "=", f.migrantLed);
  if (f.sizeClass) query = query.where("company.size_class", "=", f.sizeClass);
  if (f.chamber) query = query.where("company.chamber", "=", f.chamber);
  if (f.mayTrain) query = query.where("company.may_train", "=", f.mayTrain);
  if (f.tag) query = query.where(sql<SqlBool>`${f.tag} = any(company.tags)`);
  if (f.responsible) {
    const id = f.responsible === "me" ? actorId : f.responsible;
    query = id ? query.where("company.responsible_user_id", "=", id) : query.where(sql<SqlBool>`false`);
  }
  if (f.occupationId) {
    const occupationId = f.occupationId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("offer")
          .select("offer.id")
          .whereRef("offer.company_id", "=", "company.id")
          .where("offer.occupation_id", "=", occupationId),
      ),
    );
  }
  return query;
}

const sortColumns = {
  name: { column: "company.search_text", direction: "asc" },
  created: { column: "company.created_at", direction: "desc" },
  stage_changed: { column: "company.stage_changed_at", direction: "desc" },
} as const;

export async function findCompanies(
  db: Db,
  scope: Scope,
  query: CompanyListQuery,
  actorId: string | null,
  districtName: (ags: string) => string | undefined,
): Promise<{ items: Company[]; nextCursor: string | null; total: number }> {
  const filtered = applyFilters(baseQuery(db, scope), query, actorId);
  const { column, direction } = sortColumns[query.sort];
  let page = filtered;
  const cursor = query.cursor ? (decodeCursor(query.cursor) as CursorValue) : null;
  if (cursor) {
    const key = cursorSortKey(cursor, query.sort === "name" ? "text" : "time");
    page = page.where(sql<SqlBool>`(${sql.ref(column)}, company.id) ${sql.raw(direction === "asc" ? ">" : "<")} (${key}, ${cursor.id})`);
  }
  const rows = await selectCompany(page)
    .orderBy(sql.ref(column), direction)
    .orderBy("company.id", direction)
    .limit(query.limit + 1)
    .execute();
  const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  const nextCursor =
    more && last
      ? encodeCursor({
          k:
            query.sort === "name"
              ? last.search_text
              : new Date(query.sort === "created" ? last.created_at : last.stage_changed_at).toISOString(),
          id: last.id,
        })
      : null;
  return { items: items.map((r) => toCompany(r, districtName)), nextCursor, total: Number(total) };
}

/** Every filtered company, in name order, in batches (exports). */
export async function* streamCompanies(
  db: Db,
  scope: Scope,
  filters: CompanyFilters,
  actorId: string | null,
  districtName: (ags: string) => string | undefined,
): AsyncGenerator<Company[]> {
  let cursor: string | undefined;
  do {
    const page = await findCompanies(db, scope, { ...filters, sort: "name", limit: 200, cursor }, actorId, districtName);
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export async function findCompanyById(
  db: Db,
  scope: Scope,
  id: string,
  districtName: (ags: string) => string | undefined,
): Promise<Company | undefined> {
  const row = await selectCompany(baseQuery(db, scope)).where("company.id", "=", id).executeTakeFirst();
  return row && toCompany(row, districtName);
}

/**
 * Rows of the board: counts per stage and the most recently moved cards of each column. The cards are
 * one short walk of company_stage_changed_idx per non-empty column, not a ranking of every company.
 */
export async function boardColumns(db: Db, scope: Scope, filters: CompanyFilters, actorId: string | null, cardsPerColumn: number) {
  const filtered = applyFilters(baseQuery(db, scope), filters, actorId);
  const rows = await filtered
    .select(["company.stage", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("company.stage")
    .execute();
  const counts = new Map(rows.map((c) => [c.stage, Number(c.n)]));
  const columns = stages.filter((stage) => (counts.get(stage) ?? 0) > 0);
  if (!columns.length) return { counts, cards: [] };
  // One statement: for each column, the newest cards of that stage (a lateral subquery per stage).
  const cards = await db
    .selectFrom(sql<{ stage: Stage }>`(select unnest(${sql.val(columns)}::text[]) as stage)`.as("col"))
    .innerJoinLateral(
      () =>
        selectCompany(filtered.where(sql<SqlBool>`company.stage = col.stage`))
          .orderBy("company.stage_changed_at", "desc")
          .orderBy("company.id")
          .limit(cardsPerColumn)
          .as("card"),
      (join) => join.onTrue(),
    )
    .selectAll("card")
    .orderBy("card.stage_changed_at", "desc")
    .orderBy("card.id")
    .execute();
  return { counts, cards: cards as Row[] };
}

export { toCompany };

export async function mapPoints(db: Db, scope: Scope, filters: CompanyFilters, actorId: string | null, limit: number) {
  const filtered = applyFilters(baseQuery(db, scope), filters, actorId);
  const items = await filtered
    .select(["company.id", "company.name", "company.lat", "company.lon", "company.stage", "company.ags"])
    .where("company.lat", "is not", null)
    .orderBy("company.id")
    .limit(limit)
    .execute();
  const { n } = await filtered
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("company.lat", "is", null)
    .executeTakeFirstOrThrow();
  return { items: items.map((i) => ({ ...i, lat: i.lat as number, lon: i.lon as number })), withoutLocation: Number(n) };
}

export async function findSimilarCompanies(db: Db, scope: Scope, name: string, postalCode: string, exceptId?: string) {
  let q = baseQuery(db, scope)
    .select([
      "company.id",
      "company.name",
      "company.postal_code",
      "company.city",
      sql<number>`similarity(company.search_text, ${searchTextOf(name)})`.as("similarity"),
    ])
    .where("company.postal_code", "=", postalCode)
    .where(sql<SqlBool>`similarity(company.search_text, ${searchTextOf(name)}) >= 0.35`);
  if (exceptId) q = q.where("company.id", "!=", exceptId);
  const rows = await q.orderBy("similarity", "desc").limit(5).execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    postalCode: r.postal_code,
    city: r.city,
    similarity: Math.round(Number(r.similarity) * 100) / 100,
  }));
}

export type CompanyRowInput = {
  name: string;
  legal_form?: string | null;
  street?: string | null;
  postal_code: string;
  city?: string | null;
  ags: string | null;
  lat: number | null;
  lon: number | null;
  in_service_region: boolean;
  sector?: string | null;
  size_class?: Company["sizeClass"];
  chamber?: Company["chamber"];
  membership_number?: string | null;
  migrant_led?: boolean | null;
  migrant_led_recorded_on?: string | null;
  may_train?: Company["mayTrain"];
  trainer_qualified?: boolean | null;
  website?: string | null;
  tags?: string[];
  responsible_user_id?: string | null;
  stage?: Stage;
  declined_reason?: string | null;
  declined_note?: string | null;
  source?: Company["source"];
  external_ref?: string | null;
};

export async function insertCompany(db: Db, row: CompanyRowInput, now: Date): Promise<string> {
  const { id } = await db
    .insertInto("company")
    .values({ ...row, search_text: searchTextOf(row.name), stage_changed_at: now, created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateCompanyRow(
  db: Db,
  id: string,
  patch: Partial<CompanyRowInput> & { stage_changed_at?: Date },
  now: Date,
): Promise<void> {
  await db
    .updateTable("company")
    .set({ ...patch, ...(patch.name ? { search_text: searchTextOf(patch.name) } : {}), updated_at: now })
    .where("id", "=", id)
    .execute();
}

export async function deleteCompanyRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom("company").where("id", "=", id).execute();
}

export async function insertStageChange(
  db: Db,
  change: { companyId: string; from: Stage | null; to: Stage; reason: string | null; note: string | null; at: Date; userId: string | null },
): Promise<void> {
  await db
    .insertInto("company_stage_change")
    .values({
      company_id: change.companyId,
      from_stage: change.from,
      to_stage: change.to,
      reason: change.reason,
      note: change.note,
      at: change.at,
      user_id: change.userId,
    })
    .execute();
}

export async function findStageChanges(db: Db, companyId: string) {
  const rows = await db
    .selectFrom("company_stage_change")
    .leftJoin("app_user", "app_user.id", "company_stage_change.user_id")
    .select([
      "company_stage_change.id",
      "company_stage_change.from_stage",
      "company_stage_change.to_stage",
      "company_stage_change.reason",
      "company_stage_change.note",
      "company_stage_change.at",
      "company_stage_change.user_id",
      "app_user.display_name",
    ])
    .where("company_stage_change.company_id", "=", companyId)
    .orderBy("company_stage_change.id", "desc")
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    fromStage: r.from_stage as Stage | null,
    toStage: r.to_stage as Stage,
    reason: r.reason,
    note: r.note,
    at: new Date(r.at).toISOString(),
    userId: r.user_id,
    userName: r.display_name ?? null,
  }));
}

/** Moves everything of `otherId` to `targetId` (contacts, activities, offers, stage history). */
export async function moveCompanyChildren(
  db: Db,
  otherId: string,
  targetId: string,
): Promise<{ contacts: number; activities: number; offers: number }> {
  const contacts = await db
    .updateTable("company_contact")
    .set({ company_id: targetId })
    .where("company_id", "=", otherId)
    .executeTakeFirst();
  const activities = await db
    .updateTable("company_activity")
    .set({ company_id: targetId })
    .where("company_id", "=", otherId)
    .executeTakeFirst();
  const offers = await db.updateTable("offer").set({ company_id: targetId }).where("company_id", "=", otherId).executeTakeFirst();
  await db.updateTable("company_stage_change").set({ company_id: targetId }).where("company_id", "=", otherId).execute();
  return {
    contacts: Number(contacts.numUpdatedRows),
    activities: Number(activities.numUpdatedRows),
    offers: Number(offers.numUpdatedRows),
  };
}

export async function stageCounts(db: Db, scope: Scope, responsibleUserId: string | null): Promise<Map<string, number>> {
  let q = baseQuery(db, scope).select(["company.stage", (eb) => eb.fn.countAll<number>().as("n")]);
  if (responsibleUserId) q = q.where("company.responsible_user_id", "=", responsibleUserId);
  const rows = await q.groupBy("company.stage").execute();
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
}

export async function newestCompanies(db: Db, scope: Scope, limit: number) {
  return baseQuery(db, scope)
    .select(["company.id", "company.name", "company.city", "company.created_at", "company.stage"])
    .orderBy("company.created_at", "desc")
    .orderBy("company.id")
    .limit(limit)
    .execute();
}
