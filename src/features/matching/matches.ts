import { SCORE_UNITS } from "../../engine/index.js";
import { audit } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { DomainError, fail } from "../../lib/errors.js";
import { cursorSortKey, decodeCursor, encodeCursor } from "../../lib/http/cursor.js";
import { msg } from "../../lib/i18n/messages.js";
import { requireCandidate, requireCandidateRef } from "../candidates/service.js";
import { requireOffer } from "../offers/service.js";
import { assertConsent } from "../privacy/service.js";
import {
  countMatchesByStage,
  findMatch,
  findMatchByPair,
  findMatches,
  findStageChanges,
  insertMatch,
  insertStageChange,
  type MatchRow,
  updateMatchStage,
} from "./repository.js";
import {
  declineReasons,
  endableStages,
  endReasons,
  type Match,
  type MatchBoard,
  type MatchCreate,
  type MatchDetail,
  type MatchListQuery,
  type MatchMove,
  type MatchPage,
  matchStages,
} from "./schema.js";
import { currentSnapshot } from "./snapshot.js";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toMatch(r: MatchRow): Match {
  return {
    id: r.id,
    candidateId: r.candidate_id,
    candidateName: r.candidate_name,
    offerId: r.offer_id,
    companyId: r.company_id,
    companyName: r.company_name,
    occupationName: r.occupation_name,
    offerKind: r.offer_kind,
    offerTitle: r.offer_title,
    startDate: r.start_date,
    stage: r.stage,
    stageChangedAt: iso(r.stage_changed_at) as string,
    score: r.score_units === null ? null : r.score_units / SCORE_UNITS,
    declinedBy: r.declined_by as Match["declinedBy"],
    declinedReason: r.declined_reason,
    endedOn: r.ended_on,
    endedReason: r.ended_reason,
    note: r.note,
    runId: r.run_id,
    proposedAt: iso(r.proposed_at),
    createdAt: iso(r.created_at) as string,
  };
}

export async function requireMatch(ctx: Ctx, id: string): Promise<MatchRow> {
  const row = await findMatch(ctx.db, ctx.scope, id);
  if (!row) throw fail.notFound("Das Match");
  return row;
}

/**
 * A match of a person and a place at `suggested`: only with a valid matching consent (409 naming the
 * person), for a person and a place the user can see. A second click finds the first match and creates
 * nothing (`created: false`).
 */
export async function createMatch(
  ctx: Ctx,
  input: MatchCreate,
  runId: string | null = null,
): Promise<{ id: string; stage: Match["stage"]; created: boolean }> {
  const candidate = await requireCandidate(ctx, input.candidateId);
  const offer = await requireOffer(ctx, input.offerId);
  if (offer.status !== "open") throw fail.invalid({ offerId: ["Der Platz ist nicht offen"] });
  await assertConsent(ctx, candidate, "matching");
  const existing = await findMatchByPair(ctx.db, input.candidateId, input.offerId);
  if (existing) {
    const row = await requireMatch(ctx, existing.id);
    return { id: row.id, stage: row.stage, created: false };
  }
  const snap = await currentSnapshot(ctx);
  const score =
    snap.matcher.has.candidate(input.candidateId) && snap.matcher.has.offer(input.offerId)
      ? snap.matcher.explainPair(input.candidateId, input.offerId).score
      : null;
  return withWrite(ctx, async (w) => {
    const id = await insertMatch(w.db, {
      candidateId: candidate.id,
      offerId: offer.id,
      companyId: offer.companyId,
      candidateAgs: candidate.ags,
      offerAgs: offer.ags,
      scoreUnits: score === null ? null : Math.round(score * SCORE_UNITS),
      runId,
      by: w.actor?.id ?? null,
      at: w.now,
    });
    if (!id) {
      const again = await findMatchByPair(w.db, input.candidateId, input.offerId);
      return { id: again?.id as string, stage: "suggested" as const, created: false };
    }
    await audit(w, {
      entity: "match",
      action: "create",
      entityId: id,
      after: { candidateId: candidate.id, offerId: offer.id, stage: "suggested" },
    });
    return { id, stage: "suggested" as const, created: true };
  });
}

const field = (name: string, text: string) => fail.invalid({ [name]: [text] });

/** Validates a move against the domain: reasons from the lists, early ends only of running placements. */
function checkMove(current: Match["stage"], move: MatchMove) {
  if (move.stage === "declined") {
    if (!move.declinedBy) throw field("declinedBy", "Angeben, wer abgelehnt hat");
    if (!move.reason || !(declineReasons as readonly string[]).includes(move.reason))
      throw field("reason", "Einen Grund aus der Liste wählen");
  } else if (move.stage === "ended_early") {
    if (!(endableStages as readonly string[]).includes(current)) {
      throw field("stage", "Vorzeitig enden kann nur ein laufendes Praktikum, eine EQ oder eine Ausbildung");
    }
    if (!move.endedOn) throw field("endedOn", "Das Datum des Endes angeben");
    if (!move.reason || !(endReasons as readonly string[]).includes(move.reason)) throw field("reason", "Einen Grund aus der Liste wählen");
  } else if (move.stage === "completed" && current !== "started") {
    throw field("stage", "Abgeschlossen werden kann nur eine begonnene Ausbildung");
  }
}

/** Moves a match to a stage, kept with date, user and reason. The same stage again changes nothing. */
export async function moveMatch(ctx: Ctx, id: string, move: MatchMove): Promise<MatchDetail> {
  const row = await requireMatch(ctx, id);
  if (row.stage !== move.stage) {
    checkMove(row.stage, move);
    if (move.stage === "proposed") {
      // Proposed means the company has the profile: only under a consent that names it.
      const candidate = await requireCandidate(ctx, row.candidate_id);
      await assertConsent(ctx, candidate, "share_with_company", { companyId: row.company_id, name: row.company_name });
    }
    await withWrite(ctx, async (w) => {
      await applyStage(w, row, move);
    });
  }
  return matchDetail(ctx, id);
}

/** Writes a stage change and its history row and audit entry; the caller holds the transaction. */
export async function applyStage(w: Ctx, row: MatchRow, move: MatchMove) {
  const declined = move.stage === "declined";
  const ended = move.stage === "ended_early";
  await updateMatchStage(w.db, row.id, {
    stage: move.stage,
    at: w.now,
    declinedBy: declined ? (move.declinedBy ?? null) : null,
    declinedReason: declined ? (move.reason ?? null) : null,
    endedOn: ended ? (move.endedOn ?? null) : null,
    endedReason: ended ? (move.reason ?? null) : null,
    ...(move.note !== undefined ? { note: move.note } : {}),
    ...(move.stage === "proposed" ? { proposedAt: w.now } : {}),
  });
  await insertStageChange(w.db, {
    matchId: row.id,
    from: row.stage,
    to: move.stage,
    reason: declined || ended ? (move.reason ?? null) : null,
    note: move.note ?? null,
    at: w.now,
    by: w.actor?.id ?? null,
  });
  await audit(w, { entity: "match", action: "update", entityId: row.id, before: { stage: row.stage }, after: { stage: move.stage } });
}

export async function matchDetail(ctx: Ctx, id: string): Promise<MatchDetail> {
  const row = await requireMatch(ctx, id);
  const history = await findStageChanges(ctx.db, id);
  return {
    ...toMatch(row),
    history: history.map((h) => ({
      from: h.from_stage,
      to: h.to_stage,
      reason: h.reason,
      note: h.note,
      at: new Date(h.at).toISOString(),
      userName: h.user_name,
    })),
  };
}

export async function listMatches(ctx: Ctx, q: MatchListQuery): Promise<MatchPage> {
  if (q.candidateId) await requireCandidateRef(ctx, q.candidateId);
  if (q.offerId) await requireOffer(ctx, q.offerId);
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const after = cursor ? { at: (cursorSortKey(cursor, "time") as Date).toISOString(), id: cursor.id } : undefined;
  const rows = await findMatches(ctx.db, ctx.scope, {
    stage: q.stage,
    candidateId: q.candidateId,
    offerId: q.offerId,
    companyId: q.companyId,
    district: q.district,
    limit: q.limit + 1,
    after,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toMatch),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ k: new Date(last.stage_changed_at).toISOString(), id: last.id }) : null,
  };
}

/** All matches of the user's districts by stage: counts and the most recently moved cards per column. */
export async function matchBoard(ctx: Ctx, district: string | undefined, perStage: number): Promise<MatchBoard> {
  if (district && ctx.scope.districts !== "all" && !ctx.scope.districts.includes(district)) {
    throw new DomainError("forbidden", msg("Der Kreis {district} gehört nicht zu Ihren Kreisen.", { district }));
  }
  const counts = await countMatchesByStage(ctx.db, ctx.scope, district);
  const columns = [];
  for (const stage of matchStages) {
    const count = counts.get(stage) ?? 0;
    const items = count ? await findMatches(ctx.db, ctx.scope, { stage, district, limit: perStage }) : [];
    columns.push({ stage, count, items: items.map(toMatch) });
  }
  return { columns };
}
