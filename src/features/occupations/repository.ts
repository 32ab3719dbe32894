import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "../../db/types.js";
import type { CatalogueEntry, Chamber, Occupation } from "./schema.js";

type Db = Kysely<Database>;

export async function catalogueChecksum(db: Db, name: string): Promise<string | undefined> {
  return (await db.selectFrom("reference_version").select("checksum").where("name", "=", name).executeTakeFirst())?.checksum;
}

/** "ä" → "ae" …: a search for "koechin" finds "Köchin" (the database folds "ö" to "o" with unaccent). */
export const transliterate = (s: string) =>
  s
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/ß/g, "ss");

function femaleWord(word: string, ending: string): string {
  if (ending === "in") return `${word}in`;
  if (ending === "frau" && word.endsWith("mann")) return `${word.slice(0, -4)}frau`;
  for (let k = Math.min(5, ending.length); k >= 3; k--) {
    const at = word.lastIndexOf(ending.slice(0, k));
    if (at > 0) return word.slice(0, at) + ending;
  }
  return word;
}

/** The female form of a name: "Maler/-in und Lackierer/-in" → "Malerin und Lackiererin", "Kaufmann/-frau für …" → "Kauffrau für …". */
export function femaleForm(name: string): string {
  return name.replace(/([\p{L}-]+)\/-(\p{L}+)/gu, (_, word: string, ending: string) => femaleWord(word, ending));
}

/** What a search looks in: the name, female forms, former names and synonyms, with and without umlauts. */
export function searchTextOf(o: Pick<CatalogueEntry, "name" | "formerNames" | "synonyms">): string {
  const female = femaleForm(o.name);
  const terms = [o.name, ...(female === o.name ? [] : [female]), ...(o.formerNames ?? []).map((f) => f.name), ...(o.synonyms ?? [])];
  const text = terms.join(" | ");
  const folded = transliterate(text);
  return folded === text ? text : `${text} | ${folded}`;
}

/**
 * Brings the table in line with the catalogue in one transaction: every occupation is inserted or
 * updated under its stable id (and un-retired if it had left); what is no longer in the catalogue is
 * retired, never deleted, since offers and candidates may point at it.
 */
export async function upsertCatalogue(db: Db, occupations: CatalogueEntry[], checksum: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < occupations.length; i += 200) {
      await trx
        .insertInto("occupation")
        .values(
          occupations.slice(i, i + 200).map((o) => ({
            id: o.id,
            name: o.name,
            months: o.months,
            chamber: o.chamber,
            chambers: JSON.stringify(o.chambers),
            kldb: o.kldb,
            kldb5: o.kldb5,
            valid_from: o.validFrom ?? null,
            valid_until: o.validUntil ?? null,
            former_names: JSON.stringify(o.formerNames ?? []),
            replaces: JSON.stringify(o.replaces ?? []),
            synonyms: JSON.stringify(o.synonyms ?? []),
            search_text: sql<string>`lower(unaccent(${searchTextOf(o)}))`,
            retired_at: null,
          })),
        )
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            name: eb.ref("excluded.name"),
            months: eb.ref("excluded.months"),
            chamber: eb.ref("excluded.chamber"),
            chambers: eb.ref("excluded.chambers"),
            kldb: eb.ref("excluded.kldb"),
            kldb5: eb.ref("excluded.kldb5"),
            valid_from: eb.ref("excluded.valid_from"),
            valid_until: eb.ref("excluded.valid_until"),
            former_names: eb.ref("excluded.former_names"),
            replaces: eb.ref("excluded.replaces"),
            synonyms: eb.ref("excluded.synonyms"),
            search_text: eb.ref("excluded.search_text"),
            retired_at: null,
          })),
        )
        .execute();
    }
    await trx
      .updateTable("occupation")
      .set({ retired_at: now })
      .where("retired_at", "is", null)
      .where(
        "id",
        "not in",
        occupations.map((o) => o.id),
      )
      .execute();
    await trx
      .insertInto("reference_version")
      .values({ name: "occupations", checksum })
      .onConflict((oc) => oc.column("name").doUpdateSet({ checksum, loaded_at: now }))
      .execute();
  });
}

function selectOccupation<O>(query: SelectQueryBuilder<Database, "occupation", O>) {
  return query.select([
    "id",
    "name",
    "months",
    "chamber",
    "chambers",
    "kldb",
    "kldb5",
    sql<string | null>`to_char(valid_from, 'YYYY-MM-DD')`.as("valid_from_text"),
    sql<string | null>`to_char(valid_until, 'YYYY-MM-DD')`.as("valid_until_text"),
    "former_names",
    "retired_at",
  ]);
}

type Row = {
  id: string;
  name: string;
  months: number;
  chamber: Chamber;
  chambers: Chamber[] | string;
  kldb: string;
  kldb5: string | null;
  valid_from_text: string | null;
  valid_until_text: string | null;
  former_names: Occupation["formerNames"] | string;
  retired_at: Date | string | null;
};

const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

function toOccupation(r: Row): Occupation {
  const chambers = json(r.chambers);
  return {
    id: r.id,
    name: r.name,
    months: r.months,
    chamber: r.chamber,
    chambers: chambers.length > 0 ? chambers : [r.chamber],
    kldb: r.kldb,
    kldb5: r.kldb5,
    validFrom: r.valid_from_text,
    validUntil: r.valid_until_text,
    formerNames: json(r.former_names),
    retiredAt: r.retired_at === null ? null : new Date(r.retired_at).toISOString(),
  };
}

export type SearchParams = { q?: string; chamber?: Chamber; page: number; pageSize: number };

/** Current occupations (not retired) matching the search, best first: prefix, substring, similarity, name. */
export async function searchOccupations(db: Db, p: SearchParams): Promise<{ items: Occupation[]; total: number }> {
  let query = db.selectFrom("occupation").where("retired_at", "is", null);
  if (p.chamber) query = query.where(sql<boolean>`chambers @> ${JSON.stringify([p.chamber])}::jsonb`);
  const term = p.q ? sql<string>`lower(unaccent(${p.q}))` : undefined;
  if (term) {
    // Typos: a word of the text close to the term (0.4 keeps "Erzieher" from matching "…näher").
    query = query.where((eb) =>
      eb.or([
        eb(sql<number>`word_similarity(${term}, search_text)`, ">", 0.4),
        eb(sql<number>`similarity(${term}, search_text)`, ">", 0.3),
        eb("search_text", "like", sql<string>`'%' || ${term} || '%'`),
      ]),
    );
  }
  const { total } = await query.select((eb) => eb.fn.countAll<string | number>().as("total")).executeTakeFirstOrThrow();
  let rows = selectOccupation(query);
  if (term) {
    rows = rows
      .orderBy(sql`(search_text like ${term} || '%')`, "desc")
      .orderBy(sql`(search_text like '%' || ${term} || '%')`, "desc")
      .orderBy(sql`strict_word_similarity(${term}, search_text)`, "desc")
      .orderBy(sql`word_similarity(${term}, search_text)`, "desc");
  }
  // German order: "Bäcker/-in" before "Buchhändler/-in" (umlauts sort with their base letter).
  const items = await rows
    .orderBy(sql`lower(unaccent(name))`)
    .orderBy("name")
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize)
    .execute();
  return { items: items.map((r) => toOccupation(r as Row)), total: Number(total) };
}

/** One occupation by id, retired ones included (old records point at them). */
export async function findOccupation(db: Db, id: string): Promise<Occupation | undefined> {
  const row = await selectOccupation(db.selectFrom("occupation").where("id", "=", id)).executeTakeFirst();
  return row ? toOccupation(row as Row) : undefined;
}
