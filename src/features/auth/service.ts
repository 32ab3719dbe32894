import { createHash, randomBytes } from "node:crypto";
import { audit } from "../../lib/audit.js";
import { actorOf, type Ctx, withWrite } from "../../lib/context.js";
import { DomainError, fail } from "../../lib/errors.js";
import type { Actor } from "../../lib/http/actor.js";
import { hashPassword, verifyPassword } from "../../lib/password.js";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOfUser,
  findActorBySession,
  findCredentialsByEmail,
  findCredentialsById,
  insertSession,
  setPasswordHash,
} from "./repository.js";
import { beginAttempt } from "./throttle.js";

export const sessionCookieName = "lotse_session";

// A fixed hash to verify against when the account does not exist, so both cases take as long.
let decoyHash: Promise<string> | undefined;

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const signInFailed = (detail: string) => new DomainError("unauthenticated", detail, { title: "Anmeldung fehlgeschlagen" });

export type LoginResult = { token: string; expiresAt: Date; secondFactorRequired: boolean; userId: string };

/**
 * Sign-in with e-mail and password. A session the browser still sent (`previousToken`) ends here,
 * whoever it belonged to: a new sign-in never leaves an old session alive (session rotation).
 */
export async function login(ctx: Ctx, input: { email: string; password: string }, previousToken?: string): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const attempt = await beginAttempt(ctx, email);
  const record = await findCredentialsByEmail(ctx.db, email);
  decoyHash ??= hashPassword("decoy password for timing");
  const ok = await verifyPassword(input.password, record?.passwordHash ?? (await decoyHash));
  if (!record || !ok || record.disabled) {
    await withWrite(ctx, (w) => audit(w, { entity: "session", action: "login_failed", entityId: record?.id ?? null, fields: [] }));
    if (record && ok && record.disabled) throw signInFailed("Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Administration.");
    throw signInFailed("E-Mail-Adresse oder Passwort ist falsch.");
  }
  await attempt.succeed();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(ctx.now.getTime() + ctx.config.sessionHours * 3_600_000);
  const signedIn: Ctx = { ...ctx, actor: { id: record.id, email: record.email } as Actor };
  await withWrite(signedIn, async (w) => {
    if (previousToken) await deleteSession(w.db, hashSessionToken(previousToken));
    await deleteExpiredSessions(w.db, w.now);
    await insertSession(w.db, {
      tokenHash: hashSessionToken(token),
      userId: record.id,
      secondFactorPending: record.totpEnabled,
      createdAt: w.now,
      expiresAt,
      ip: w.ip,
      userAgent: w.userAgent,
    });
    await audit(w, { entity: "session", action: record.totpEnabled ? "login_password_ok" : "login", entityId: record.id, fields: [] });
  });
  return { token, expiresAt, secondFactorRequired: record.totpEnabled, userId: record.id };
}

export function resolveSession(ctx: Ctx, token: string): Promise<Actor | undefined> {
  return findActorBySession(ctx.db, hashSessionToken(token), ctx.now);
}

export async function logout(ctx: Ctx): Promise<void> {
  const actor = actorOf(ctx);
  await withWrite(ctx, async (w) => {
    await deleteSession(w.db, actor.sessionTokenHash);
    await audit(w, { entity: "session", action: "logout", entityId: actor.id, fields: [] });
  });
}

/** Changing one's own password: the current one is checked, throttled and audited like a sign-in. */
export async function changeOwnPassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const actor = actorOf(ctx);
  const attempt = await beginAttempt(ctx, actor.email);
  const record = await findCredentialsById(ctx.db, actor.id);
  if (!record || !(await verifyPassword(input.currentPassword, record.passwordHash))) {
    await withWrite(ctx, (w) => audit(w, { entity: "user", action: "password_change_failed", entityId: actor.id, fields: [] }));
    throw fail.invalid({ currentPassword: ["Das bisherige Passwort ist falsch"] });
  }
  await attempt.succeed();
  if (input.currentPassword === input.newPassword) {
    throw fail.invalid({ newPassword: ["Das neue Passwort muss sich vom bisherigen unterscheiden"] });
  }
  const hash = await hashPassword(input.newPassword);
  await withWrite(ctx, async (w) => {
    await setPasswordHash(w.db, actor.id, hash, false, w.now);
    // Other devices signed in with the old password are signed out.
    await deleteSessionsOfUser(w.db, actor.id, actor.sessionTokenHash);
    await audit(w, { entity: "user", action: "password_changed", entityId: actor.id, fields: ["password"] });
  });
}

/** Sets a password for someone else (admin reset) or at account creation; ends the person's sessions. */
export async function setPasswordFor(ctx: Ctx, userId: string, newPassword: string, mustChange: boolean): Promise<void> {
  const hash = await hashPassword(newPassword);
  await withWrite(ctx, async (w) => {
    await setPasswordHash(w.db, userId, hash, mustChange, w.now);
    await deleteSessionsOfUser(w.db, userId);
  });
}

/** Ends every session of an account (disabled, role changed). */
export function endSessionsOf(ctx: Ctx, userId: string): Promise<void> {
  return withWrite(ctx, (w) => deleteSessionsOfUser(w.db, userId));
}
