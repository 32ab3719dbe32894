import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/support/test-db.js";
import { selectPacked } from "./packed-rows.js";

describe("packed reads", () => {
  it("give the same rows as a plain read: text, numbers, fractions, booleans, null, across chunk borders", async () => {
    const test = await createTestDatabase();
    try {
      const query = test.db
        .selectFrom("occupation")
        .select([
          "id",
          "name",
          "months",
          "kldb5",
          sql<string | null>`to_char(valid_until, 'YYYY-MM-DD')`.as("until"),
          sql<number>`(months / 7.0)::float8`.as("ratio"),
          sql<boolean>`months > 30`.as("long"),
          sql<string | null>`case when months > 30 then null else 'kurz' end`.as("note"),
        ]);
      const plain = await query.execute();
      const packed = await selectPacked<(typeof plain)[number]>(
        test.db,
        query,
        ["id", "name", "months", "kldb5", "until", "ratio", "long", "note"],
        7,
      );
      // The catalogue has hundreds of occupations: many chunks of 7, the last one partly filled.
      expect(plain.length).toBeGreaterThan(300);
      const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(byId(packed)).toEqual(byId(plain));
      expect(packed.some((r) => r.note === null)).toBe(true);
      expect(packed.some((r) => r.long === false)).toBe(true);
    } finally {
      await test.close();
    }
  });

  it("an empty result is an empty list", async () => {
    const test = await createTestDatabase();
    try {
      const query = test.db.selectFrom("occupation").select(["id"]).where("id", "=", "gibt-es-nicht");
      expect(await selectPacked(test.db, query, ["id"])).toEqual([]);
    } finally {
      await test.close();
    }
  });
});
