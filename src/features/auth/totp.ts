import * as OTPAuth from "otpauth";
import { audit } from "../../lib/audit.js";
import { actorOf, type Ctx, withWrite } from "../../lib/context.js";
import { fail } from "../../lib/errors.js";
import { claimTotpStep, completeSecondFactor, findCredentialsById, setTotp } from "./repository.js";
import { beginAttempt } from "./throttle.js";

/** RFC 6238 with the parameters every authenticator app uses: SHA-1, 6 digits, 30 s steps. */
export const totpPeriodSeconds = 30;

function totpFor(email: string, secret: string) {
  return new OTPAuth.TOTP({
    issuer: "Lotse",
    label: email,
    algorithm: "SHA1",
    digits: 6,
    period: totpPeriodSeconds,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/**
 * The time step a code belongs to (the current one or one step either side, for clock drift), or
 * null when the code does not match.
 */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const delta = totpFor("x", secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / totpPeriodSeconds) + delta;
}

const wrongCode = () =>
  fail.invalid(
    { code: ["Der Code ist falsch, abgelaufen oder wurde schon verwendet"] },
    "Der Code stimmt nicht. Bitte geben Sie den aktuellen Code aus der App ein.",
  );

/**
 * Checks a code of the actor's app, throttled like a password and accepted once only: the step it
 * belongs to must be newer than the last one accepted for the account.
 */
async function checkCode(ctx: Ctx, secret: string, code: string, failedAction: "second_factor_failed" | "totp_disable_failed" | null) {
  const actor = actorOf(ctx);
  const attempt = await beginAttempt(ctx, actor.email);
  const step = matchingStep(secret, code, ctx.now);
  if (step === null || !(await claimTotpStep(ctx.db, actor.id, step))) {
    if (failedAction) await withWrite(ctx, (w) => audit(w, { entity: "session", action: failedAction, entityId: actor.id, fields: [] }));
    throw wrongCode();
  }
  await attempt.succeed();
}

/** Second step of the sign-in: the code from the authenticator app. */
export async function verifySecondFactor(ctx: Ctx, code: string): Promise<void> {
  const actor = actorOf(ctx);
  const credentials = await findCredentialsById(ctx.db, actor.id);
  if (!credentials?.totpSecret || !credentials.totpEnabled) throw wrongCode();
  await checkCode(ctx, credentials.totpSecret, code, "second_factor_failed");
  await withWrite(ctx, async (w) => {
    await completeSecondFactor(w.db, actor.sessionTokenHash);
    await audit(w, { entity: "session", action: "login", entityId: actor.id, fields: [] });
  });
}

/** Starts the set-up: a new secret is stored but not required until a first code confirms it. */
export async function beginTotpSetup(ctx: Ctx): Promise<{ secret: string; uri: string }> {
  const actor = actorOf(ctx);
  if (actor.totpEnabled) throw fail.conflict("Die Zwei-Faktor-Anmeldung ist bereits eingerichtet.");
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await withWrite(ctx, async (w) => {
    await setTotp(w.db, actor.id, secret, false, w.now);
    await audit(w, { entity: "user", action: "totp_setup_started", entityId: actor.id, fields: ["totpSecret"] });
  });
  return { secret, uri: totpFor(actor.email, secret).toString() };
}

export async function confirmTotpSetup(ctx: Ctx, code: string): Promise<void> {
  const actor = actorOf(ctx);
  if (actor.totpEnabled) throw fail.conflict("Die Zwei-Faktor-Anmeldung ist bereits eingerichtet.");
  const credentials = await findCredentialsById(ctx.db, actor.id);
  if (!credentials?.totpSecret) throw fail.conflict("Bitte starten Sie zuerst die Einrichtung.");
  await checkCode(ctx, credentials.totpSecret, code, null);
  await withWrite(ctx, async (w) => {
    await setTotp(w.db, actor.id, credentials.totpSecret, true, w.now);
    // The confirming code is used up.
    const step = matchingStep(credentials.totpSecret as string, code, w.now);
    if (step !== null) await claimTotpStep(w.db, actor.id, step);
    await audit(w, {
      entity: "user",
      action: "totp_enabled",
      entityId: actor.id,
      before: { totpEnabled: false },
      after: { totpEnabled: true },
    });
  });
}

/**
 * Turning the second factor off. Admins cannot: once set up, it stays required for them (another
 * admin resets it through a password reset by the operator's procedure).
 */
export async function disableTotp(ctx: Ctx, code: string): Promise<void> {
  const actor = actorOf(ctx);
  if (actor.role === "admin") {
    throw fail.forbidden("Für Administrationskonten bleibt die Zwei-Faktor-Anmeldung verpflichtend, sobald sie eingerichtet ist.");
  }
  const credentials = await findCredentialsById(ctx.db, actor.id);
  if (!credentials?.totpEnabled || !credentials.totpSecret) throw fail.conflict("Die Zwei-Faktor-Anmeldung ist nicht eingerichtet.");
  await checkCode(ctx, credentials.totpSecret, code, "totp_disable_failed");
  await withWrite(ctx, async (w) => {
    await setTotp(w.db, actor.id, null, false, w.now);
    await audit(w, {
      entity: "user",
      action: "totp_disabled",
      entityId: actor.id,
      before: { totpEnabled: true },
      after: { totpEnabled: false },
    });
  });
}
