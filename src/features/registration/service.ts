import { createHash, randomBytes } from "node:crypto";
import { audit } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { DomainError, fail } from "../../lib/errors.js";
import { systemScope } from "../../lib/http/actor.js";
import { createMailer } from "../../lib/mail.js";
import { createCandidate } from "../candidates/service.js";
import { requirePostcode } from "../geo/service.js";
import { consentTexts } from "../privacy/consent-texts.js";
import { recordConsent } from "../privacy/service.js";
import { confirmationMail } from "./mail-texts.js";
import {
  countRecentFromAddress,
  deleteExpired,
  deleteForCandidate,
  deleteRegistration,
  findByToken,
  insertRegistration,
  markConfirmed,
} from "./repository.js";
import type { RegistrationInput, RegistrationLanguage, RegistrationTexts } from "./schema.js";

/** At most this many registrations per client address and hour (spam guard beside the honeypot). */
export const registrationsPerHour = 5;
const validHours = 48;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export function registrationTexts(language: RegistrationLanguage): RegistrationTexts {
  const t = consentTexts[language];
  return {
    language,
    dir: t.dir,
    privacyTitle: t.privacyTitle,
    privacyNotice: t.privacyNotice,
    consentTitle: t.consentTitle,
    purposes: t.purposes,
    withdrawal: t.withdrawal,
  };
}

/**
 * Step one of the double opt-in: the typed data waits in `registration` (not yet a candidate) and a
 * mail with a link goes to the address. A filled honeypot gets the same answer and nothing is stored.
 */
export async function submitRegistration(
  ctx: Ctx,
  input: RegistrationInput,
  origin: string,
): Promise<{ status: "check_mail"; email: string }> {
  const answer = { status: "check_mail" as const, email: input.email };
  if (input.website) return answer;
  requirePostcode(input.postalCode, "postalCode");
  const year = Number(input.birthDate.slice(0, 4));
  const thisYear = ctx.now.getUTCFullYear();
  if (year > thisYear - 14 || year < thisYear - 40) {
    throw fail.invalid({ birthDate: ["Bitte prüfen Sie Ihr Geburtsdatum"] });
  }
  const ipHash = sha256(`registration:${ctx.ip ?? "unknown"}`);
  const since = new Date(ctx.now.getTime() - 3600_000);
  if ((await countRecentFromAddress(ctx.db, ipHash, since)) >= registrationsPerHour) {
    throw new DomainError("throttled", "Zu viele Anmeldungen von diesem Anschluss. Bitte versuchen Sie es in einer Stunde wieder.", {
      retryAfterSeconds: 3600,
    });
  }
  const token = randomBytes(24).toString("base64url");
  const { website: _w, ...payload } = input;
  const id = await withWrite(ctx, async (w) => {
    await deleteExpired(w.db, w.now);
    return insertRegistration(w.db, {
      tokenHash: sha256(token),
      email: input.email,
      language: input.language,
      payload,
      ipHash,
      now: w.now,
      expiresAt: new Date(w.now.getTime() + validHours * 3600_000),
    });
  });
  const base = ctx.config.publicOrigin ?? origin;
  const text = confirmationMail[input.language];
  try {
    await createMailer(ctx.config).send({
      to: input.email,
      subject: text.subject,
      text: text.body(input.firstName, `${base}/registrieren/bestaetigen?token=${token}&lang=${input.language}`),
      language: input.language,
    });
  } catch (e) {
    ctx.log.error({ err: e }, "Bestätigungsmail nicht gesendet");
    await deleteRegistration(ctx.db, id);
    throw new DomainError("unavailable", "Die E-Mail konnte gerade nicht gesendet werden. Bitte versuchen Sie es später noch einmal.");
  }
  return answer;
}

/**
 * Step two: the link from the mail. The person becomes a candidate with status `new` in the district
 * of their postcode, with their online consent recorded but not yet valid: nothing is shared before a
 * counsellor has confirmed it. A second click answers "already confirmed" and creates nothing.
 */
export async function confirmRegistration(ctx: Ctx, token: string): Promise<{ status: "confirmed" | "already_confirmed" }> {
  // The person has no account: the confirmation acts for the system (documented use of systemScope).
  const system: Ctx = { ...ctx, scope: systemScope };
  return withWrite(system, async (w) => {
    const found = await findByToken(w.db, sha256(token));
    if (!found) throw fail.notFound("Der Bestätigungslink");
    if (found.confirmed_at) return { status: "already_confirmed" as const };
    if (new Date(found.expires_at) < w.now) {
      throw new DomainError("gone", "Der Link ist abgelaufen. Bitte melden Sie sich noch einmal an.");
    }
    const p = found.payload as Omit<RegistrationInput, "website">;
    const candidate = await createCandidate(
      w,
      {
        firstName: p.firstName,
        lastName: p.lastName,
        birthDate: p.birthDate,
        email: p.email,
        phone: p.phone || null,
        postalCode: p.postalCode,
        germanLevel: p.germanLevel ?? null,
        germanLevelSource: p.germanLevel ? "self" : null,
        preferredLanguage: p.language,
        supportNote: p.wish ? `Berufswunsch (eigene Worte): ${p.wish}` : null,
      },
      { source: "self_registration" },
    );
    await recordConsent(
      w,
      candidate.id,
      { purposes: p.consentMatching ? ["counselling", "matching"] : ["counselling"], recipients: [], form: "online", language: p.language },
      { confirmed: false },
    );
    await markConfirmed(w.db, found.id, candidate.id, w.now);
    await audit(w, { entity: "registration", action: "confirm", entityId: found.id, fields: ["candidate"] });
    return { status: "confirmed" as const };
  });
}

/** Erasure: the registration rows linked to the person go too. */
export async function forgetRegistrations(ctx: Ctx, candidateId: string): Promise<void> {
  await deleteForCandidate(ctx.db, candidateId);
}
