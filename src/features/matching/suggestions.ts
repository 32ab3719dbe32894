import type { Reason } from "../../engine/index.js";
import { audit } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { DomainError, fail } from "../../lib/errors.js";
import { msg } from "../../lib/i18n/messages.js";
import { candidateSummaries } from "../candidates/matching-input.js";
import { mayReadResidence, requireCandidate } from "../candidates/service.js";
import { offerSummaries } from "../offers/matching-input.js";
import { requireOffer } from "../offers/service.js";
import { assertConsent } from "../privacy/service.js";
import { renderFlag, renderReason, withoutLegalFacts } from "./render.js";
import { deleteCommuteCheck, hasCommuteCheck, matchIdsForPairs, upsertCommuteCheck } from "./repository.js";
import type { CandidateSuggestions, CommuteCheckInput, Explain, OfferSuggestions } from "./schema.js";
import { currentSnapshot, type Snapshot } from "./snapshot.js";

/** The user's districts as the engine filters them (before it scores a pair). */
const engineScope = (ctx: Ctx) => (ctx.scope.districts === "all" ? undefined : { districts: ctx.scope.districts });

const fullName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;

/** The person as the snapshot holds them, or why not: no matching consent (409), or not in the pipeline (422). */
async function candidateInSnapshot(ctx: Ctx, id: string): Promise<{ snap: Snapshot; person: string }> {
  const candidate = await requireCandidate(ctx, id);
  const snap = await currentSnapshot(ctx);
  if (snap.matcher.has.candidate(id)) return { snap, person: fullName(candidate) };
  await assertConsent(ctx, candidate, "matching");
  if (!candidate.postalCode) {
    throw new DomainError(
      "invalid",
      msg("Für {person} ist kein Wohnort erfasst; ohne ihn lässt sich der Weg nicht berechnen.", { person: fullName(candidate) }),
    );
  }
  throw new DomainError(
    "invalid",
    msg("{person} ist nicht im Matching: nur Jugendliche mit dem Status „neu“ oder „aktiv“ werden vorgeschlagen.", {
      person: fullName(candidate),
    }),
  );
}

async function offerInSnapshot(ctx: Ctx, id: string): Promise<Snapshot> {
  const offer = await requireOffer(ctx, id);
  const snap = await currentSnapshot(ctx);
  if (snap.matcher.has.offer(id)) return snap;
  throw new DomainError(
    "invalid",
    offer.status !== "open"
      ? "Der Platz ist nicht offen; Vorschläge gibt es nur für offene Plätze."
      : "Der Platz beginnt in der Vergangenheit oder hat keinen Arbeitsort auf der Karte.",
  );
}

/** Records that legal facts (derived from residence) were shown, one entry per person. */
async function auditLegalFacts(ctx: Ctx, candidateIds: string[]) {
  if (!candidateIds.length) return;
  await withWrite(ctx, async (w) => {
    for (const id of candidateIds)
      await audit(w, { entity: "candidate_residence", action: "read_sensitive", entityId: id, fields: ["matching_flags"] });
  });
}

const render = (ctx: Ctx, legal: boolean, reasons: Reason[], infeasible: boolean) =>
  (legal ? reasons : withoutLegalFacts(reasons, infeasible)).map((r) => renderReason(r, ctx.locale));

/** Ranked places for a person, within the user's scope, with reasons and legal flags. */
export async function suggestionsForCandidate(ctx: Ctx, candidateId: string, limit: number): Promise<OfferSuggestions> {
  const { snap } = await candidateInSnapshot(ctx, candidateId);
  const result = snap.matcher.suggestOffers(candidateId, limit, engineScope(ctx));
  const legal = mayReadResidence(ctx);
  const ids = [...result.items.map((i) => i.offerId), ...result.infeasible.map((i) => i.offerId)];
  const [offers, matches] = await Promise.all([
    offerSummaries(ctx, ids),
    matchIdsForPairs(
      ctx.db,
      result.items.map((i) => ({ candidateId, offerId: i.offerId })),
    ),
  ]);
  const summary = (id: string) => {
    const o = offers.get(id);
    if (!o) throw new Error(`offer ${id} missing`);
    const { id: _id, ags: _ags, ...rest } = o;
    return rest;
  };
  if (legal && result.items.some((i) => i.flags.length)) await auditLegalFacts(ctx, [candidateId]);
  return {
    items: result.items.map((i) => ({
      offerId: i.offerId,
      score: i.score,
      reasons: render(ctx, legal, i.reasons, false),
      flags: legal ? i.flags.map((f) => renderFlag(f, ctx.locale)) : [],
      matchId: matches.get(`${candidateId}|${i.offerId}`) ?? null,
      offer: summary(i.offerId),
    })),
    infeasible: result.infeasible.map((i) => ({
      offerId: i.offerId,
      reasons: render(ctx, legal, i.reasons, true),
      offer: summary(i.offerId),
    })),
    legalFacts: legal,
  };
}

/** Ranked young people for a place, within the user's scope. */
export async function suggestionsForOffer(ctx: Ctx, offerId: string, limit: number): Promise<CandidateSuggestions> {
  const snap = await offerInSnapshot(ctx, offerId);
  const result = snap.matcher.suggestCandidates(offerId, limit, engineScope(ctx));
  const legal = mayReadResidence(ctx);
  const ids = [...result.items.map((i) => i.candidateId), ...result.infeasible.map((i) => i.candidateId)];
  const [people, matches] = await Promise.all([
    candidateSummaries(ctx, ids),
    matchIdsForPairs(
      ctx.db,
      result.items.map((i) => ({ candidateId: i.candidateId, offerId })),
    ),
  ]);
  const summary = (id: string) => {
    const c = people.get(id);
    return { name: c?.name ?? "–", postalCode: c?.postalCode ?? null, city: c?.city ?? null, germanLevel: c?.germanLevel ?? null };
  };
  if (legal)
    await auditLegalFacts(
      ctx,
      result.items.filter((i) => i.flags.length).map((i) => i.candidateId),
    );
  return {
    items: result.items.map((i) => ({
      candidateId: i.candidateId,
      score: i.score,
      reasons: render(ctx, legal, i.reasons, false),
      flags: legal ? i.flags.map((f) => renderFlag(f, ctx.locale)) : [],
      matchId: matches.get(`${i.candidateId}|${offerId}`) ?? null,
      candidate: summary(i.candidateId),
    })),
    infeasible: result.infeasible.map((i) => ({
      candidateId: i.candidateId,
      reasons: render(ctx, legal, i.reasons, true),
      candidate: summary(i.candidateId),
    })),
    legalFacts: legal,
  };
}

/** One pair, every reason: the same score as in suggestions and runs. */
export async function explainPair(ctx: Ctx, candidateId: string, offerId: string): Promise<Explain> {
  await requireOffer(ctx, offerId);
  const { snap } = await candidateInSnapshot(ctx, candidateId);
  if (!snap.matcher.has.offer(offerId)) await offerInSnapshot(ctx, offerId);
  const { score, reasons, flags } = snap.matcher.explainPair(candidateId, offerId);
  const legal = mayReadResidence(ctx);
  if (legal && flags.length) await auditLegalFacts(ctx, [candidateId]);
  return {
    candidateId,
    offerId,
    score,
    reasons: render(ctx, legal, reasons, score === null),
    flags: legal ? flags.map((f) => renderFlag(f, ctx.locale)) : [],
    commuteCheckedByHand: await hasCommuteCheck(ctx.db, candidateId, offerId),
  };
}

/** A counsellor checked the way by hand (a bus the station data do not know): the commute limit no longer rules the pair out. */
export async function checkCommute(ctx: Ctx, input: CommuteCheckInput): Promise<Explain> {
  await requireCandidate(ctx, input.candidateId);
  await requireOffer(ctx, input.offerId);
  await withWrite(ctx, async (w) => {
    await upsertCommuteCheck(w.db, {
      candidateId: input.candidateId,
      offerId: input.offerId,
      by: w.actor?.id ?? null,
      at: w.now,
      note: input.note ?? null,
    });
    await audit(w, {
      entity: "commute_check",
      action: "create",
      entityId: input.candidateId,
      after: { offerId: input.offerId, note: input.note ?? null },
    });
  });
  return explainPair(ctx, input.candidateId, input.offerId);
}

export async function uncheckCommute(ctx: Ctx, candidateId: string, offerId: string): Promise<void> {
  await requireCandidate(ctx, candidateId);
  await requireOffer(ctx, offerId);
  const removed = await withWrite(ctx, async (w) => {
    const done = await deleteCommuteCheck(w.db, candidateId, offerId);
    if (done) await audit(w, { entity: "commute_check", action: "delete", entityId: candidateId, before: { offerId } });
    return done;
  });
  if (!removed) throw fail.notFound("Die Prüfung des Weges");
}
