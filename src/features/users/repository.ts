import { type Kysely, sql } from "kysely";
import { inDistrictScope } from "../../db/district-scope.js";
import type { Database } from "../../db/types.js";
import type { Actor, DistrictScope, Role } from "../../lib/http/actor.js";
import type { User, UserPage, UsersQuery } from "./schema.js";

type Db = Kysely<Database>;

export type LoginRecord = {
  id: string;
  email: string;
  passwordHash: string;
  disabled: boolean;
  totpEnabled: boolean;
  totpSecret: string | null;
  role: Role;
};

export async function findLoginRecord(db: Db, email: string): Promise<LoginRecord | undefined> {
  const row = await db
    .selectFrom("app_user")
    .select(["id", "email", "password_hash", "disabled_at", "totp_enabled", "totp_secret", "role"])
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      email: row.email,
      passwordHash: row.password_hash,
      disabled: row.disabled_at !== null,
      totpEnabled: row.totp_enabled,
      totpSecret: row.totp_secret,
      role: row.role,
    }
  );
}

export async function findLoginRecordById(db: Db, id: string): Promise<LoginRecord | undefined> {
  const row = await db.selectFrom("app_user").select("email").where("id", "=", id).executeTakeFirst();
  return row ? findLoginRecord(db, row.email) : undefined;
}

const districtsOf = (db: Db) =>
  db
    .selectFrom("user_district")
    .select(["user_id", sql<string[]>`array_agg(ags::text ORDER BY ags)`.as("districts")])
    .groupBy("user_id");

export async function findActorBySession(db: Db, tokenHash: string, now: Date): Promise<Actor | undefined> {
  const row = await db
    .selectFrom("session")
    .innerJoin("app_user", "app_user.id", "session.user_id")
    .leftJoin(districtsOf(db).as("d"), "d.user_id", "app_user.id")
    .select([
      "app_user.id",
      "app_user.email",
      "app_user.display_name",
      "app_user.role",
      "app_user.organisation",
      "app_user.must_change_password",
      "app_user.totp_enabled",
      "session.second_factor_pending",
      "d.districts",
    ])
    .where("session.token_hash", "=", tokenHash)
    .where("session.expires_at", ">", now)
    .where("app_user.disabled_at", "is", null)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      organisation: row.organisation,
      districts: row.districts ?? [],
      mustChangePassword: row.must_change_password,
      totpEnabled: row.totp_enabled,
      secondFactorPending: row.second_factor_pending,
      sessionTokenHash: tokenHash,
    }
  );
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: string; secondFactorPending: boolean; expiresAt: Date; ip: string; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto("session")
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      second_factor_pending: s.secondFactorPending,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export async function completeSecondFactor(db: Db, tokenHash: string): Promise<void> {
  await db.updateTable("session").set({ second_factor_pending: false }).where("token_hash", "=", tokenHash).execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom("session").where("token_hash", "=", tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptTokenHash?: string): Promise<void> {
  let q = db.deleteFrom("session").where("user_id", "=", userId);
  if (exceptTokenHash) q = q.where("token_hash", "!=", exceptTokenHash);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom("session").where("expires_at", "<=", now).execute();
}

/** Failed attempts for a key since its last success and within the window, with the newest. */
export async function recentFailures(db: Db, key: string, since: Date): Promise<{ count: number; last: Date | null }> {
  const lastSuccess = db
    .selectFrom("login_attempt")
    .select((eb) => eb.fn.max("at").as("at"))
    .where("key", "=", key)
    .where("succeeded", "=", true);
  const row = await db
    .selectFrom("login_attempt")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.max("at").as("last")])
    .where("key", "=", key)
    .where("succeeded", "=", false)
    .where("at", ">", since)
    .where((eb) => eb.or([eb(lastSuccess, "is", null), eb("at", ">", lastSuccess)]))
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), last: row.last ? new Date(row.last) : null };
}

export async function insertLoginAttempts(db: Db, keys: string[], succeeded: boolean, at: Date): Promise<void> {
  await db
    .insertInto("login_attempt")
    .values(keys.map((key) => ({ key, succeeded, at })))
    .execute();
}

export async function setPasswordHash(db: Db, userId: string, hash: string, mustChange: boolean): Promise<void> {
  await db
    .updateTable("app_user")
    .set({ password_hash: hash, must_change_password: mustChange, updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
}

export async function setTotp(db: Db, userId: string, secret: string | null, enabled: boolean): Promise<void> {
  await db
    .updateTable("app_user")
    .set({ totp_secret: secret, totp_enabled: enabled, updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
}

function userColumns(db: Db, scope: DistrictScope) {
  return db
    .selectFrom("app_user")
    .leftJoin(districtsOf(db).as("d"), "d.user_id", "app_user.id")
    .where((eb) =>
      scope.kind === "all"
        ? eb.val(true)
        : eb.exists(
            eb
              .selectFrom("user_district as scoped")
              .select("scoped.user_id")
              .whereRef("scoped.user_id", "=", "app_user.id")
              .where((inner) => inDistrictScope(inner.ref("scoped.ags"), scope)),
          ),
    );
}

const selectUser = [
  "app_user.id",
  "app_user.email",
  "app_user.display_name",
  "app_user.role",
  "app_user.organisation",
  "app_user.disabled_at",
  "app_user.must_change_password",
  "app_user.totp_enabled",
  "app_user.created_at",
  "d.districts",
] as const;

type UserRow = {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  organisation: string | null;
  disabled_at: Date | null;
  must_change_password: boolean;
  totp_enabled: boolean;
  created_at: Date;
  districts: string[] | null;
};

function toUser(r: UserRow): User {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    organisation: r.organisation,
    districts: r.districts ?? [],
    disabled: r.disabled_at !== null,
    mustChangePassword: r.must_change_password,
    totpEnabled: r.totp_enabled,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function findUsers(db: Db, scope: DistrictScope, q: UsersQuery): Promise<UserPage> {
  let query = userColumns(db, scope);
  if (q.q) {
    const pattern = `%${q.q.replace(/[%_\\]/g, "\\$&")}%`;
    query = query.where((eb) => eb.or([eb("app_user.email", "ilike", pattern), eb("app_user.display_name", "ilike", pattern)]));
  }
  if (q.role) query = query.where("app_user.role", "=", q.role);
  if (q.district) {
    const district = q.district;
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom("user_district as f").select("f.user_id").whereRef("f.user_id", "=", "app_user.id").where("f.ags", "=", district),
      ),
    );
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await query
    .select([...selectUser])
    .orderBy("app_user.display_name")
    .orderBy("app_user.id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(toUser), total: Number(total), page: q.page, pageSize: q.pageSize };
}

export async function findUserById(db: Db, scope: DistrictScope, id: string): Promise<User | undefined> {
  const row = await userColumns(db, scope)
    .select([...selectUser])
    .where("app_user.id", "=", id)
    .executeTakeFirst();
  return row && toUser(row);
}

export async function emailTaken(db: Db, email: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom("app_user").select("id").where(sql`lower(email)`, "=", email.toLowerCase());
  if (exceptId) q = q.where("id", "!=", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertUser(
  db: Db,
  u: { email: string; displayName: string; role: Role; organisation: string | null; passwordHash: string; mustChangePassword: boolean },
): Promise<string> {
  const row = await db
    .insertInto("app_user")
    .values({
      email: u.email,
      display_name: u.displayName,
      role: u.role,
      organisation: u.organisation,
      password_hash: u.passwordHash,
      must_change_password: u.mustChangePassword,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserRow(
  db: Db,
  id: string,
  patch: { displayName?: string; role?: Role; organisation?: string | null; disabled?: boolean },
  now: Date,
): Promise<void> {
  const set: Record<string, unknown> = { updated_at: now };
  if (patch.displayName !== undefined) set.display_name = patch.displayName;
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.organisation !== undefined) set.organisation = patch.organisation;
  if (patch.disabled !== undefined) set.disabled_at = patch.disabled ? now : null;
  await db.updateTable("app_user").set(set).where("id", "=", id).execute();
}

export async function replaceDistricts(db: Db, userId: string, districts: string[]): Promise<void> {
  await db.deleteFrom("user_district").where("user_id", "=", userId).execute();
  if (districts.length) {
    await db
      .insertInto("user_district")
      .values(districts.map((ags) => ({ user_id: userId, ags })))
      .execute();
  }
}

export async function countActiveAdmins(db: Db, exceptId?: string): Promise<number> {
  let q = db
    .selectFrom("app_user")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null);
  if (exceptId) q = q.where("id", "!=", exceptId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
