import { SCORE_UNITS } from "../../engine/index.js";
import { audit } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { DomainError, fail } from "../../lib/errors.js";
import { msg } from "../../lib/i18n/messages.js";
import { registerJobHandler } from "../jobs/registry.js";
import type { Job } from "../jobs/schema.js";
import { enqueueJob, jobState, notifyJobRunners, readJob } from "../jobs/service.js";
import { matchingConsentIds } from "../privacy/service.js";
import { renderReason } from "./render.js";
import {
  acceptRunPairs,
  countRunPairs,
  findRun,
  findRunPairs,
  findRuns,
  insertRun,
  pendingRunPairs,
  placedCandidates,
  type RunRow,
  setRunJob,
  storeRunResult,
  takenPlaces,
} from "./repository.js";
import type { Run, RunCreate, RunList } from "./schema.js";
import { currentSnapshot } from "./snapshot.js";

const runKind = "matching.run";
type RunPayload = { runId: string; mode: "optimal" | "stable"; districts: string[] | null };

/**
 * Asks for a run over the user's scope: coordinators and admins may run the whole region (no
 * districts) or a part; counsellors only their own districts (by default all of them). 202, then a job.
 */
export async function startRun(ctx: Ctx, input: RunCreate): Promise<{ id: string }> {
  const scope = ctx.scope.districts;
  let districts = input.districts ? [...new Set(input.districts)].sort() : null;
  if (scope !== "all") {
    if (!scope.length) throw fail.forbidden("Ihnen sind keine Kreise zugeordnet.");
    const outside = (districts ?? []).filter((d) => !scope.includes(d));
    if (outside.length) {
      throw new DomainError(
        "forbidden",
        msg("Nicht in Ihren Kreisen: {districts}. Ein Lauf liest nur Ihre Kreise.", { districts: outside.join(", ") }),
      );
    }
    districts ??= [...scope].sort();
  }
  const id = await withWrite(ctx, async (w) => {
    const runId = await insertRun(w.db, { mode: input.mode, districts, by: w.actor?.id ?? null, at: w.now });
    const payload: RunPayload = { runId, mode: input.mode, districts };
    await setRunJob(w.db, runId, await enqueueJob(w, { kind: runKind, payload, maxAttempts: 2 }));
    await audit(w, { entity: "matching_run", action: "create", entityId: runId, fields: [input.mode, ...(districts ?? ["alle Kreise"])] });
    return runId;
  });
  notifyJobRunners();
  return { id };
}

/** The job: snapshot → the scope's people and places → solve → stored result. */
async function runJob(ctx: Ctx, job: Job, report: (fraction: number, text: string | ReturnType<typeof msg>) => Promise<void>) {
  const { runId, mode, districts } = job.payload as RunPayload;
  await report(0.05, "Stand der Daten wird geladen");
  const snap = await currentSnapshot(ctx);
  const inRun = (ags: string | null | undefined) => districts === null || (ags != null && districts.includes(ags));
  const [taken, placed] = [await takenPlaces(ctx.db), await placedCandidates(ctx.db)];
  const candidateIds = [...snap.candidateAgs].filter(([id, ags]) => inRun(ags) && !placed.has(id)).map(([id]) => id);
  const offerIds = [...snap.offerAgs]
    .filter(([id, ags]) => inRun(ags) && snap.matcher.placesOf(id) - (taken.get(id) ?? 0) > 0)
    .map(([id]) => id);
  await report(
    0.2,
    msg("{candidates} Jugendliche und {offers} Plätze werden zugeordnet", { candidates: candidateIds.length, offers: offerIds.length }),
  );
  const result = snap.matcher.assign({ mode, candidateIds, offerIds, placesTaken: taken });
  await report(0.7, "Ergebnis wird gespeichert");
  const pairs = [
    ...result.assignments.map((a) => ({
      candidateId: a.candidateId,
      offerId: a.offerId,
      units: Math.round(a.score * SCORE_UNITS),
      reason: null,
      feasible: 0,
    })),
    ...result.unassigned.map((u) => ({
      candidateId: u.candidateId,
      offerId: null,
      units: null,
      reason: u.reasons[0]?.code ?? null,
      feasible: Number(u.reasons[0]?.params?.feasibleOffers ?? 0),
    })),
  ];
  const places = offerIds.reduce((s, id) => s + snap.matcher.placesOf(id) - (taken.get(id) ?? 0), 0);
  await withWrite(ctx, async (w) => {
    await storeRunResult(w.db, runId, pairs, {
      candidates: candidateIds.length,
      offers: offerIds.length,
      places,
      assigned: result.assignments.length,
      totalUnits: Math.round(result.totalScore * SCORE_UNITS),
      blockingPairs: result.blockingPairs ?? null,
      at: w.now,
    });
  });
  return { runId, assigned: result.assignments.length, totalScore: result.totalScore };
}
registerJobHandler(runKind, runJob as Parameters<typeof registerJobHandler>[1]);

export async function requireRun(ctx: Ctx, id: string): Promise<RunRow> {
  const run = await findRun(ctx.db, ctx.scope, id);
  if (!run) throw fail.notFound("Der Matching-Lauf");
  return run;
}

const runHead = async (ctx: Ctx, r: RunRow) => {
  const job = r.job_id ? await readJob(ctx, r.job_id) : undefined;
  // A finished run is done whatever became of its job (a seeded run has none; jobs may be cleaned up).
  const state = r.finished_at
    ? { status: "done" as const, progress: 1, progressText: null, error: null }
    : job
      ? jobState(ctx, job)
      : { status: "failed" as const, progress: 0, progressText: null, error: null };
  return {
    id: r.id,
    mode: r.mode,
    districts: r.districts ? r.districts.map((d) => d.trim()) : null,
    requestedBy: r.requested_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    ...state,
  };
};

/** A run with its state and, once done, its result: totals, a page of assignments (best first) and of the unassigned with the reason. */
export async function readRun(ctx: Ctx, id: string, limit: number, offset: number): Promise<Run> {
  const r = await requireRun(ctx, id);
  const head = await runHead(ctx, r);
  if (!r.finished_at) return { ...head, result: null };
  const [counts, assigned, unassigned] = [
    await countRunPairs(ctx.db, id),
    await findRunPairs(ctx.db, id, true, limit, offset),
    await findRunPairs(ctx.db, id, false, limit, offset),
  ];
  return {
    ...head,
    status: "done",
    progress: 1,
    result: {
      totalScore: Number(r.total_units ?? 0) / SCORE_UNITS,
      candidates: r.candidate_count ?? 0,
      offers: r.offer_count ?? 0,
      places: r.place_count ?? 0,
      placesFilled: r.assigned_count ?? 0,
      blockingPairs: r.blocking_pairs,
      assignmentCount: counts.assigned,
      unassignedCount: counts.unassigned,
      acceptedCount: counts.accepted,
      assignments: assigned.map((p) => ({
        candidateId: p.candidate_id,
        candidateName: p.candidate_name,
        offerId: p.offer_id as string,
        companyName: p.company_name ?? "–",
        occupationName: p.occupation_name ?? "–",
        score: (p.score_units ?? 0) / SCORE_UNITS,
        matchId: p.match_id,
        lat: p.offer_lat,
        lon: p.offer_lon,
      })),
      unassigned: unassigned.map((p) => ({
        candidateId: p.candidate_id,
        candidateName: p.candidate_name,
        reasons: p.reason
          ? [renderReason({ criterion: "occupation", code: p.reason, params: { feasibleOffers: p.feasible_offers } }, ctx.locale)]
          : [],
      })),
    },
  };
}

export async function listRuns(ctx: Ctx): Promise<RunList> {
  const runs = await findRuns(ctx.db, ctx.scope, 50);
  const items = [];
  for (const r of runs) {
    items.push({
      ...(await runHead(ctx, r)),
      totalScore: r.total_units === null ? null : Number(r.total_units) / SCORE_UNITS,
      placesFilled: r.assigned_count,
    });
  }
  return { items };
}

/**
 * Takes a run's proposed pairs into `suggested` matches, one by one or all: only pairs still pending,
 * only people whose matching consent is still valid (a withdrawal since the run leaves them out), only
 * places still open. One audit entry names the matches created.
 */
export async function acceptRun(ctx: Ctx, id: string, candidateIds?: string[]): Promise<{ created: number; skipped: number }> {
  const run = await requireRun(ctx, id);
  if (!run.finished_at) throw fail.conflict("Der Lauf ist noch nicht fertig.");
  const pending = await pendingRunPairs(ctx.db, id, candidateIds);
  const consenting = await matchingConsentIds(
    ctx,
    pending.map((p) => p.candidate_id),
  );
  const created = await withWrite(ctx, async (w) => {
    const rows = await acceptRunPairs(w.db, id, candidateIds ?? null, consenting, w.actor?.id ?? null, w.now);
    if (rows.length) await audit(w, { entity: "match", action: "create", entityId: null, fields: [`run:${id}`, ...rows.map((r) => r.id)] });
    return rows.length;
  });
  const asked = candidateIds?.length ?? pending.length;
  return { created, skipped: asked - created };
}
