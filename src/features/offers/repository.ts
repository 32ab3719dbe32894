import { type SqlBool, sql } from "kysely";
import { inScope } from "../../db/district-scope.js";
import type { Db } from "../../lib/context.js";
import type { Scope } from "../../lib/http/actor.js";
import { type CursorValue, decodeCursor, encodeCursor } from "../../lib/http/cursor.js";
import type { Offer, OfferFilters, OfferListQuery } from "./schema.js";

/**
 * Offers belong to a company: their scope is the company's district, and lists show the company's
 * name. This repository reads the company table for that, and only for that (decision record 0008).
 */
function baseQuery(db: Db, scope: Scope) {
  return db
    .selectFrom("offer")
    .innerJoin("company", "company.id", "offer.company_id")
    .innerJoin("occupation", "occupation.id", "offer.occupation_id")
    .where((eb) => inScope({ ags: eb.ref("company.ags") }, scope));
}
type Base = ReturnType<typeof baseQuery>;

function selectOffer(q: Base) {
  return q
    .selectAll("offer")
    .select([
      "company.name as company_name",
      "occupation.name as occupation_name",
      sql<string>`to_char(offer.start_date, 'YYYY-MM-DD')`.as("start"),
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof selectOffer>["executeTakeFirstOrThrow"]>>;

export function toOffer(r: Row, place: (postalCode: string) => { city: string | null; districtName: string | null }): Offer {
  const where = place(r.postal_code);
  return {
    id: r.id,
    companyId: r.company_id,
    companyName: r.company_name,
    kind: r.kind,
    occupationId: r.occupation_id,
    occupationName: r.occupation_name,
    title: r.title,
    places: r.places,
    startDate: r.start,
    eqMonths: r.eq_months,
    postalCode: r.postal_code,
    city: where.city,
    ags: r.ags,
    districtName: where.districtName,
    lat: r.lat,
    lon: r.lon,
    requirements: {
      minSchoolCertificate: r.min_school_certificate,
      minGermanLevel: r.min_german_level,
      drivingLicence: r.driving_licence,
      note: r.requirements_note,
    },
    description: r.description,
    contactId: r.contact_id,
    status: r.status,
    source: r.source,
    externalRef: r.external_ref,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

function applyFilters(q: Base, f: OfferFilters): Base {
  let query = q;
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`;
    query = query.where((eb) =>
      eb.or([
        eb("company.search_text", "like", sql<string>`lower(unaccent(${like}))`),
        eb("occupation.search_text", "like", sql<string>`lower(unaccent(${like}))`),
        sql<SqlBool>`lower(unaccent(coalesce(offer.title, ''))) like lower(unaccent(${like}))`,
      ]),
    );
  }
  if (f.district) query = query.where("offer.ags", "=", f.district);
  if (f.occupationId) query = query.where("offer.occupation_id", "=", f.occupationId);
  if (f.kind) query = query.where("offer.kind", "=", f.kind);
  if (f.status) query = query.where("offer.status", "=", f.status);
  if (f.companyId) query = query.where("offer.company_id", "=", f.companyId);
  if (f.startFrom) query = query.where("offer.start_date", ">=", f.startFrom);
  if (f.startTo) query = query.where("offer.start_date", "<=", f.startTo);
  return query;
}

type Place = Parameters<typeof toOffer>[1];

/** Places ordered by start date, then id; the cursor carries both. */
export async function findOffers(db: Db, scope: Scope, query: OfferListQuery, place: Place) {
  const filtered = applyFilters(baseQuery(db, scope), query);
  let page = filtered;
  const cursor = query.cursor ? (decodeCursor(query.cursor) as CursorValue) : null;
  if (cursor) page = page.where(sql<SqlBool>`(offer.start_date, offer.id) > (${String(cursor.k)}::date, ${cursor.id}::uuid)`);
  const rows = await selectOffer(page)
    .orderBy("offer.start_date")
    .orderBy("offer.id")
    .limit(query.limit + 1)
    .execute();
  const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => toOffer(r, place)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.start, id: last.id }) : null,
    total: Number(total),
  };
}

export async function* streamOffers(db: Db, scope: Scope, filters: OfferFilters, place: Place) {
  let cursor: string | undefined;
  do {
    const page = await findOffers(db, scope, { ...filters, limit: 200, cursor }, place);
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export async function findOfferById(db: Db, scope: Scope, id: string, place: Place): Promise<Offer | undefined> {
  const row = await selectOffer(baseQuery(db, scope)).where("offer.id", "=", id).executeTakeFirst();
  return row && toOffer(row, place);
}

export async function offerPoints(db: Db, scope: Scope, filters: OfferFilters, limit: number) {
  const rows = await applyFilters(baseQuery(db, scope), filters)
    .select([
      "offer.id",
      "offer.company_id",
      "company.name as company_name",
      "occupation.name as occupation_name",
      "offer.places",
      "offer.lat",
      "offer.lon",
      "offer.ags",
    ])
    .where("offer.lat", "is not", null)
    .orderBy("offer.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    companyId: r.company_id,
    companyName: r.company_name,
    occupationName: r.occupation_name,
    places: r.places,
    lat: r.lat as number,
    lon: r.lon as number,
    ags: r.ags,
  }));
}

export type OfferRow = {
  company_id?: string;
  kind?: Offer["kind"];
  occupation_id?: string;
  title?: string | null;
  places?: number;
  start_date?: string;
  eq_months?: number | null;
  postal_code?: string;
  ags?: string | null;
  lat?: number | null;
  lon?: number | null;
  min_school_certificate?: Offer["requirements"]["minSchoolCertificate"];
  min_german_level?: Offer["requirements"]["minGermanLevel"];
  driving_licence?: boolean;
  requirements_note?: string | null;
  description?: string | null;
  contact_id?: string | null;
  status?: Offer["status"];
  source?: Offer["source"];
  external_ref?: string | null;
};

export async function insertOffer(
  db: Db,
  row: OfferRow & Required<Pick<OfferRow, "company_id" | "kind" | "occupation_id" | "places" | "start_date" | "postal_code">>,
  now: Date,
): Promise<string> {
  const { id } = await db
    .insertInto("offer")
    .values({ ...row, created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateOfferRow(db: Db, id: string, row: OfferRow, now: Date): Promise<void> {
  await db
    .updateTable("offer")
    .set({ ...row, updated_at: now })
    .where("id", "=", id)
    .execute();
}

export async function deleteOfferRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom("offer").where("id", "=", id).execute();
}

/** Whether a contact person belongs to the company (an offer names only its own company's people). */
export async function contactBelongsTo(db: Db, contactId: string, companyId: string): Promise<boolean> {
  const row = await db
    .selectFrom("company_contact")
    .select("id")
    .where("id", "=", contactId)
    .where("company_id", "=", companyId)
    .executeTakeFirst();
  return row !== undefined;
}
