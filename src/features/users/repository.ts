import { sql } from "kysely";
import { inDistrictScope } from "../../db/district-scope.js";
import type { Db } from "../../lib/context.js";
import type { Role, Scope } from "../../lib/http/actor.js";
import type { User, UserPage, UsersQuery } from "./schema.js";

const districtsOf = (db: Db) =>
  db
    .selectFrom("user_district")
    .select(["user_id", sql<string[]>`array_agg(ags::text ORDER BY ags)`.as("districts")])
    .groupBy("user_id");

/**
 * Accounts in scope: all for admins and coordinators; for counsellors the colleagues who share one of
 * their districts; for partners none.
 */
function userColumns(db: Db, scope: Scope) {
  return db
    .selectFrom("app_user")
    .leftJoin(districtsOf(db).as("d"), "d.user_id", "app_user.id")
    .where((eb) =>
      scope.districts === "all"
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

export async function findUsers(db: Db, scope: Scope, q: UsersQuery): Promise<UserPage> {
  let query = userColumns(db, scope);
  if (q.q) {
    const pattern = `%${q.q.replace(/[%_\\]/g, "\\$&")}%`;
    query = query.where((eb) => eb.or([eb("app_user.email", "ilike", pattern), eb("app_user.display_name", "ilike", pattern)]));
  }
  if (q.status === "active") query = query.where("app_user.disabled_at", "is", null);
  if (q.status === "disabled") query = query.where("app_user.disabled_at", "is not", null);
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

export async function findUserById(db: Db, scope: Scope, id: string): Promise<User | undefined> {
  const row = await userColumns(db, scope)
    .select([...selectUser])
    .where("app_user.id", "=", id)
    .executeTakeFirst();
  return row && toUser(row);
}

export async function insertUser(
  db: Db,
  u: {
    email: string;
    displayName: string;
    role: Role;
    organisation: string | null;
    passwordHash: string;
    mustChangePassword: boolean;
    now: Date;
  },
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
      created_at: u.now,
      updated_at: u.now,
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

/** Display names of accounts by id, for labels (audit log); only ids in scope are named. */
export async function findDisplayNames(db: Db, scope: Scope, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await userColumns(db, scope).select(["app_user.id", "app_user.display_name"]).where("app_user.id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
