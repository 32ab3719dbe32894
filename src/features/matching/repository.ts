import { type SqlBool, sql } from "kysely";
import { inDistrictScope } from "../../db/district-scope.js";
import type { MatchStage } from "../../db/types.js";
import type { Db } from "../../lib/context.js";
import type { Scope } from "../../lib/http/actor.js";

/* ---------- the change log the snapshots read ---------- */

export async function latestChange(db: Db): Promise<number> {
  const r = await db.selectFrom("matching_change").select(sql<string>`coalesce(max(seq), 0)::text`.as("seq")).executeTakeFirstOrThrow();
  return Number(r.seq);
}

/**
 * In one round trip: how far the log was pruned, and the changes after `seq` (at most `limit`; more
 * than that: the caller rebuilds).
 */
export async function changesSince(db: Db, seq: number, limit: number) {
  const r = await sql<{ upto: string; seq: string | null; kind: "c" | "o" | "r" | null; ref: string | null }>`
    select p.upto::text as upto, c.seq::text as seq, c.kind, c.ref
    from matching_change_pruned p
    left join lateral (
      select seq, kind, ref from matching_change where seq > ${String(seq)}::bigint order by seq limit ${limit}
    ) c on true`.execute(db);
  return {
    prunedUpTo: Number(r.rows[0]?.upto ?? 0),
    changes: r.rows.filter((x) => x.seq !== null).map((x) => ({ seq: Number(x.seq), kind: x.kind as "c" | "o" | "r", ref: x.ref })),
  };
}

/** Forgets changes older than `before`; a snapshot that has not read that far rebuilds. */
export async function pruneChanges(db: Db, before: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom("matching_change").where("at", "<", before).returning(sql<string>`seq::text`.as("seq")).execute();
    if (!r.length) return;
    const upto = Math.max(...r.map((x) => Number(x.seq)));
    await trx
      .updateTable("matching_change_pruned")
      .set({ upto: sql`greatest(upto, ${String(upto)}::bigint)` })
      .execute();
  });
}

export async function oldestChangeAt(db: Db): Promise<Date | null> {
  const r = await db.selectFrom("matching_change").select(sql<Date | null>`min(at)`.as("at")).executeTakeFirst();
  return r?.at ? new Date(r.at) : null;
}

/* ---------- commutes checked by hand ---------- */

export async function findCommuteChecks(db: Db, candidateIds?: string[]): Promise<{ candidate_id: string; offer_id: string }[]> {
  if (candidateIds && !candidateIds.length) return [];
  let q = db.selectFrom("commute_check").select(["candidate_id", "offer_id"]);
  if (candidateIds) q = q.where("candidate_id", "in", candidateIds);
  return q.execute();
}

export async function upsertCommuteCheck(
  db: Db,
  row: { candidateId: string; offerId: string; by: string | null; at: Date; note: string | null },
) {
  await db
    .insertInto("commute_check")
    .values({ candidate_id: row.candidateId, offer_id: row.offerId, checked_by: row.by, checked_at: row.at, note: row.note })
    .onConflict((oc) => oc.columns(["candidate_id", "offer_id"]).doUpdateSet({ checked_by: row.by, checked_at: row.at, note: row.note }))
    .execute();
}

export async function deleteCommuteCheck(db: Db, candidateId: string, offerId: string): Promise<boolean> {
  const r = await db.deleteFrom("commute_check").where("candidate_id", "=", candidateId).where("offer_id", "=", offerId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/* ---------- matches ---------- */

/** A match is visible when the young person's or the place's district is in the user's scope. */
const matchInScope = (scope: Scope) =>
  sql<SqlBool>`(${inDistrictScope(sql.ref("m.candidate_ags"), scope)} or ${inDistrictScope(sql.ref("m.offer_ags"), scope)})`;

export type MatchRow = {
  id: string;
  candidate_id: string;
  offer_id: string;
  company_id: string;
  candidate_ags: string | null;
  offer_ags: string | null;
  stage: MatchStage;
  stage_changed_at: Date;
  score_units: number | null;
  declined_by: string | null;
  declined_reason: string | null;
  ended_on: string | null;
  ended_reason: string | null;
  note: string | null;
  run_id: string | null;
  proposed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  candidate_name: string;
  company_name: string;
  occupation_name: string;
  offer_kind: string;
  offer_title: string | null;
  start_date: string;
  offer_lat: number | null;
  offer_lon: number | null;
};

/**
 * Matches with the names a list shows (person, company, occupation): read-only joins of the tables the
 * match points to (decision record 0010), the scope applied to the match's own district columns.
 */
function matchQuery(db: Db, scope: Scope) {
  return db
    .selectFrom("match as m")
    .innerJoin("candidate as c", "c.id", "m.candidate_id")
    .innerJoin("offer as o", "o.id", "m.offer_id")
    .innerJoin("company as co", "co.id", "m.company_id")
    .innerJoin("occupation as occ", "occ.id", "o.occupation_id")
    .select([
      "m.id",
      "m.candidate_id",
      "m.offer_id",
      "m.company_id",
      "m.candidate_ags",
      "m.offer_ags",
      "m.stage",
      "m.stage_changed_at",
      "m.score_units",
      "m.declined_by",
      "m.declined_reason",
      sql<string | null>`to_char(m.ended_on, 'YYYY-MM-DD')`.as("ended_on"),
      "m.ended_reason",
      "m.note",
      "m.run_id",
      "m.proposed_at",
      "m.created_at",
      "m.updated_at",
      sql<string>`coalesce(c.first_name || ' ' || c.last_name, '–')`.as("candidate_name"),
      "co.name as company_name",
      "occ.name as occupation_name",
      "o.kind as offer_kind",
      "o.title as offer_title",
      sql<string>`to_char(o.start_date, 'YYYY-MM-DD')`.as("start_date"),
      "o.lat as offer_lat",
      "o.lon as offer_lon",
    ])
    .where(matchInScope(scope));
}

export async function findMatch(db: Db, scope: Scope, id: string): Promise<MatchRow | undefined> {
  return (await matchQuery(db, scope).where("m.id", "=", id).executeTakeFirst()) as MatchRow | undefined;
}

export async function findMatchByPair(db: Db, candidateId: string, offerId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom("match").select("id").where("candidate_id", "=", candidateId).where("offer_id", "=", offerId).executeTakeFirst();
}

export type MatchFilter = {
  stage?: MatchStage;
  candidateId?: string;
  offerId?: string;
  companyId?: string;
  district?: string;
  limit: number;
  /** Keyset: stage_changed_at and id of the last row of the previous page. */
  after?: { at: string; id: string };
};

export async function findMatches(db: Db, scope: Scope, f: MatchFilter): Promise<MatchRow[]> {
  let q = matchQuery(db, scope);
  if (f.stage) q = q.where("m.stage", "=", f.stage);
  if (f.candidateId) q = q.where("m.candidate_id", "=", f.candidateId);
  if (f.offerId) q = q.where("m.offer_id", "=", f.offerId);
  if (f.companyId) q = q.where("m.company_id", "=", f.companyId);
  if (f.district)
    q = q.where((eb) => eb.or([eb("m.candidate_ags", "=", f.district as string), eb("m.offer_ags", "=", f.district as string)]));
  if (f.after) {
    const after = f.after;
    q = q.where(sql<SqlBool>`(m.stage_changed_at, m.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  }
  return (await q.orderBy("m.stage_changed_at", "desc").orderBy("m.id", "desc").limit(f.limit).execute()) as MatchRow[];
}

/** Matches per stage in scope (the board's column counts). */
export async function countMatchesByStage(db: Db, scope: Scope, district?: string): Promise<Map<string, number>> {
  let q = db
    .selectFrom("match as m")
    .select(["m.stage", sql<string>`count(*)::text`.as("n")])
    .where(matchInScope(scope))
    .groupBy("m.stage");
  if (district) q = q.where((eb) => eb.or([eb("m.candidate_ags", "=", district), eb("m.offer_ags", "=", district)]));
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
}

export async function insertMatch(
  db: Db,
  row: {
    candidateId: string;
    offerId: string;
    companyId: string;
    candidateAgs: string | null;
    offerAgs: string | null;
    scoreUnits: number | null;
    runId: string | null;
    by: string | null;
    at: Date;
  },
): Promise<string | null> {
  const r = await db
    .insertInto("match")
    .values({
      candidate_id: row.candidateId,
      offer_id: row.offerId,
      company_id: row.companyId,
      candidate_ags: row.candidateAgs,
      offer_ags: row.offerAgs,
      stage: "suggested",
      stage_changed_at: row.at,
      score_units: row.scoreUnits,
      run_id: row.runId,
      created_by: row.by,
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) => oc.columns(["candidate_id", "offer_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!r) return null;
  await insertStageChange(db, { matchId: r.id, from: null, to: "suggested", reason: null, note: null, at: row.at, by: row.by });
  return r.id;
}

export async function insertStageChange(
  db: Db,
  c: { matchId: string; from: string | null; to: string; reason: string | null; note: string | null; at: Date; by: string | null },
) {
  await db
    .insertInto("match_stage_change")
    .values({ match_id: c.matchId, from_stage: c.from, to_stage: c.to, reason: c.reason, note: c.note, at: c.at, user_id: c.by })
    .execute();
}

export async function updateMatchStage(
  db: Db,
  id: string,
  set: {
    stage: MatchStage;
    at: Date;
    declinedBy: string | null;
    declinedReason: string | null;
    endedOn: string | null;
    endedReason: string | null;
    note?: string | null;
    proposedAt?: Date;
  },
) {
  await db
    .updateTable("match")
    .set({
      stage: set.stage,
      stage_changed_at: set.at,
      declined_by: set.declinedBy as "company" | "candidate" | "service_point" | null,
      declined_reason: set.declinedReason,
      ended_on: set.endedOn,
      ended_reason: set.endedReason,
      ...(set.note !== undefined ? { note: set.note } : {}),
      ...(set.proposedAt ? { proposed_at: set.proposedAt } : {}),
      updated_at: set.at,
    })
    .where("id", "=", id)
    .execute();
}

export async function findStageChanges(db: Db, matchId: string) {
  return db
    .selectFrom("match_stage_change as s")
    .leftJoin("app_user as u", "u.id", "s.user_id")
    .select(["s.from_stage", "s.to_stage", "s.reason", "s.note", "s.at", "u.display_name as user_name"])
    .where("s.match_id", "=", matchId)
    .orderBy("s.at")
    .orderBy("s.id")
    .execute();
}

/** Places already taken by matches at contract or later, per offer (a run fills only what is left). */
export async function takenPlaces(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("match")
    .select(["offer_id", sql<string>`count(*)::text`.as("n")])
    .where("stage", "in", ["contract", "registered", "started"])
    .groupBy("offer_id")
    .execute();
  return new Map(rows.map((r) => [r.offer_id, Number(r.n)]));
}

/** Young people already placed by a match at contract or later (a run leaves them out). */
export async function placedCandidates(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom("match")
    .select("candidate_id")
    .distinct()
    .where("stage", "in", ["contract", "registered", "started"])
    .execute();
  return new Set(rows.map((r) => r.candidate_id));
}

/* ---------- matching runs ---------- */

export type RunRow = {
  id: string;
  job_id: string | null;
  mode: "optimal" | "stable";
  districts: string[] | null;
  requested_by: string | null;
  requested_by_name: string | null;
  created_at: Date;
  finished_at: Date | null;
  candidate_count: number | null;
  offer_count: number | null;
  place_count: number | null;
  assigned_count: number | null;
  total_units: string | null;
  blocking_pairs: number | null;
};

/** A run is visible when every district it read is in the user's scope (a region run: coordinators and admins). */
const runInScope = (scope: Scope) => {
  if (scope.districts === "all") return sql<SqlBool>`true`;
  if (!scope.districts.length) return sql<SqlBool>`false`;
  return sql<SqlBool>`(r.districts is not null and r.districts::text[] <@ ${sql`array[${sql.join([...scope.districts])}]::text[]`})`;
};

const runColumns = [
  "r.id",
  "r.job_id",
  "r.mode",
  sql<string[] | null>`r.districts::text[]`.as("districts"),
  "r.requested_by",
  "u.display_name as requested_by_name",
  "r.created_at",
  "r.finished_at",
  "r.candidate_count",
  "r.offer_count",
  "r.place_count",
  "r.assigned_count",
  sql<string | null>`r.total_units::text`.as("total_units"),
  "r.blocking_pairs",
] as const;

export async function insertRun(db: Db, row: { mode: "optimal" | "stable"; districts: string[] | null; by: string | null; at: Date }) {
  const r = await db
    .insertInto("matching_run")
    .values({
      mode: row.mode,
      districts: row.districts ? sql<string[]>`${row.districts}::char(5)[]` : null,
      requested_by: row.by,
      created_at: row.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setRunJob(db: Db, runId: string, jobId: string) {
  await db.updateTable("matching_run").set({ job_id: jobId }).where("id", "=", runId).execute();
}

export async function findRun(db: Db, scope: Scope, id: string): Promise<RunRow | undefined> {
  return (await db
    .selectFrom("matching_run as r")
    .leftJoin("app_user as u", "u.id", "r.requested_by")
    .select(runColumns)
    .where("r.id", "=", id)
    .where(runInScope(scope))
    .executeTakeFirst()) as RunRow | undefined;
}

export async function findRuns(db: Db, scope: Scope, limit: number): Promise<RunRow[]> {
  return (await db
    .selectFrom("matching_run as r")
    .leftJoin("app_user as u", "u.id", "r.requested_by")
    .select(runColumns)
    .where(runInScope(scope))
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .limit(limit)
    .execute()) as RunRow[];
}

/** Stores a run's result in one statement per chunk (arrays unnested), then its totals. */
export async function storeRunResult(
  db: Db,
  runId: string,
  pairs: { candidateId: string; offerId: string | null; units: number | null; reason: string | null; feasible: number }[],
  totals: {
    candidates: number;
    offers: number;
    places: number;
    assigned: number;
    totalUnits: number;
    blockingPairs: number | null;
    at: Date;
  },
) {
  await db.deleteFrom("matching_run_pair").where("run_id", "=", runId).execute();
  const chunk = 20_000;
  for (let i = 0; i < pairs.length; i += chunk) {
    const part = pairs.slice(i, i + chunk);
    await sql`
      insert into matching_run_pair (run_id, candidate_id, offer_id, score_units, reason, feasible_offers)
      select ${runId}::uuid, x.c, x.o, x.u, x.r, x.f
      from unnest(${part.map((p) => p.candidateId)}::uuid[], ${part.map((p) => p.offerId)}::uuid[], ${part.map((p) => p.units)}::int[],
                  ${part.map((p) => p.reason)}::text[], ${part.map((p) => p.feasible)}::int[]) as x(c, o, u, r, f)
    `.execute(db);
  }
  await db
    .updateTable("matching_run")
    .set({
      finished_at: totals.at,
      candidate_count: totals.candidates,
      offer_count: totals.offers,
      place_count: totals.places,
      assigned_count: totals.assigned,
      total_units: String(totals.totalUnits),
      blocking_pairs: totals.blockingPairs,
    })
    .where("id", "=", runId)
    .execute();
}

export type RunPairRow = {
  candidate_id: string;
  offer_id: string | null;
  score_units: number | null;
  reason: string | null;
  feasible_offers: number;
  match_id: string | null;
  candidate_name: string;
  candidate_ags: string | null;
  company_name: string | null;
  occupation_name: string | null;
  offer_ags: string | null;
  offer_lat: number | null;
  offer_lon: number | null;
  candidate_lat: number | null;
  candidate_lon: number | null;
};

/** A page of a run's pairs: the assigned (best first) or the unassigned (by name). */
export async function findRunPairs(db: Db, runId: string, assigned: boolean, limit: number, offset: number): Promise<RunPairRow[]> {
  // The page first, from the run's own rows (an index walk), then the names of just those rows: a
  // planner without statistics on freshly stored pairs would otherwise join them all before paging.
  const pairs = db.selectFrom("matching_run_pair").selectAll().where("run_id", "=", runId);
  const page = (
    assigned
      ? pairs.where("offer_id", "is not", null).orderBy("score_units", "desc").orderBy("candidate_id")
      : pairs.where("offer_id", "is", null).orderBy("candidate_id")
  )
    .limit(limit)
    .offset(offset)
    .as("p");
  const q = db
    .selectFrom(page)
    .innerJoin("candidate as c", "c.id", "p.candidate_id")
    .leftJoin("offer as o", "o.id", "p.offer_id")
    .leftJoin("company as co", "co.id", "o.company_id")
    .leftJoin("occupation as occ", "occ.id", "o.occupation_id")
    // A pair that is already a match (made by hand or by another run) links to it instead of offering it again.
    .leftJoin("match as m", (j) => j.onRef("m.candidate_id", "=", "p.candidate_id").onRef("m.offer_id", "=", "p.offer_id"))
    .select([
      "p.candidate_id",
      "p.offer_id",
      "p.score_units",
      "p.reason",
      "p.feasible_offers",
      sql<string | null>`coalesce(p.match_id, m.id)`.as("match_id"),
      sql<string>`coalesce(c.first_name || ' ' || c.last_name, '–')`.as("candidate_name"),
      "c.ags as candidate_ags",
      "co.name as company_name",
      "occ.name as occupation_name",
      "o.ags as offer_ags",
      "o.lat as offer_lat",
      "o.lon as offer_lon",
      "c.lat as candidate_lat",
      "c.lon as candidate_lon",
    ]);
  const ordered = assigned ? q.orderBy("p.score_units", "desc").orderBy("p.candidate_id") : q.orderBy("p.candidate_id");
  return (await ordered.execute()) as RunPairRow[];
}

export async function countRunPairs(db: Db, runId: string): Promise<{ assigned: number; unassigned: number; accepted: number }> {
  const r = await db
    .selectFrom("matching_run_pair")
    .select([
      sql<string>`count(*) filter (where offer_id is not null)::text`.as("assigned"),
      sql<string>`count(*) filter (where offer_id is null)::text`.as("unassigned"),
      sql<string>`count(*) filter (where match_id is not null)::text`.as("accepted"),
    ])
    .where("run_id", "=", runId)
    .executeTakeFirstOrThrow();
  return { assigned: Number(r.assigned), unassigned: Number(r.unassigned), accepted: Number(r.accepted) };
}

/** The assigned pairs still to accept: all of the run, or those of `candidateIds`. */
export async function pendingRunPairs(db: Db, runId: string, candidateIds?: string[]) {
  let q = db
    .selectFrom("matching_run_pair as p")
    .innerJoin("candidate as c", "c.id", "p.candidate_id")
    .innerJoin("offer as o", "o.id", "p.offer_id")
    .select(["p.candidate_id", "p.offer_id", "p.score_units", "c.ags as candidate_ags", "o.ags as offer_ags", "o.company_id"])
    .where("p.run_id", "=", runId)
    .where("p.offer_id", "is not", null)
    .where("p.match_id", "is", null);
  if (candidateIds) q = q.where("p.candidate_id", "in", candidateIds);
  return (await q.execute()) as {
    candidate_id: string;
    offer_id: string;
    score_units: number | null;
    candidate_ags: string | null;
    offer_ags: string | null;
    company_id: string;
  }[];
}

/** Existing matches among the given pairs (suggestions link to them). */
export async function matchIdsForPairs(db: Db, pairs: { candidateId: string; offerId: string }[]): Promise<Map<string, string>> {
  if (!pairs.length) return new Map();
  const rows = await db
    .selectFrom("match")
    .select(["id", "candidate_id", "offer_id"])
    .where((eb) => eb.or(pairs.map((p) => eb.and([eb("candidate_id", "=", p.candidateId), eb("offer_id", "=", p.offerId)]))))
    .execute();
  return new Map(rows.map((r) => [`${r.candidate_id}|${r.offer_id}`, r.id]));
}

export async function hasCommuteCheck(db: Db, candidateId: string, offerId: string): Promise<boolean> {
  const r = await db
    .selectFrom("commute_check")
    .select("candidate_id")
    .where("candidate_id", "=", candidateId)
    .where("offer_id", "=", offerId)
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Takes a run's pending pairs into `suggested` matches in three statements: the matches (a pair that
 * already has one is left as it is), their first history rows, and the links back to the run. Only
 * pairs of `consenting` people whose place is still open.
 */
export async function acceptRunPairs(
  db: Db,
  runId: string,
  candidateIds: string[] | null,
  consenting: string[],
  by: string | null,
  at: Date,
): Promise<{ id: string; candidate_id: string }[]> {
  if (!consenting.length) return [];
  const created = await sql<{ id: string; candidate_id: string }>`
    insert into match (candidate_id, offer_id, company_id, candidate_ags, offer_ags, stage, stage_changed_at, score_units,
                       run_id, created_by, created_at, updated_at)
    select p.candidate_id, p.offer_id, o.company_id, c.ags, o.ags, 'suggested', ${at}, p.score_units, ${runId}::uuid, ${by}::uuid, ${at}, ${at}
    from matching_run_pair p
    join offer o on o.id = p.offer_id and o.status = 'open'
    join candidate c on c.id = p.candidate_id
    where p.run_id = ${runId}::uuid and p.offer_id is not null and p.match_id is null
      and p.candidate_id = any(${consenting}::uuid[])
      ${candidateIds ? sql`and p.candidate_id = any(${candidateIds}::uuid[])` : sql``}
    on conflict (candidate_id, offer_id) do nothing
    returning id, candidate_id`.execute(db);
  if (created.rows.length) {
    await sql`
      insert into match_stage_change (match_id, from_stage, to_stage, at, user_id)
      select x, null, 'suggested', ${at}, ${by}::uuid from unnest(${created.rows.map((r) => r.id)}::uuid[]) as x`.execute(db);
  }
  // Link every pending pair to its match (new or one that already existed for the same pair).
  await sql`
    update matching_run_pair p set match_id = m.id
    from match m
    where p.run_id = ${runId}::uuid and p.match_id is null and m.candidate_id = p.candidate_id and m.offer_id = p.offer_id
      and p.candidate_id = any(${consenting}::uuid[])
      ${candidateIds ? sql`and p.candidate_id = any(${candidateIds}::uuid[])` : sql``}`.execute(db);
  return created.rows;
}

/** Erasure: a person's match notes and commute notes go; stages, dates and reason codes stay for the figures. */
export async function eraseMatchTexts(db: Db, candidateId: string): Promise<number> {
  const matches = await db.updateTable("match").set({ note: null }).where("candidate_id", "=", candidateId).returning("id").execute();
  if (matches.length) {
    await db
      .updateTable("match_stage_change")
      .set({ note: null })
      .where(
        "match_id",
        "in",
        matches.map((m) => m.id),
      )
      .execute();
  }
  await db.deleteFrom("commute_check").where("candidate_id", "=", candidateId).execute();
  return matches.length;
}

/** Matches in scope still on the way to a start (suggested … registered), for the Start page: at most `limit`, oldest move first. */
export async function findOpenMatches(db: Db, scope: Scope, limit: number): Promise<MatchRow[]> {
  return (await matchQuery(db, scope)
    .where("m.stage", "in", ["suggested", "proposed", "interview", "internship", "entry_qualification", "contract", "registered"])
    .orderBy("m.stage_changed_at")
    .orderBy("m.id")
    .limit(limit)
    .execute()) as MatchRow[];
}
