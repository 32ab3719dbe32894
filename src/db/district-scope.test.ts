import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/support/test-db.js";
import { scopeOf } from "../lib/http/actor.js";
import { inScope } from "./district-scope.js";

/** Rows of three districts, one of them addressed to a partner organisation. */
const rows = sql`(values ('halle', '15002', null), ('wittenberg', '15091', 'Jobcenter Wittenberg'), ('saalekreis', '15088', null)) as r(name, ags, addressed_to)`;

async function visible(scope: ReturnType<typeof scopeOf>): Promise<string[]> {
  const db = await createTestDatabase();
  try {
    const condition = inScope({ ags: sql.ref("r.ags"), addressedTo: sql.ref("r.addressed_to") }, scope);
    const result = await sql<{ name: string }>`select name from ${rows} where ${condition} order by name`.execute(db.db);
    return result.rows.map((r) => r.name);
  } finally {
    await db.close();
  }
}

const base = { districts: [] as string[], organisation: null as string | null };

describe("scope in the query", () => {
  it("a counsellor of Halle and Saalekreis sees the rows of those districts", async () => {
    expect(await visible(scopeOf({ ...base, role: "counsellor", districts: ["15002", "15088"] }))).toEqual(["halle", "saalekreis"]);
  });
  it("a coordinator sees all districts", async () => {
    expect(await visible(scopeOf({ ...base, role: "coordinator" }))).toEqual(["halle", "saalekreis", "wittenberg"]);
  });
  it("a partner sees only what is addressed to their organisation", async () => {
    expect(await visible(scopeOf({ ...base, role: "partner", organisation: "Jobcenter Wittenberg" }))).toEqual(["wittenberg"]);
    expect(await visible(scopeOf({ ...base, role: "partner", organisation: "Agentur für Arbeit" }))).toEqual([]);
  });
  it("nobody signed in sees nothing", async () => {
    expect(await visible(scopeOf(null))).toEqual([]);
  });
});
