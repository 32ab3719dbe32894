import type { Kysely } from "kysely";
import type { Role } from "../lib/http/actor.js";
import { hashPassword } from "../lib/password.js";
import { insertDemoCandidates } from "./demo-candidates.js";
import { type DemoChains, insertDemoChains } from "./demo-chains.js";
import { type DemoMatchingEngine, insertDemoMatches, type MatchSeedCounts } from "./demo-matching.js";
import { type DemoPlace, type DemoStaff, insertRegion, type RegionCounts, type RegionSize } from "./demo-region.js";
import type { Database } from "./types.js";

/**
 * The one set of factories: the demo seed, the integration tests and the browser tests all build
 * their people and data here, deterministically.
 */

export const demoPassword = "Lotse-Demo-2026";

export type AccountSpec = {
  email: string;
  displayName: string;
  role: Role;
  districts?: string[];
  organisation?: string | null;
  password?: string;
  mustChangePassword?: boolean;
  disabled?: boolean;
  totpSecret?: string | null;
};

export const demoAccounts: AccountSpec[] = [
  { email: "admin@demo.example", displayName: "Anja Administratorin", role: "admin" },
  { email: "koordination@demo.example", displayName: "Konrad Koordinator", role: "coordinator" },
  { email: "beratung.halle@demo.example", displayName: "Hanna Hallenser", role: "counsellor", districts: ["15002", "15088"] },
  {
    email: "beratung.wittenberg@demo.example",
    displayName: "Walid Wittenberger",
    role: "counsellor",
    districts: ["15091", "15082", "15001"],
  },
  { email: "partner@demo.example", displayName: "Petra Partner", role: "partner", organisation: "Agentur für Arbeit Sachsen-Anhalt Süd" },
];

const hashCache = new Map<string, Promise<string>>();
/** One scrypt hash per distinct password and process: the seed and the tests stay fast. */
function cachedHash(password: string): Promise<string> {
  let hash = hashCache.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashCache.set(password, hash);
  }
  return hash;
}

export async function insertAccount(db: Kysely<Database>, spec: AccountSpec): Promise<string> {
  const { id } = await db
    .insertInto("app_user")
    .values({
      email: spec.email,
      display_name: spec.displayName,
      role: spec.role,
      organisation: spec.organisation ?? null,
      password_hash: await cachedHash(spec.password ?? demoPassword),
      must_change_password: spec.mustChangePassword ?? false,
      totp_secret: spec.totpSecret ?? null,
      totp_enabled: Boolean(spec.totpSecret),
      disabled_at: spec.disabled ? new Date("2026-01-01T00:00:00Z") : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (spec.districts?.length) {
    await db
      .insertInto("user_district")
      .values(spec.districts.map((ags) => ({ user_id: id, ags })))
      .execute();
  }
  return id;
}

/** A further counsellor, numbered: `beratung.7@test.example` in the given districts. */
export function counsellorSpec(n: number, districts: string[]): AccountSpec {
  return { email: `beratung.${n}@test.example`, displayName: `Beraterin ${n}`, role: "counsellor", districts };
}

/** Where the demo region's companies are and when it is: the caller (start-up, tests, benchmark) knows the geo data and the clock. */
export type RegionOptions = { now: Date; places: Map<string, DemoPlace[]> } & Partial<RegionSize>;

/** The demo region's size: about 300 companies with about 500 places and 1,400 contact-log entries. */
export const demoRegionSize: RegionSize = { companies: 300, offers: 500, activities: 1400 };

/** The demo staff by their accounts: each district's counsellor, the coordinator where none is. */
async function demoStaff(db: Kysely<Database>): Promise<DemoStaff> {
  const users = await db
    .selectFrom("app_user")
    .select(["id", "email"])
    .where(
      "email",
      "in",
      demoAccounts.map((a) => a.email),
    )
    .execute();
  const idOf = (email: string) => users.find((u) => u.email === email)?.id;
  const coordinator = idOf("koordination@demo.example");
  if (!coordinator) throw new Error("Demo region: the demo accounts must be in the database first");
  const counsellorOf: Record<string, string> = {};
  for (const account of demoAccounts.filter((a) => a.role === "counsellor")) {
    const id = idOf(account.email);
    for (const ags of account.districts ?? []) if (id) counsellorOf[ags] = id;
  }
  return { counsellorOf, coordinator };
}

/**
 * Companies with contacts, pipeline history, contact log and places for the demo accounts (which must
 * exist): the demo seed's region, and any size of it for tests and the benchmark.
 */
export async function seedDemoRegion(db: Kysely<Database>, options: RegionOptions): Promise<RegionCounts> {
  const size = { ...demoRegionSize, ...options };
  return insertRegion(db, { ...size, staff: await demoStaff(db) });
}

/** About 400 young people with residence, consents, counselling and referrals, in the demo region's districts. */
export async function seedDemoCandidates(
  db: Kysely<Database>,
  options: RegionOptions & { count?: number; consultationsPerCandidate?: number },
) {
  const companies = await db.selectFrom("company").select("id").orderBy("created_at").limit(200).execute();
  return insertDemoCandidates(db, {
    now: options.now,
    places: options.places,
    staff: await demoStaff(db),
    companyIds: companies.map((c) => c.id),
    count: options.count,
    consultationsPerCandidate: options.consultationsPerCandidate,
  });
}

/**
 * About 150 matches in every stage across the districts, with their history, for the demo candidates
 * and places (which must be in the database). With `engine`, the matches carry the engine's scores and a
 * finished region run (requested by the coordinator) follows them.
 */
export async function seedDemoMatches(
  db: Kysely<Database>,
  options: Pick<RegionOptions, "now"> & { engine?: DemoMatchingEngine; seed?: number },
): Promise<MatchSeedCounts> {
  const staff = await demoStaff(db);
  const counts = await insertDemoMatches(db, { now: options.now, staff, engine: options.engine, seed: options.seed });
  await options.engine?.storeRun(db, { requestedBy: staff.coordinator });
  return counts;
}

/** Builds the matching engine over the seeded data (the features layer has it: `demoMatchingEngine`). */
export type DemoEngineFactory = (db: Kysely<Database>, now: Date) => Promise<DemoMatchingEngine>;

/**
 * The demo seed of a new database: the demo accounts and, with `region`, the demo region, its young
 * people and their matches (with `engine`: the engine's scores and a finished region run); one
 * transaction. Without `region` only the accounts (what the store tests need).
 */
export async function seedDemoData(
  db: Kysely<Database>,
  options: { region?: RegionOptions; engine?: DemoEngineFactory; chains?: DemoChains } = {},
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const account of demoAccounts) await insertAccount(trx, account);
    const counts = options.region ? await seedDemoRegion(trx, options.region) : null;
    if (options.region) {
      await seedDemoCandidates(trx, options.region);
      const engine = options.engine ? await options.engine(trx, options.region.now) : undefined;
      await seedDemoMatches(trx, { now: options.region.now, engine });
      if (options.chains) await insertDemoChains(trx, { now: options.region.now, staff: await demoStaff(trx), chains: options.chains });
    }
    await trx
      .insertInto("audit_log")
      .values({
        entity: "demo",
        action: "seed",
        changed_fields: JSON.stringify([...demoAccounts.map((a) => a.email), ...(counts ? ["demo-region", "demo-matching"] : [])]),
      })
      .execute();
  });
}
