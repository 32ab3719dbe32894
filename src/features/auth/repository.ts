import { sql } from "kysely";
import type { Db } from "../../lib/context.js";
import type { Actor, Role } from "../../lib/http/actor.js";

/** The credentials of an account: auth owns these columns of app_user, users owns the rest. */
export type Credentials = {
  id: string;
  email: string;
  passwordHash: string;
  disabled: boolean;
  totpEnabled: boolean;
  totpSecret: string | null;
  role: Role;
};

const credentialColumns = ["id", "email", "password_hash", "disabled_at", "totp_enabled", "totp_secret", "role"] as const;

function toCredentials(row: {
  id: string;
  email: string;
  password_hash: string;
  disabled_at: Date | null;
  totp_enabled: boolean;
  totp_secret: string | null;
  role: Role;
}): Credentials {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    disabled: row.disabled_at !== null,
    totpEnabled: row.totp_enabled,
    totpSecret: row.totp_secret,
    role: row.role,
  };
}

export async function findCredentialsByEmail(db: Db, email: string): Promise<Credentials | undefined> {
  const row = await db
    .selectFrom("app_user")
    .select(credentialColumns)
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
  return row && toCredentials(row);
}

export async function findCredentialsById(db: Db, id: string): Promise<Credentials | undefined> {
  const row = await db.selectFrom("app_user").select(credentialColumns).where("id", "=", id).executeTakeFirst();
  return row && toCredentials(row);
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
  s: {
    tokenHash: string;
    userId: string;
    secondFactorPending: boolean;
    createdAt: Date;
    expiresAt: Date;
    ip: string;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto("session")
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      second_factor_pending: s.secondFactorPending,
      created_at: s.createdAt,
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

/** Records one attempt per key, committed at once so parallel requests count it; returns the ids. */
export async function insertAttempts(db: Db, keys: string[], at: Date): Promise<string[]> {
  const rows = await db
    .insertInto("login_attempt")
    .values(keys.map((key) => ({ key, succeeded: false, at })))
    .returning("id")
    .execute();
  return rows.map((r) => String(r.id));
}

export async function markAttemptsSucceeded(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.updateTable("login_attempt").set({ succeeded: true }).where("id", "in", ids).execute();
}

export async function deleteAttempts(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.deleteFrom("login_attempt").where("id", "in", ids).execute();
}

/**
 * Failures for a key within the window, other than the caller's own attempts, and the newest of them.
 * With `sinceLastSuccess`, only those after the key's last success count.
 */
export async function countFailures(
  db: Db,
  key: string,
  since: Date,
  exceptIds: string[],
  sinceLastSuccess: boolean,
): Promise<{ count: number; last: Date | null }> {
  let q = db
    .selectFrom("login_attempt")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.max("at").as("last")])
    .where("key", "=", key)
    .where("succeeded", "=", false)
    .where("at", ">", since);
  if (exceptIds.length) q = q.where("id", "not in", exceptIds);
  if (sinceLastSuccess) {
    // By id, not time: attempts within the same millisecond keep their order.
    const lastSuccess = db
      .selectFrom("login_attempt")
      .select((eb) => eb.fn.max("id").as("id"))
      .where("key", "=", key)
      .where("succeeded", "=", true);
    q = q.where((eb) => eb.or([eb(lastSuccess, "is", null), eb("id", ">", lastSuccess)]));
  }
  const row = await q.executeTakeFirstOrThrow();
  return { count: Number(row.count), last: row.last ? new Date(row.last) : null };
}

export async function setPasswordHash(db: Db, userId: string, hash: string, mustChange: boolean, now: Date): Promise<void> {
  await db
    .updateTable("app_user")
    .set({ password_hash: hash, must_change_password: mustChange, updated_at: now })
    .where("id", "=", userId)
    .execute();
}

export async function setTotp(db: Db, userId: string, secret: string | null, enabled: boolean, now: Date): Promise<void> {
  await db
    .updateTable("app_user")
    .set({ totp_secret: secret, totp_enabled: enabled, totp_last_step: null, updated_at: now })
    .where("id", "=", userId)
    .execute();
}

/**
 * Takes a TOTP time step for the account if it is newer than the last one taken: true once per step,
 * false for a replay (also when two requests race with the same code).
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable("app_user")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
