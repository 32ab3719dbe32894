import { audit } from "../../lib/audit.js";
import { berlinDate } from "../../lib/berlin-date.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { DomainError, fail } from "../../lib/errors.js";
import { msg } from "../../lib/i18n/messages.js";
import type { Candidate, TimelineEntry } from "../candidates/schema.js";
import { requireCandidate, requireCandidateRef } from "../candidates/service.js";
import { requireCompany } from "../companies/service.js";
import {
  findConsents,
  findMatchingConsentIds,
  findShares,
  findValidConsent,
  insertConsent,
  insertShare,
  markConfirmed,
  markWithdrawn,
  type RecipientRow,
} from "./repository.js";
import type { Consent, ConsentInput, ConsentPurpose, RecipientInput, ShareInput } from "./schema.js";

/**
 * Who hears at once when a consent changes (withdrawn, confirmed, recorded): the matching snapshot in
 * memory drops or re-checks the candidate, so a withdrawal takes effect everywhere from that moment.
 */
type ConsentListener = (candidateId: string) => void;
const listeners = new Set<ConsentListener>();
export function onConsentChange(listener: ConsentListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function consentChanged(candidateId: string) {
  for (const listener of listeners) listener(candidateId);
}

const fullName = (c: Pick<Candidate, "firstName" | "lastName">) => `${c.firstName} ${c.lastName}`;

async function recipientRows(ctx: Ctx, purposes: ConsentPurpose[], recipients: RecipientInput[]): Promise<RecipientRow[]> {
  const rows: RecipientRow[] = [];
  for (const r of recipients) {
    if (typeof r === "string" || "companyId" in r) {
      const companyId = typeof r === "string" ? r : r.companyId;
      try {
        await requireCompany(ctx, companyId);
      } catch {
        throw fail.invalid({ recipients: [msg("Betrieb {id} nicht gefunden", { id: companyId })] });
      }
      rows.push({ companyId, partnerName: null, partnerType: null });
    } else {
      rows.push({ companyId: null, partnerName: r.partnerName, partnerType: r.partnerType ?? null });
    }
  }
  const companies = rows.filter((r) => r.companyId).length;
  const partners = rows.length - companies;
  if (purposes.includes("share_with_company") && !companies) {
    throw fail.invalid({ recipients: ["Für die Weitergabe an Betriebe jeden Betrieb einzeln nennen"] });
  }
  if (purposes.includes("share_with_partner") && !partners) {
    throw fail.invalid({ recipients: ["Für die Weitergabe an Partner jede Partnerorganisation einzeln nennen"] });
  }
  if (companies && !purposes.includes("share_with_company")) {
    throw fail.invalid({ purposes: ["Betriebe als Empfänger nur mit dem Zweck „Weitergabe an Betriebe“"] });
  }
  if (partners && !purposes.includes("share_with_partner")) {
    throw fail.invalid({ purposes: ["Partner als Empfänger nur mit dem Zweck „Weitergabe an Partner“"] });
  }
  return rows;
}

export async function listConsents(ctx: Ctx, candidateId: string): Promise<Consent[]> {
  await requireCandidateRef(ctx, candidateId);
  return findConsents(ctx.db, candidateId);
}

async function requireConsent(ctx: Ctx, candidateId: string, consentId: string): Promise<Consent> {
  await requireCandidateRef(ctx, candidateId);
  const [consent] = await findConsents(ctx.db, candidateId, consentId);
  if (!consent) throw fail.notFound("Die Einwilligung");
  return consent;
}

/**
 * Records a consent a counsellor holds on paper (or confirms online): it counts from now. An online
 * consent from the self-registration is recorded with `confirmed: false` and counts only once a
 * counsellor confirms it.
 */
export async function recordConsent(
  ctx: Ctx,
  candidateId: string,
  input: ConsentInput,
  options: { confirmed?: boolean } = {},
): Promise<Consent> {
  const today = berlinDate(ctx.now);
  if (input.givenAt && input.givenAt > today) throw fail.invalid({ givenAt: ["Eine Einwilligung kann nicht in der Zukunft liegen"] });
  const consent = await withWrite(ctx, async (w) => {
    const candidate = await requireCandidate(w, candidateId);
    const recipients = await recipientRows(w, input.purposes, input.recipients);
    const confirmed = options.confirmed ?? true;
    const id = await insertConsent(
      w.db,
      {
        candidateId,
        purposes: input.purposes,
        givenAt: input.givenAt ?? today,
        form: input.form ?? "paper",
        givenBy: input.givenBy ?? "self",
        language: input.language ?? candidate.preferredLanguage,
        note: input.note ?? null,
        confirmedAt: confirmed ? w.now : null,
        confirmedBy: confirmed ? (w.actor?.id ?? null) : null,
        recordedBy: w.actor?.id ?? null,
        now: w.now,
      },
      recipients,
    );
    await audit(w, { entity: "consent", action: "create", entityId: id, fields: [...input.purposes].sort() });
    const [created] = await findConsents(w.db, candidateId, id);
    return created as Consent;
  });
  consentChanged(candidateId);
  return consent;
}

/** Withdrawal takes effect at once: from this moment no check finds the consent valid. A second click changes nothing. */
export async function withdrawConsent(ctx: Ctx, candidateId: string, consentId: string): Promise<Consent> {
  const consent = await withWrite(ctx, async (w) => {
    const current = await requireConsent(w, candidateId, consentId);
    if (current.withdrawnAt) return current;
    await markWithdrawn(w.db, consentId, w.now, w.actor?.id ?? null);
    await audit(w, { entity: "consent", action: "withdraw", entityId: consentId, fields: [...current.purposes].sort() });
    return requireConsent(w, candidateId, consentId);
  });
  consentChanged(candidateId);
  return consent;
}

/** A counsellor confirms an online consent (self-registration) after talking to the person. */
export async function confirmConsent(ctx: Ctx, candidateId: string, consentId: string): Promise<Consent> {
  const consent = await withWrite(ctx, async (w) => {
    const current = await requireConsent(w, candidateId, consentId);
    if (current.withdrawnAt) throw fail.conflict("Eine widerrufene Einwilligung kann nicht bestätigt werden.");
    if (current.confirmedAt) return current;
    await markConfirmed(w.db, consentId, w.now, w.actor?.id ?? null);
    await audit(w, { entity: "consent", action: "confirm", entityId: consentId, fields: [...current.purposes].sort() });
    return requireConsent(w, candidateId, consentId);
  });
  consentChanged(candidateId);
  return consent;
}

/**
 * The one check every path that uses or passes on a candidate's data goes through: a valid consent for
 * the purpose (and naming the recipient, where one is given), or a 409 that says in German what is missing.
 */
export async function assertConsent(
  ctx: Ctx,
  candidate: Pick<Candidate, "id" | "firstName" | "lastName">,
  purpose: ConsentPurpose,
  recipient?: { companyId: string; name: string } | { partnerName: string },
): Promise<string> {
  const key = recipient
    ? "companyId" in recipient
      ? { companyId: recipient.companyId }
      : { partnerName: recipient.partnerName }
    : undefined;
  const consentId = await findValidConsent(ctx.db, candidate.id, purpose, key);
  if (consentId) return consentId;
  const person = fullName(candidate);
  if (purpose === "matching") {
    throw new DomainError("conflict", msg("{person} hat keine gültige Einwilligung ins Matching.", { person }));
  }
  if (purpose === "counselling") {
    throw new DomainError("conflict", msg("{person} hat keine gültige Einwilligung in die Beratung.", { person }));
  }
  const name = recipient ? ("companyId" in recipient ? recipient.name : recipient.partnerName) : "";
  throw new DomainError(
    "conflict",
    msg(
      "Die Einwilligung von {person} nennt „{recipient}“ nicht als Empfänger. Das Profil wird nicht weitergegeben; bitte zuerst eine Einwilligung erfassen, die diesen Empfänger nennt.",
      { person, recipient: name },
    ),
  );
}

/** Candidates with a valid matching consent (all, or among `candidateIds`): the only ones a matching snapshot may hold. */
export function matchingConsentIds(ctx: Pick<Ctx, "db">, candidateIds?: string[]): Promise<string[]> {
  return findMatchingConsentIds(ctx.db, candidateIds);
}

/** Sends (records) a candidate's profile to a named company or partner, only under a consent that names it. */
export async function shareProfile(ctx: Ctx, candidateId: string, input: ShareInput) {
  return withWrite(ctx, async (w) => {
    const candidate = await requireCandidate(w, candidateId);
    let recipient: { companyId: string; name: string } | { partnerName: string };
    if ("companyId" in input.recipient) {
      const company = await requireCompany(w, input.recipient.companyId);
      recipient = { companyId: company.id, name: company.name };
    } else {
      recipient = { partnerName: input.recipient.partnerName };
    }
    const purpose = "companyId" in recipient ? "share_with_company" : "share_with_partner";
    const consentId = await assertConsent(w, candidate, purpose, recipient);
    const id = await insertShare(w.db, {
      candidateId,
      consentId,
      companyId: "companyId" in recipient ? recipient.companyId : null,
      partnerName: "partnerName" in recipient ? recipient.partnerName : null,
      note: input.note ?? null,
      by: w.actor?.id ?? null,
      at: w.now,
    });
    await audit(w, { entity: "candidate", action: "share", entityId: candidateId, fields: [purpose] });
    return {
      id,
      consentId,
      recipient: "companyId" in recipient ? recipient.name : recipient.partnerName,
      sharedAt: w.now.toISOString(),
      profile: {
        firstName: candidate.firstName,
        lastName: candidate.lastName,
        germanLevel: candidate.germanLevel,
        schoolCertificate: candidate.schoolCertificate,
        desiredOccupations: candidate.desiredOccupations.map((o) => o.name),
        availableFrom: candidate.availableFrom,
        hasDrivingLicence: candidate.hasDrivingLicence,
        email: candidate.email,
        phone: candidate.phone,
      },
    };
  });
}

/** Consents and shares as timeline entries. */
export async function privacyTimeline(ctx: Ctx, candidateId: string) {
  const [consents, shares] = await Promise.all([findConsents(ctx.db, candidateId), findShares(ctx.db, candidateId)]);
  const purposeLabels: Record<ConsentPurpose, string> = {
    counselling: "Beratung",
    matching: "Matching",
    share_with_company: "Weitergabe an Betriebe",
    share_with_partner: "Weitergabe an Partner",
  };
  const entries: TimelineEntry[] = consents.flatMap((c): TimelineEntry[] => {
    const detail = [c.purposes.map((p) => purposeLabels[p]).join(", "), c.recipients.map((r) => r.name).join(", ")]
      .filter(Boolean)
      .join(" · ");
    const given = {
      kind: "consent" as const,
      id: c.id,
      at: c.givenAt,
      title: c.confirmedAt ? "Einwilligung erteilt" : "Online-Einwilligung (noch nicht bestätigt)",
      detail,
      userName: c.recordedBy,
      recordedAt: c.createdAt,
    };
    return c.withdrawnAt
      ? [
          given,
          {
            kind: "consent_withdrawn" as const,
            id: `${c.id}:w`,
            at: c.withdrawnAt,
            title: "Einwilligung widerrufen",
            detail,
            userName: null,
            recordedAt: c.withdrawnAt,
          },
        ]
      : [given];
  });
  for (const s of shares) {
    const at = new Date(s.shared_at).toISOString();
    entries.push({
      kind: "share",
      id: s.id,
      at,
      title: "Profil weitergegeben",
      detail: s.company_name ?? s.partner_name ?? "",
      userName: s.user_name ?? null,
      recordedAt: at,
    });
  }
  return entries;
}
