import { type SqlBool, sql } from "kysely";
import type { Db } from "../../lib/context.js";

/**
 * Chain templates and their steps. Templates are reference data of the service point, not case data: every
 * staff role reads all of them (a counsellor of Wittenberg copies Halle's chain); who may change one is the
 * service's rule (its districts). Runs are in run-repository.ts and beside it.
 */

export type TemplateRow = {
  id: string;
  name: string;
  districts: string[] | null;
  district_key: string;
  version: number;
  valid_from: string;
  valid_to: string | null;
  status: "draft" | "published" | "retired";
  source_template_id: string | null;
  source_name: string | null;
  note: string | null;
  published_at: Date | null;
  retired_at: Date | null;
  created_at: Date;
  updated_at: Date;
  step_count: number;
  to_check_count: number;
  run_count: number;
};

const day = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

function templateQuery(db: Db) {
  return db
    .selectFrom("chain_template as t")
    .leftJoin("chain_template as src", "src.id", "t.source_template_id")
    .select([
      "t.id",
      "t.name",
      sql<string[] | null>`t.districts`.as("districts"),
      "t.district_key",
      "t.version",
      day("t.valid_from").as("valid_from"),
      sql<string | null>`to_char(t.valid_to, 'YYYY-MM-DD')`.as("valid_to"),
      "t.status",
      "t.source_template_id",
      "src.name as source_name",
      "t.note",
      "t.published_at",
      "t.retired_at",
      "t.created_at",
      "t.updated_at",
      sql<number>`(select count(*)::int from chain_step s where s.template_id = t.id)`.as("step_count"),
      sql<number>`(select coalesce(sum(cardinality(s.to_check)), 0)::int from chain_step s where s.template_id = t.id)`.as(
        "to_check_count",
      ),
      sql<number>`(select count(*)::int from chain_run r where r.template_id = t.id)`.as("run_count"),
    ]);
}

export async function findTemplate(db: Db, id: string): Promise<TemplateRow | undefined> {
  return (await templateQuery(db).where("t.id", "=", id).executeTakeFirst()) as TemplateRow | undefined;
}

export type TemplateFilter = {
  district?: string;
  status?: TemplateRow["status"];
  q?: string;
  limit: number;
  after?: { at: string; id: string };
};

function filtered(db: Db, f: Omit<TemplateFilter, "limit" | "after">) {
  let q = templateQuery(db);
  if (f.district) q = q.where(sql<SqlBool>`(t.districts is null or ${f.district} = any(t.districts))`);
  if (f.status) q = q.where("t.status", "=", f.status);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`;
    q = q.where(sql<SqlBool>`lower(unaccent(t.name)) like lower(unaccent(${like}))`);
  }
  return q;
}

/** Newest first (created_at, id): published and drafts together; `after` is the keyset of the last row. */
export async function findTemplates(db: Db, f: TemplateFilter): Promise<TemplateRow[]> {
  let q = filtered(db, f);
  if (f.after) q = q.where(sql<SqlBool>`(t.created_at, t.id) < (${f.after.at}::timestamptz, ${f.after.id}::uuid)`);
  return (await q.orderBy("t.created_at", "desc").orderBy("t.id", "desc").limit(f.limit).execute()) as TemplateRow[];
}

export async function countTemplates(db: Db, f: Omit<TemplateFilter, "limit" | "after">): Promise<number> {
  const rows = await filtered(db, f).execute();
  return rows.length;
}

export type TemplateInsert = {
  name: string;
  districts: string[] | null;
  version: number;
  validFrom: string;
  validTo: string | null;
  sourceTemplateId: string | null;
  note: string | null;
  seedKey?: string | null;
  by: string | null;
  at: Date;
};

/** The line of versions a template belongs to: its sorted districts, or '*' for every district. */
export const districtKeyOf = (districts: readonly string[] | null) => (districts ? [...districts].sort().join(",") : "*");

export async function nextVersion(db: Db, districtKey: string): Promise<number> {
  const r = await db
    .selectFrom("chain_template")
    .select(sql<number>`coalesce(max(version), 0)::int + 1`.as("v"))
    .where("district_key", "=", districtKey)
    .executeTakeFirstOrThrow();
  return r.v;
}

export async function insertTemplate(db: Db, t: TemplateInsert): Promise<string> {
  const r = await db
    .insertInto("chain_template")
    .values({
      name: t.name,
      districts: t.districts ? sql<string[]>`${t.districts}::text[]` : null,
      district_key: districtKeyOf(t.districts),
      version: t.version,
      valid_from: t.validFrom,
      valid_to: t.validTo,
      source_template_id: t.sourceTemplateId,
      note: t.note,
      seed_key: t.seedKey ?? null,
      created_by: t.by,
      created_at: t.at,
      updated_at: t.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateTemplateRow(
  db: Db,
  id: string,
  patch: {
    name?: string;
    districts?: string[] | null;
    version?: number;
    validFrom?: string;
    validTo?: string | null;
    note?: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable("chain_template")
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.districts !== undefined
        ? {
            districts: patch.districts ? sql<string[]>`${patch.districts}::text[]` : null,
            district_key: districtKeyOf(patch.districts),
          }
        : {}),
      ...(patch.version !== undefined ? { version: patch.version } : {}),
      ...(patch.validFrom !== undefined ? { valid_from: patch.validFrom } : {}),
      ...(patch.validTo !== undefined ? { valid_to: patch.validTo } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      updated_at: patch.at,
    })
    .where("id", "=", id)
    .execute();
}

/** Publishes a draft: the published template of the same districts (if any) is retired in the same write. */
export async function publishTemplateRow(db: Db, id: string, districtKey: string, by: string | null, at: Date): Promise<string[]> {
  const retired = await db
    .updateTable("chain_template")
    .set({ status: "retired", retired_at: at, updated_at: at })
    .where("district_key", "=", districtKey)
    .where("status", "=", "published")
    .where("id", "<>", id)
    .returning("id")
    .execute();
  await db
    .updateTable("chain_template")
    .set({ status: "published", published_at: at, published_by: by, updated_at: at })
    .where("id", "=", id)
    .execute();
  return retired.map((r) => r.id);
}

/**
 * The published templates that cover a district (or every district), the most specific first (fewest
 * districts; "every district" last), those valid on `day` before the others.
 */
export async function publishedFor(db: Db, ags: string | null, dayIso: string): Promise<TemplateRow[]> {
  const q = templateQuery(db)
    .where("t.status", "=", "published")
    .where(ags ? sql<SqlBool>`(t.districts is null or ${ags} = any(t.districts))` : sql<SqlBool>`t.districts is null`)
    .orderBy(sql`case when t.valid_from <= ${dayIso}::date and (t.valid_to is null or t.valid_to >= ${dayIso}::date) then 0 else 1 end`)
    .orderBy(sql`coalesce(cardinality(t.districts), 1000)`)
    .orderBy("t.published_at", "desc");
  return (await q.execute()) as TemplateRow[];
}

/** Templates per district line and status (indicators). */
export async function templateCounts(db: Db): Promise<{ districts: string[] | null; status: string; n: number }[]> {
  return (await db
    .selectFrom("chain_template")
    .select([sql<string[] | null>`districts`.as("districts"), "status", sql<number>`count(*)::int`.as("n")])
    .groupBy(["districts", "status"])
    .execute()) as { districts: string[] | null; status: string; n: number }[];
}

export async function seedKeysPresent(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom("chain_template").select("seed_key").where("seed_key", "is not", null).execute();
  return new Set(rows.map((r) => r.seed_key as string));
}

export async function templateIdBySeedKey(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom("chain_template").select("id").where("seed_key", "=", key).executeTakeFirst())?.id;
}
