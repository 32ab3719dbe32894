import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/types.js";
import type { Occupation, OccupationQuery } from "./schema.js";

type Db = Kysely<Database>;

export async function catalogueChecksum(db: Db, name: string): Promise<string | undefined> {
  return (await db.selectFrom("reference_version").select("checksum").where("name", "=", name).executeTakeFirst())?.checksum;
}

/** Replaces the catalogue in one transaction; search text is lower-cased and unaccented by the database. */
export async function replaceCatalogue(db: Db, occupations: Occupation[], checksum: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("occupation").execute();
    for (let i = 0; i < occupations.length; i += 200) {
      await trx
        .insertInto("occupation")
        .values(occupations.slice(i, i + 200).map((o) => ({ ...o, search_text: sql<string>`lower(unaccent(${o.name}))` })))
        .execute();
    }
    await trx
      .insertInto("reference_version")
      .values({ name: "occupations", checksum })
      .onConflict((oc) => oc.column("name").doUpdateSet({ checksum, loaded_at: new Date() }))
      .execute();
  });
}

export async function searchOccupations(db: Db, q: OccupationQuery): Promise<Occupation[]> {
  let query = db.selectFrom("occupation").select(["id", "name", "months", "chamber", "kldb"]);
  if (q.chamber) query = query.where("chamber", "=", q.chamber);
  if (q.q) {
    const term = sql<string>`lower(unaccent(${q.q}))`;
    const score = sql<number>`greatest(word_similarity(${term}, search_text), similarity(${term}, search_text))`;
    query = query
      .where((eb) => eb.or([eb(score, ">", 0.3), eb("search_text", "like", sql<string>`'%' || ${term} || '%'`)]))
      .orderBy(sql`(search_text like ${term} || '%')`, "desc")
      .orderBy(score, "desc");
  }
  return query.orderBy("name").limit(q.limit).execute();
}

export async function findOccupation(db: Db, id: string): Promise<Occupation | undefined> {
  return db.selectFrom("occupation").select(["id", "name", "months", "chamber", "kldb"]).where("id", "=", id).executeTakeFirst();
}
