import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import * as OTPAuth from "otpauth";
import type { Database } from "../../db/types.js";
import type { Actor, RequestMeta } from "../../lib/http/actor.js";
import { HttpProblem, problems } from "../../lib/http/problem.js";
import { hashPassword, verifyPassword } from "../../lib/password.js";
import { recordAudit } from "../audit/service.js";
import {
  completeSecondFactor,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findActorBySession,
  findLoginRecord,
  findLoginRecordById,
  insertLoginAttempts,
  insertSession,
  recentFailures,
  setPasswordHash,
  setTotp,
} from "./repository.js";

type Db = Kysely<Database>;

export const throttle = { freeFailures: 5, windowMinutes: 15, baseDelaySeconds: 30, maxDelaySeconds: 15 * 60 };

// A fixed hash to verify against when the account does not exist, so both cases take as long.
let decoyHash: Promise<string> | undefined;

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Seconds until the next attempt is allowed: 0 below the limit, then doubling per extra failure. */
export function lockoutSeconds(failures: number, lastFailure: Date | null, now: Date): number {
  if (failures < throttle.freeFailures || !lastFailure) return 0;
  const delay = Math.min(throttle.baseDelaySeconds * 2 ** (failures - throttle.freeFailures), throttle.maxDelaySeconds);
  return Math.max(0, Math.ceil((lastFailure.getTime() + delay * 1000 - now.getTime()) / 1000));
}

async function assertNotThrottled(db: Db, keys: string[], now: Date): Promise<void> {
  const since = new Date(now.getTime() - throttle.windowMinutes * 60_000);
  let wait = 0;
  for (const key of keys) {
    const { count, last } = await recentFailures(db, key, since);
    wait = Math.max(wait, lockoutSeconds(count, last, now));
  }
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    throw new HttpProblem(
      429,
      "Zu viele Anmeldeversuche",
      `Nach mehreren fehlgeschlagenen Versuchen ist die Anmeldung vorübergehend gesperrt. Bitte versuchen Sie es in ${minutes === 1 ? "einer Minute" : `${minutes} Minuten`} erneut.`,
      undefined,
      { "Retry-After": String(wait) },
    );
  }
}

export type LoginResult = { token: string; expiresAt: Date; secondFactorRequired: boolean; userId: string };

export async function login(
  db: Db,
  input: { email: string; password: string },
  ctx: { meta: RequestMeta; userAgent: string | null; now: Date; sessionHours: number },
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [`account:${email}`, `ip:${ctx.meta.ip}`];
  await assertNotThrottled(db, keys, ctx.now);
  const record = await findLoginRecord(db, email);
  decoyHash ??= hashPassword("decoy password for timing");
  const ok = await verifyPassword(input.password, record?.passwordHash ?? (await decoyHash));
  if (!record || !ok || record.disabled) {
    await db.transaction().execute(async (trx) => {
      await insertLoginAttempts(trx, keys, false, ctx.now);
      await recordAudit(trx, { actor: null, meta: ctx.meta }, { entity: "session", entityId: record?.id ?? null, action: "login_failed" });
    });
    if (record && ok && record.disabled) {
      throw new HttpProblem(401, "Anmeldung fehlgeschlagen", "Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Administration.");
    }
    throw new HttpProblem(401, "Anmeldung fehlgeschlagen", "E-Mail-Adresse oder Passwort ist falsch.");
  }
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(ctx.now.getTime() + ctx.sessionHours * 3_600_000);
  await db.transaction().execute(async (trx) => {
    await insertLoginAttempts(trx, keys, true, ctx.now);
    await deleteExpiredSessions(trx, ctx.now);
    await insertSession(trx, {
      tokenHash: hashSessionToken(token),
      userId: record.id,
      secondFactorPending: record.totpEnabled,
      expiresAt,
      ip: ctx.meta.ip,
      userAgent: ctx.userAgent,
    });
    await recordAudit(
      trx,
      { actor: { id: record.id, email: record.email }, meta: ctx.meta },
      {
        entity: "session",
        entityId: record.id,
        action: record.totpEnabled ? "login_password_ok" : "login",
      },
    );
  });
  return { token, expiresAt, secondFactorRequired: record.totpEnabled, userId: record.id };
}

export async function resolveSession(db: Db, token: string, now: Date): Promise<Actor | undefined> {
  return findActorBySession(db, hashSessionToken(token), now);
}

export async function logout(db: Db, actor: Actor, meta: RequestMeta): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, actor.sessionTokenHash);
    await recordAudit(trx, { actor, meta }, { entity: "session", entityId: actor.id, action: "logout" });
  });
}

function totpFor(email: string, secret: string) {
  return new OTPAuth.TOTP({
    issuer: "Lotse",
    label: email,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function currentTotpCode(secret: string, now: Date): string {
  return totpFor("x", secret).generate({ timestamp: now.getTime() });
}

function codeMatches(email: string, secret: string, code: string, now: Date): boolean {
  return totpFor(email, secret).validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

/** Second step of the sign-in: the code from the authenticator app. Failures count like wrong passwords. */
export async function verifySecondFactor(db: Db, actor: Actor, code: string, meta: RequestMeta, now: Date): Promise<void> {
  const keys = [`account:${actor.email}`, `ip:${meta.ip}`];
  await assertNotThrottled(db, keys, now);
  const record = await findLoginRecordById(db, actor.id);
  if (!record?.totpSecret || !codeMatches(actor.email, record.totpSecret, code, now)) {
    await db.transaction().execute(async (trx) => {
      await insertLoginAttempts(trx, keys, false, now);
      await recordAudit(trx, { actor, meta }, { entity: "session", entityId: actor.id, action: "second_factor_failed" });
    });
    throw problems.invalid(
      { code: ["Der Code ist falsch oder abgelaufen"] },
      "Der Code stimmt nicht. Bitte geben Sie den aktuellen Code aus der App ein.",
    );
  }
  await db.transaction().execute(async (trx) => {
    await insertLoginAttempts(trx, keys, true, now);
    await completeSecondFactor(trx, actor.sessionTokenHash);
    await recordAudit(trx, { actor, meta }, { entity: "session", entityId: actor.id, action: "login" });
  });
}

/** Starts the set-up: a new secret is stored but not yet required until a first code confirms it. */
export async function beginTotpSetup(db: Db, actor: Actor, meta: RequestMeta): Promise<{ secret: string; uri: string }> {
  if (actor.totpEnabled) throw problems.conflict("Die Zwei-Faktor-Anmeldung ist bereits eingerichtet.");
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await db.transaction().execute(async (trx) => {
    await setTotp(trx, actor.id, secret, false);
    await recordAudit(
      trx,
      { actor, meta },
      { entity: "user", entityId: actor.id, action: "totp_setup_started", changedFields: ["totpSecret"] },
    );
  });
  return { secret, uri: totpFor(actor.email, secret).toString() };
}

export async function confirmTotpSetup(db: Db, actor: Actor, code: string, meta: RequestMeta, now: Date): Promise<void> {
  const record = await findLoginRecordById(db, actor.id);
  if (actor.totpEnabled) throw problems.conflict("Die Zwei-Faktor-Anmeldung ist bereits eingerichtet.");
  if (!record?.totpSecret) throw problems.conflict("Bitte starten Sie zuerst die Einrichtung.");
  if (!codeMatches(actor.email, record.totpSecret, code, now)) {
    throw problems.invalid({ code: ["Der Code ist falsch oder abgelaufen"] });
  }
  await db.transaction().execute(async (trx) => {
    await setTotp(trx, actor.id, record.totpSecret, true);
    await recordAudit(trx, { actor, meta }, { entity: "user", entityId: actor.id, action: "totp_enabled", changedFields: ["totpEnabled"] });
  });
}

/**
 * Turning the second factor off. Admins cannot: once set up, it stays required for them (another
 * admin can reset it through a password reset by the operator's procedure).
 */
export async function disableTotp(db: Db, actor: Actor, code: string, meta: RequestMeta, now: Date): Promise<void> {
  if (actor.role === "admin") {
    throw problems.forbidden("Für Administrationskonten bleibt die Zwei-Faktor-Anmeldung verpflichtend, sobald sie eingerichtet ist.");
  }
  const record = await findLoginRecordById(db, actor.id);
  if (!record?.totpEnabled || !record.totpSecret) throw problems.conflict("Die Zwei-Faktor-Anmeldung ist nicht eingerichtet.");
  if (!codeMatches(actor.email, record.totpSecret, code, now)) throw problems.invalid({ code: ["Der Code ist falsch oder abgelaufen"] });
  await db.transaction().execute(async (trx) => {
    await setTotp(trx, actor.id, null, false);
    await recordAudit(
      trx,
      { actor, meta },
      { entity: "user", entityId: actor.id, action: "totp_disabled", changedFields: ["totpEnabled"] },
    );
  });
}

export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const record = await findLoginRecordById(db, actor.id);
  if (!record || !(await verifyPassword(input.currentPassword, record.passwordHash))) {
    throw problems.invalid({ currentPassword: ["Das bisherige Passwort ist falsch"] });
  }
  if (input.currentPassword === input.newPassword) {
    throw problems.invalid({ newPassword: ["Das neue Passwort muss sich vom bisherigen unterscheiden"] });
  }
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, actor.id, hash, false);
    // Other devices signed in with the old password are signed out.
    await deleteSessionsOfUser(trx, actor.id, actor.sessionTokenHash);
    await recordAudit(
      trx,
      { actor, meta },
      { entity: "user", entityId: actor.id, action: "password_changed", changedFields: ["password"] },
    );
  });
}
