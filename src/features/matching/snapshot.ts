import { createMatcher, type Matcher } from "../../engine/index.js";
import { berlinDate } from "../../lib/berlin-date.js";
import type { Ctx, Db } from "../../lib/context.js";
import { candidatesForMatching } from "../candidates/matching-input.js";
import { offersForMatching } from "../offers/matching-input.js";
import { matchingConsentIds, onConsentChange } from "../privacy/service.js";
import { changesSince, findCommuteChecks, latestChange, oldestChangeAt, pruneChanges } from "./repository.js";

/**
 * The engine's snapshot of one database: open places and the young people with a valid matching consent,
 * in memory, kept current through the change log (decision record 0010). Before every use it reads the
 * log from its last sequence number (one indexed query), so a write in this process or in another app
 * instance is seen by the next request; a withdrawn consent takes the person out at once.
 */
export type Snapshot = {
  matcher: Matcher;
  lastSeq: number;
  candidateAgs: Map<string, string | null>;
  offerAgs: Map<string, string | null>;
  /** Commutes checked by hand, per candidate (to undo them when a candidate's checks change). */
  checks: Map<string, Set<string>>;
  builtAt: Date;
};

/** More changes than this since the last read: rebuilding is cheaper than applying them one by one. */
const maxIncremental = 20_000;
/** The log keeps a day of changes; a snapshot that has not read it for longer rebuilds. */
const keepChangesMs = 24 * 3600 * 1000;

const snapshots = new WeakMap<Db, Promise<Snapshot>>();
const queues = new WeakMap<Db, Promise<unknown>>();
/** Candidates a consent change touched in this process, re-read before the next answer. */
const touched = new Set<string>();
onConsentChange((candidateId) => touched.add(candidateId));

async function build(ctx: Pick<Ctx, "db" | "now">): Promise<Snapshot> {
  const oldest = await oldestChangeAt(ctx.db);
  if (oldest && ctx.now.getTime() - oldest.getTime() > 2 * keepChangesMs)
    await pruneChanges(ctx.db, new Date(ctx.now.getTime() - keepChangesMs));
  // Read the position first: a change made while we read is applied again on the next refresh (idempotent).
  const lastSeq = await latestChange(ctx.db);
  const today = berlinDate(ctx.now);
  const offers = await offersForMatching(ctx, today);
  const candidates = await candidatesForMatching(ctx);
  const consenting = new Set(await matchingConsentIds(ctx));
  const checkRows = await findCommuteChecks(ctx.db);
  const admitted = candidates.filter((c) => consenting.has(c.input.id));
  const matcher = createMatcher({
    today,
    offers: offers.map((o) => o.input),
    candidates: admitted.map((c) => c.input),
    commuteChecks: checkRows.map((r) => ({ candidateId: r.candidate_id, offerId: r.offer_id })),
  });
  const checks = new Map<string, Set<string>>();
  for (const r of checkRows) checks.set(r.candidate_id, (checks.get(r.candidate_id) ?? new Set()).add(r.offer_id));
  return {
    matcher,
    lastSeq,
    candidateAgs: new Map(admitted.map((c) => [c.input.id, c.ags])),
    offerAgs: new Map(offers.map((o) => [o.input.id, o.ags])),
    checks,
    builtAt: ctx.now,
  };
}

/** Applies the changes since the snapshot's position; rebuilds when the log was pruned past it or asks for it. */
async function refresh(ctx: Pick<Ctx, "db" | "now">, snap: Snapshot): Promise<Snapshot> {
  const { prunedUpTo, changes } = await changesSince(ctx.db, snap.lastSeq, maxIncremental + 1);
  if (snap.lastSeq < prunedUpTo) return build(ctx);
  if (changes.length > maxIncremental || changes.some((c) => c.kind === "r")) return build(ctx);
  const candidateIds = new Set<string>(touched);
  touched.clear();
  const offerIds = new Set<string>();
  for (const c of changes) {
    if (c.kind === "c" && c.ref) candidateIds.add(c.ref);
    if (c.kind === "o" && c.ref) offerIds.add(c.ref);
    snap.lastSeq = Math.max(snap.lastSeq, c.seq);
  }
  const today = berlinDate(ctx.now);
  snap.matcher.setToday(today);
  if (!candidateIds.size && !offerIds.size) return snap;
  await apply(ctx, snap, [...candidateIds], [...offerIds], today);
  return snap;
}

async function apply(ctx: Pick<Ctx, "db" | "now">, snap: Snapshot, candidateIds: string[], offerIds: string[], today: string) {
  const [offers, candidates, consenting, checkRows] = [
    await offersForMatching(ctx, today, offerIds),
    await candidatesForMatching(ctx, candidateIds),
    new Set(await matchingConsentIds(ctx, candidateIds)),
    await findCommuteChecks(ctx.db, candidateIds),
  ];
  const admitted = candidates.filter((c) => consenting.has(c.input.id));
  const liveOffers = new Set(offers.map((o) => o.input.id));
  const liveCandidates = new Set(admitted.map((c) => c.input.id));
  const commuteChecks: { candidateId: string; offerId: string; checked: boolean }[] = [];
  for (const id of candidateIds) {
    for (const offerId of snap.checks.get(id) ?? []) commuteChecks.push({ candidateId: id, offerId, checked: false });
    snap.checks.delete(id);
  }
  for (const r of checkRows) {
    snap.checks.set(r.candidate_id, (snap.checks.get(r.candidate_id) ?? new Set()).add(r.offer_id));
    commuteChecks.push({ candidateId: r.candidate_id, offerId: r.offer_id, checked: true });
  }
  snap.matcher.update({
    removed: {
      offerIds: offerIds.filter((id) => !liveOffers.has(id)),
      candidateIds: candidateIds.filter((id) => !liveCandidates.has(id)),
    },
    offers: offers.map((o) => o.input),
    candidates: admitted.map((c) => c.input),
    commuteChecks,
  });
  for (const id of offerIds) if (!liveOffers.has(id)) snap.offerAgs.delete(id);
  for (const id of candidateIds) if (!liveCandidates.has(id)) snap.candidateAgs.delete(id);
  for (const o of offers) snap.offerAgs.set(o.input.id, o.ags);
  for (const c of admitted) snap.candidateAgs.set(c.input.id, c.ags);
}

/**
 * The current snapshot of the context's database, built on first use and brought up to date before it
 * is returned. Never call it inside `withWrite`: it reads the database (PGlite has one connection).
 */
export function currentSnapshot(ctx: Pick<Ctx, "db" | "now" | "inWrite">): Promise<Snapshot> {
  if (ctx.inWrite) throw new Error("currentSnapshot inside a transaction");
  const db = ctx.db;
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      let entry = snapshots.get(db);
      if (!entry) {
        entry = build(ctx);
        snapshots.set(db, entry);
      }
      let snap: Snapshot;
      try {
        snap = await entry;
      } catch (e) {
        snapshots.delete(db);
        throw e;
      }
      const fresh = await refresh(ctx, snap);
      if (fresh !== snap) snapshots.set(db, Promise.resolve(fresh));
      return fresh;
    });
  queues.set(db, next);
  return next;
}

/** Drops the snapshot of a database (tests that replace data wholesale; the bench between legs). */
export function forgetSnapshot(db: Db): void {
  snapshots.delete(db);
}
