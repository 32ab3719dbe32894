import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../tests/support/test-app.js";
import { createTestDatabase } from "../../tests/support/test-db.js";
import { findPostcode } from "../features/geo/service.js";
import { demoRegionPlaces } from "../server/prepare-database.js";
import { demoDistricts, trainingYear } from "./demo-region.js";
import { demoAccounts, insertAccount, seedDemoRegion } from "./factories.js";

type Page = { items: { id: string; ags: string | null; stage: string }[]; total: number };
type Board = { columns: { stage: string; count: number }[] };
type Today = { date: string; followUps: { due: string; overdue: boolean; subject: string }[] };
type History = { items: { fromStage: string | null; toStage: string; at: string; userName: string | null }[] };

describe("the demo region", () => {
  const t = setupTestApp();
  const places = demoRegionPlaces();
  let coordinator: string;
  let halle: string;
  let wittenberg: string;

  beforeAll(async () => {
    await seedDemoRegion(t.db, { now: t.clock.now, places });
    [coordinator, halle, wittenberg] = await Promise.all([
      t.signIn(demo.coordinator),
      t.signIn(demo.counsellorHalle),
      t.signIn(demo.counsellorWittenberg),
    ]);
  });

  const get = async <T>(path: string, as: string): Promise<T> => {
    const res = await t.request("GET", path, { as });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };

  it("has about 300 companies in all seven districts, weighted by population", async () => {
    const rows = await t.db
      .selectFrom("company")
      .select(["ags", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("ags")
      .execute();
    const count = new Map(rows.map((r) => [r.ags, Number(r.n)]));
    expect([...count.values()].reduce((s, n) => s + n, 0)).toBe(300);
    for (const d of demoDistricts) expect(count.get(d.ags), d.ags).toBeGreaterThan(10);
    expect(count.get("15002")).toBeGreaterThan(count.get("15001") ?? 0);
    expect((await get<Page>("/api/v1/companies?limit=1", coordinator)).total).toBe(300);
  });

  it("puts every company at a real postcode of its district, placed as the geo service places it", async () => {
    const rows = await t.db
      .selectFrom("company")
      .select(["name", "postal_code", "city", "ags", "lat", "lon", "search_text", sql<string>`lower(unaccent(name))`.as("expected")])
      .execute();
    for (const r of rows) {
      const info = findPostcode(r.postal_code);
      expect(info?.primary.ags, r.postal_code).toBe(r.ags);
      expect([r.lat, r.lon]).toEqual([info?.primary.lat, info?.primary.lon]);
      expect(info?.places.map((p) => p.name)).toContain(r.city);
      expect(r.search_text).toBe(r.expected);
    }
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    const migrantLed = await t.db.selectFrom("company").select("name").where("migrant_led", "=", true).execute();
    expect(migrantLed.length).toBeGreaterThan(20);
    expect(migrantLed.map((c) => c.name).join(" ")).toMatch(/Restaurant|Markt|Friseursalon|Barbershop/);
  });

  it("has every stage of the pipeline, each with a plausible history of the last 18 months", async () => {
    const board = await get<Board>("/api/v1/companies/board", coordinator);
    for (const column of board.columns) expect(column.count, column.stage).toBeGreaterThan(0);
    const training = await get<Page>("/api/v1/companies?stage=training&limit=5", coordinator);
    const oldest = new Date(t.clock.now.getTime() - 548 * 86_400_000).toISOString();
    for (const company of training.items) {
      const { items } = await get<History>(`/api/v1/companies/${company.id}/history`, coordinator);
      expect(items[0]?.toStage).toBe("training");
      expect(items[items.length - 1]).toMatchObject({ fromStage: null, toStage: "contacted" });
      for (const change of items) {
        expect(change.at > oldest && change.at < t.clock.now.toISOString()).toBe(true);
        expect(change.userName).toMatch(/Hallenser|Wittenberger|Koordinator/);
      }
    }
  });

  it("has about 500 places in occupations of the catalogue, most of them training from 1 August or 1 September", async () => {
    const offers = await t.db
      .selectFrom("offer")
      .leftJoin("occupation", "occupation.id", "offer.occupation_id")
      .select([
        "offer.kind",
        "offer.status",
        "offer.eq_months",
        sql<string>`to_char(offer.start_date, 'YYYY-MM-DD')`.as("start"),
        "occupation.id as known",
      ])
      .execute();
    expect(offers).toHaveLength(500);
    expect(offers.every((o) => o.known !== null)).toBe(true);
    const year = trainingYear(t.clock.now);
    const training = offers.filter((o) => o.kind === "training");
    expect(training.length / offers.length).toBeGreaterThan(0.7);
    expect(training.every((o) => o.start === `${year}-08-01` || o.start === `${year}-09-01`)).toBe(true);
    const eq = offers.filter((o) => o.kind === "entry_qualification");
    expect(eq.length).toBeGreaterThan(0);
    expect(eq.every((o) => (o.eq_months ?? 0) >= 4 && (o.eq_months ?? 0) <= 12)).toBe(true);
    expect(offers.some((o) => o.kind === "internship")).toBe(true);
    expect(offers.filter((o) => o.status === "open").length / offers.length).toBeGreaterThan(0.5);
    expect((await get<Page>("/api/v1/offers?limit=1", coordinator)).total).toBe(500);
  });

  it("gives the Halle counsellor a handful of overdue and due Wiedervorlagen on the Start page", async () => {
    const today = await get<Today>("/api/v1/today", halle);
    const overdue = today.followUps.filter((f) => f.overdue);
    const due = today.followUps.filter((f) => !f.overdue);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeLessThanOrEqual(10);
    expect(due.length).toBeGreaterThanOrEqual(3);
    expect(due.length).toBeLessThanOrEqual(10);
    for (const f of overdue) expect(f.due < today.date).toBe(true);
  });

  it("shows the Wittenberg counsellor none of Halle's companies", async () => {
    expect((await get<Page>("/api/v1/companies?district=15002", wittenberg)).total).toBe(0);
    const own = await get<Page>("/api/v1/companies?limit=200", wittenberg);
    expect(own.total).toBeGreaterThan(50);
    for (const c of own.items) expect(["15091", "15082", "15001"]).toContain(c.ags);
    expect((await get<Page>("/api/v1/companies?district=15002", halle)).total).toBeGreaterThan(30);
  });

  it("is the same region again for the same clock (deterministic)", async () => {
    const other = await createTestDatabase();
    try {
      for (const account of demoAccounts) await insertAccount(other.db, account);
      await seedDemoRegion(other.db, { now: t.clock.now, places });
      expect(await sample(other.db)).toEqual(await sample(t.db));
    } finally {
      await other.close();
    }
  });
});

async function sample(db: Awaited<ReturnType<typeof createTestDatabase>>["db"]) {
  const companies = await db
    .selectFrom("company")
    .select(["id", "name", "postal_code", "stage", "stage_changed_at"])
    .orderBy("id")
    .execute();
  const steps = await db.selectFrom("company_activity").select(["id", "summary", "next_step_due"]).orderBy("id").execute();
  return { companies, steps };
}
