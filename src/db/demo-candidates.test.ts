import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db.js";
import { demoRegionPlaces } from "../server/prepare-database.js";
import { type CandidateSeedCounts, insertDemoCandidates } from "./demo-candidates.js";
import { type DemoStaff, demoDistricts } from "./demo-region.js";
import { demoAccounts, insertAccount, seedDemoRegion } from "./factories.js";
import type { Database } from "./types.js";

const now = new Date("2026-11-24T09:00:00Z");
const today = "2026-11-24";
const places = demoRegionPlaces();

/** The demo staff as the demo seed knows it: each district's counsellor, the coordinator. */
async function staffOf(db: Kysely<Database>): Promise<DemoStaff> {
  const users = await db.selectFrom("app_user").select(["id", "email"]).execute();
  const idOf = (email: string) => users.find((u) => u.email === email)?.id ?? "";
  const counsellorOf: Record<string, string> = {};
  for (const account of demoAccounts.filter((a) => a.role === "counsellor"))
    for (const ags of account.districts ?? []) counsellorOf[ags] = idOf(account.email);
  return { counsellorOf, coordinator: idOf("koordination@demo.example") };
}

describe("the demo candidates", () => {
  let t: TestDatabase;
  let db: Kysely<Database>;
  let staff: DemoStaff;
  let companyIds: string[];
  let counts: CandidateSeedCounts;
  const count = async (query: string) => Number((await sql<{ n: string }>`${sql.raw(query)}`.execute(db)).rows[0]?.n ?? -1);

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
    for (const account of demoAccounts) await insertAccount(db, account);
    await seedDemoRegion(db, { now, places });
    staff = await staffOf(db);
    companyIds = (await db.selectFrom("company").select("id").orderBy("id").execute()).map((c) => c.id);
    counts = await insertDemoCandidates(db, { now, places, staff, companyIds });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("has 400 young people, each with a residence row and a first consultation, and reports what it wrote", async () => {
    expect(await count("select count(*) as n from candidate")).toBe(400);
    expect(
      await count(
        "select count(*) as n from candidate c where not exists (select 1 from candidate_residence r where r.candidate_id = c.id)",
      ),
    ).toBe(0);
    expect(
      await count(
        "select count(*) as n from candidate c where not exists (select 1 from consultation k where k.candidate_id = c.id and k.kind = 'first')",
      ),
    ).toBe(0);
    expect(await count("select count(*) as n from consultation where kind = 'first'")).toBe(400);
    expect(counts).toMatchObject({
      candidates: 400,
      consultations: await count("select count(*) as n from consultation"),
      referrals: await count("select count(*) as n from referral"),
      consents: await count("select count(*) as n from consent"),
    });
    expect(counts.consultations / 400).toBeCloseTo(3, 0);
    // The first consultation is the earliest, none lies ahead, none before the person was known.
    expect(await count(`select count(*) as n from consultation where held_on > '${today}'`)).toBe(0);
    expect(
      await count(`select count(*) as n from consultation k join candidate c on c.id = k.candidate_id
        where k.held_on < (c.created_at at time zone 'UTC')::date
           or k.held_on < (select min(held_on) from consultation f where f.candidate_id = c.id and f.kind = 'first')`),
    ).toBe(0);
  });

  it("lives in all seven districts, most in Halle and the Saalekreis, at postcodes of the district", async () => {
    const rows = await db.selectFrom("candidate").select(["ags", "postal_code", "city", "lat", "lon", "in_service_region"]).execute();
    const per = new Map<string, number>();
    for (const r of rows) per.set(r.ags ?? "", (per.get(r.ags ?? "") ?? 0) + 1);
    for (const d of demoDistricts) expect(per.get(d.ags), d.ags).toBeGreaterThan(10);
    expect(Math.max(...per.values())).toBe(per.get("15002"));
    expect(per.get("15088") ?? 0).toBeGreaterThan(per.get("15001") ?? 0);
    for (const r of rows) {
      const place = places.get(r.ags ?? "")?.find((p) => p.postcode === r.postal_code);
      expect(place, r.postal_code ?? "").toBeDefined();
      expect(place?.places).toContain(r.city);
      expect([r.lat, r.lon]).toEqual([place?.lat, place?.lon]);
      expect(r.in_service_region).toBe(true);
    }
  });

  it("looks like the counselled young people: names, ages, German, wishes, status", async () => {
    const rows = await db
      .selectFrom("candidate")
      .select(["first_name", "last_name", "birth_year", "german_level", "status", "source", "email", "responsible_user_id"])
      .select(sql<number>`extract(year from age(${now}::timestamptz, birth_date::timestamptz))`.as("age"))
      .execute();
    const names = rows.map((r) => `${r.first_name} ${r.last_name}`);
    for (const name of names) expect(name).not.toMatch(/test|dummy|lorem|xxx|beispiel|undefined|null/i);
    expect(names.join(" ")).toMatch(/Al-|Rahimi|Ahmadi|Kovalenko|Shevchenko|Tesfay|Diallo|Nguyen/);
    expect(new Set(names).size).toBeGreaterThan(300);
    for (const r of rows) expect(Number(r.age), `${r.first_name} ${r.last_name}`).toBeGreaterThanOrEqual(16);
    for (const r of rows) expect(Number(r.age)).toBeLessThanOrEqual(27);
    const share = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).length / rows.length;
    expect(share((r) => r.german_level === "A2" || r.german_level === "B1")).toBeGreaterThan(0.5);
    expect(share((r) => r.status === "active")).toBeGreaterThan(0.5);
    for (const status of ["new", "placed", "paused", "closed"])
      expect(
        share((r) => r.status === status),
        status,
      ).toBeGreaterThan(0.04);
    expect(share((r) => r.source === "self_registration")).toBeGreaterThan(0.05);
    expect(share((r) => r.email !== null)).toBeGreaterThan(0.6);
    expect(rows.every((r) => r.email === null || r.email.endsWith("@example.org"))).toBe(true);
    expect(new Set(rows.map((r) => r.responsible_user_id))).toEqual(new Set([...Object.values(staff.counsellorOf), staff.coordinator]));
    const wishes = await db.selectFrom("candidate_occupation").select(["candidate_id", "rank"]).execute();
    expect(new Set(wishes.map((w) => w.candidate_id)).size).toBe(400);
    expect(Math.max(...wishes.map((w) => w.rank))).toBe(3);
  });

  it("has every residence status, with work notes that fit", async () => {
    const rows = await db.selectFrom("candidate_residence").selectAll().execute();
    for (const status of ["citizen", "permit_work_allowed", "gestattung", "duldung", "ausbildungsduldung", "permit_16g", "other"])
      expect(
        rows.some((r) => r.status === status),
        status,
      ).toBe(true);
    for (const r of rows.filter((r) => ["citizen", "permit_work_allowed", "ausbildungsduldung", "permit_16g"].includes(r.status)))
      expect(r.work_permission).toBe("allowed");
    expect(
      rows
        .filter((r) => r.status === "citizen")
        .every((r) => r.valid_until === null && r.immigration_office === null && !r.safe_country_of_origin),
    ).toBe(true);
    expect(rows.some((r) => r.safe_country_of_origin && r.work_permission === "forbidden")).toBe(true);
    expect(rows.filter((r) => r.status !== "citizen").every((r) => r.immigration_office?.startsWith("Ausländerbehörde"))).toBe(true);
  });

  it("has referrals for about 40%, a handful of follow-ups overdue and some due this week", async () => {
    const referred = await count("select count(distinct candidate_id) as n from referral");
    expect(referred).toBeGreaterThan(120);
    expect(referred).toBeLessThan(200);
    const overdue = await count(`select count(*) as n from referral where follow_up_on < '${today}' and outcome = 'in_progress'`);
    expect(overdue).toBeGreaterThanOrEqual(5);
    expect(overdue).toBeLessThanOrEqual(20);
    expect(counts.overdueFollowUps).toBe(overdue);
    expect(await count(`select count(*) as n from referral where follow_up_on between '${today}' and date '${today}' + 6`)).toBeGreaterThan(
      0,
    );
    expect(
      await count(`select count(*) as n from referral r left join consultation k on k.id = r.consultation_id
        where k.kind is distinct from 'referral' or k.held_on <> r.referred_on or r.follow_up_on < r.referred_on + 14`),
    ).toBe(0);
    expect(await count("select count(*) as n from referral where partner_name = 'Agentur für Arbeit Sachsen-Anhalt Süd'")).toBeGreaterThan(
      0,
    );
  });

  it("has a closed case older than 24 months for the retention job", async () => {
    expect(
      await count(
        `select count(*) as n from candidate where status = 'closed' and status_changed_at < '${now.toISOString()}'::timestamptz - interval '24 months'`,
      ),
    ).toBeGreaterThan(0);
    // Each status change is a row; the last one is the current status.
    expect(
      await count(`select count(*) as n from candidate c where c.status <> (select to_status from candidate_status_change s
        where s.candidate_id = c.id order by at desc, id desc limit 1)`),
    ).toBe(0);
  });

  it("has consents naming only existing companies, unconfirmed ones for new self-registrations, a few without matching", async () => {
    expect(
      await count(
        "select count(*) as n from consent_recipient r where r.company_id is not null and not exists (select 1 from company c where c.id = r.company_id)",
      ),
    ).toBe(0);
    expect(await count("select count(*) as n from consent_recipient where company_id is not null")).toBeGreaterThan(20);
    expect(
      await count(
        "select count(*) as n from consent where 'share_with_company' = any(purposes) and not exists (select 1 from consent_recipient r where r.consent_id = consent.id and r.company_id is not null)",
      ),
    ).toBe(0);
    expect(await count("select count(*) as n from consent where withdrawn_at is not null")).toBeGreaterThan(0);
    expect(
      await count(
        "select count(*) as n from candidate c join consent k on k.candidate_id = c.id where c.status = 'new' and c.source = 'self_registration' and k.confirmed_at is not null",
      ),
    ).toBe(0);
    const withoutMatching = await count(
      "select count(*) as n from candidate c where not exists (select 1 from consent k where k.candidate_id = c.id and 'matching' = any(k.purposes) and k.withdrawn_at is null)",
    );
    expect(withoutMatching).toBeGreaterThan(10);
  });

  it("is the same again for the same seed (deterministic)", async () => {
    const sample = () =>
      db.selectFrom("candidate").select(["id", "first_name", "last_name", "postal_code", "status"]).orderBy("id").execute();
    const before = await sample();
    let again: typeof before = [];
    await db
      .transaction()
      .execute(async (trx) => {
        await trx.deleteFrom("candidate").execute();
        await insertDemoCandidates(trx, { now, places, staff, companyIds });
        again = await trx
          .selectFrom("candidate")
          .select(["id", "first_name", "last_name", "postal_code", "status"])
          .orderBy("id")
          .execute();
        throw new Error("rollback");
      })
      .catch((error: Error) => expect(error.message).toBe("rollback"));
    expect(again).toEqual(before);
    expect(await count("select count(*) as n from candidate")).toBe(400);
  });
});
