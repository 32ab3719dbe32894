import type { Ctx } from "../../lib/context.js";
import { fail } from "../../lib/errors.js";
import { msg } from "../../lib/i18n/messages.js";
import { countFailures, deleteAttempts, insertAttempts, markAttemptsSucceeded } from "./repository.js";

/**
 * Failed sign-ins, current-password and code checks are throttled per account and per client address.
 * An account's counter is reset by that account's success; an address's counter is never reset by a
 * success (or anyone with an account could keep guessing other people's passwords), it runs out with
 * the window, and allows more failures (offices share one address).
 */
export const throttle = {
  windowMinutes: 15,
  freeFailuresPerAccount: 5,
  freeFailuresPerAddress: 20,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
};

/** Seconds until the next attempt is allowed: 0 below the limit, then doubling per extra failure. */
export function lockoutSeconds(
  failures: number,
  lastFailure: Date | null,
  now: Date,
  freeFailures = throttle.freeFailuresPerAccount,
): number {
  if (failures < freeFailures || !lastFailure) return 0;
  const delay = Math.min(throttle.baseDelaySeconds * 2 ** (failures - freeFailures), throttle.maxDelaySeconds);
  return Math.max(0, Math.ceil((lastFailure.getTime() + delay * 1000 - now.getTime()) / 1000));
}

export type Attempt = { ids: string[]; succeed: () => Promise<void> };

/**
 * Starts a guarded check. The attempt is recorded as a failure *before* the password or code is
 * checked and committed at once; then the failures before it are counted. Of twenty parallel guesses
 * the n-th to count sees at least n − 1 others, so all past the limit get 429, never twenty 401s.
 * A throttled attempt is removed again (it does not extend the lock). Call `succeed()` when the check
 * passed; a failed check leaves the recorded failure.
 */
export async function beginAttempt(ctx: Ctx, email: string): Promise<Attempt> {
  const accountKey = `account:${email.trim().toLowerCase()}`;
  const addressKey = `ip:${ctx.ip}`;
  const ids = await insertAttempts(ctx.db, [accountKey, addressKey], ctx.now);
  const since = new Date(ctx.now.getTime() - throttle.windowMinutes * 60_000);
  const account = await countFailures(ctx.db, accountKey, since, ids, true);
  const address = await countFailures(ctx.db, addressKey, since, ids, false);
  const wait = Math.max(
    lockoutSeconds(account.count, account.last, ctx.now, throttle.freeFailuresPerAccount),
    lockoutSeconds(address.count, address.last, ctx.now, throttle.freeFailuresPerAddress),
  );
  if (wait > 0) {
    await deleteAttempts(ctx.db, ids);
    const minutes = Math.ceil(wait / 60);
    throw fail.throttled(
      minutes === 1
        ? "Nach mehreren fehlgeschlagenen Versuchen ist die Anmeldung vorübergehend gesperrt. Bitte versuchen Sie es in einer Minute erneut."
        : msg(
            "Nach mehreren fehlgeschlagenen Versuchen ist die Anmeldung vorübergehend gesperrt. Bitte versuchen Sie es in {minutes} Minuten erneut.",
            { minutes },
          ),
      wait,
      "Zu viele Anmeldeversuche",
    );
  }
  return { ids, succeed: () => markAttemptsSucceeded(ctx.db, ids) };
}
