import { type SqlBool, sql } from "kysely";
import { inDistrictScope } from "../../db/district-scope.js";
import type { Db } from "../../lib/context.js";
import type { Scope } from "../../lib/http/actor.js";

/**
 * Runs of a chain for one match. A run is visible when the young person's or the place's district is in the
 * user's scope (as its match is). Lists show names: read-only joins of the match, the person, the company, the
 * place and its occupation (decision record 0011), the scope on the run's own columns. Steps: run-step-repository.ts.
 */

export const runInScope = (scope: Scope) =>
  sql<SqlBool>`(${inDistrictScope(sql.ref("r.candidate_ags"), scope)} or ${inDistrictScope(sql.ref("r.offer_ags"), scope)})`;

export type RunRow = {
  id: string;
  match_id: string;
  candidate_id: string;
  template_id: string;
  template_name: string;
  template_version: number;
  candidate_ags: string | null;
  offer_ags: string | null;
  place_kind: "training" | "entry_qualification" | "internship";
  training_start: string;
  training_end: string | null;
  language: "de" | "en" | "ar" | "uk" | "fa";
  started_by_name: string | null;
  started_at: Date;
  finished_at: Date | null;
  candidate_name: string;
  company_name: string;
  occupation_name: string;
  step_count: number;
  done_count: number;
  overdue_count: number;
  next_due: string | null;
};

/** `residence`: whether steps bound to the residence status count (roles that may read it). */
function runQuery(db: Db, scope: Scope, today: string, residence: boolean) {
  const visible = residence ? sql`true` : sql`not s.residence_bound`;
  return db
    .selectFrom("chain_run as r")
    .innerJoin("chain_template as t", "t.id", "r.template_id")
    .innerJoin("match as m", "m.id", "r.match_id")
    .innerJoin("candidate as c", "c.id", "m.candidate_id")
    .innerJoin("company as co", "co.id", "m.company_id")
    .innerJoin("offer as o", "o.id", "m.offer_id")
    .innerJoin("occupation as occ", "occ.id", "o.occupation_id")
    .leftJoin("app_user as u", "u.id", "r.started_by")
    .select([
      "r.id",
      "r.match_id",
      "m.candidate_id",
      "r.template_id",
      "t.name as template_name",
      "r.template_version",
      "r.candidate_ags",
      "r.offer_ags",
      "r.place_kind",
      sql<string>`to_char(r.training_start, 'YYYY-MM-DD')`.as("training_start"),
      sql<string | null>`to_char(r.training_end, 'YYYY-MM-DD')`.as("training_end"),
      "r.language",
      "u.display_name as started_by_name",
      "r.started_at",
      "r.finished_at",
      sql<string>`coalesce(c.first_name || ' ' || c.last_name, '–')`.as("candidate_name"),
      "co.name as company_name",
      "occ.name as occupation_name",
      sql<number>`(select count(*)::int from chain_run_step s where s.run_id = r.id and ${visible})`.as("step_count"),
      sql<number>`(select count(*)::int from chain_run_step s where s.run_id = r.id and ${visible} and s.status in ('done', 'not_needed'))`.as(
        "done_count",
      ),
      sql<number>`(select count(*)::int from chain_run_step s where s.run_id = r.id and ${visible}
        and s.status in ('open', 'in_progress') and s.due_date < ${today}::date)`.as("overdue_count"),
      sql<string | null>`(select to_char(min(s.due_date), 'YYYY-MM-DD') from chain_run_step s where s.run_id = r.id and ${visible}
        and s.status in ('open', 'in_progress'))`.as("next_due"),
    ])
    .where(runInScope(scope));
}

export async function findRun(db: Db, scope: Scope, id: string, today: string, residence: boolean): Promise<RunRow | undefined> {
  return (await runQuery(db, scope, today, residence).where("r.id", "=", id).executeTakeFirst()) as RunRow | undefined;
}

export async function findRunIdByMatch(db: Db, matchId: string): Promise<string | undefined> {
  return (await db.selectFrom("chain_run").select("id").where("match_id", "=", matchId).executeTakeFirst())?.id;
}

export type RunFilter = {
  district?: string;
  templateId?: string;
  matchId?: string;
  overdue?: boolean;
  finished?: boolean;
  limit: number;
  after?: { at: string; id: string };
};

function filteredRuns(db: Db, scope: Scope, f: Omit<RunFilter, "limit" | "after">, today: string, residence: boolean) {
  let q = runQuery(db, scope, today, residence);
  if (f.district)
    q = q.where((eb) => eb.or([eb("r.candidate_ags", "=", f.district as string), eb("r.offer_ags", "=", f.district as string)]));
  if (f.templateId) q = q.where("r.template_id", "=", f.templateId);
  if (f.matchId) q = q.where("r.match_id", "=", f.matchId);
  if (f.finished !== undefined) q = q.where(f.finished ? sql<SqlBool>`r.finished_at is not null` : sql<SqlBool>`r.finished_at is null`);
  if (f.overdue !== undefined) {
    const visible = residence ? sql`true` : sql`not s.residence_bound`;
    const exists = sql<SqlBool>`exists (select 1 from chain_run_step s where s.run_id = r.id and ${visible}
      and s.status in ('open', 'in_progress') and s.due_date < ${today}::date)`;
    q = q.where(f.overdue ? exists : sql<SqlBool>`not ${exists}`);
  }
  return q;
}

export async function findRuns(db: Db, scope: Scope, f: RunFilter, today: string, residence: boolean): Promise<RunRow[]> {
  let q = filteredRuns(db, scope, f, today, residence);
  if (f.after) q = q.where(sql<SqlBool>`(r.started_at, r.id) < (${f.after.at}::timestamptz, ${f.after.id}::uuid)`);
  return (await q.orderBy("r.started_at", "desc").orderBy("r.id", "desc").limit(f.limit).execute()) as RunRow[];
}

export async function countRuns(db: Db, scope: Scope, f: Omit<RunFilter, "limit" | "after">, today: string, residence: boolean) {
  const r = await db
    .selectFrom(filteredRuns(db, scope, f, today, residence).as("x"))
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return r.n;
}

export type RunInsert = {
  matchId: string;
  templateId: string;
  templateVersion: number;
  candidateAgs: string | null;
  offerAgs: string | null;
  placeKind: RunRow["place_kind"];
  trainingStart: string;
  trainingEnd: string | null;
  language: RunRow["language"];
  by: string | null;
  at: Date;
};

/** Inserts the run; null when the match already has one (a second click at the same moment). */
export async function insertRun(db: Db, r: RunInsert): Promise<string | null> {
  const row = await db
    .insertInto("chain_run")
    .values({
      match_id: r.matchId,
      template_id: r.templateId,
      template_version: r.templateVersion,
      candidate_ags: r.candidateAgs,
      offer_ags: r.offerAgs,
      place_kind: r.placeKind,
      training_start: r.trainingStart,
      training_end: r.trainingEnd,
      language: r.language,
      started_by: r.by,
      started_at: r.at,
    })
    .onConflict((oc) => oc.column("match_id").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function setRunFinished(db: Db, id: string, at: Date | null): Promise<void> {
  await db.updateTable("chain_run").set({ finished_at: at }).where("id", "=", id).execute();
}

/** The ids of all runs not finished (the weekly refresh of stored due dates). */
export async function unfinishedRunIds(db: Db): Promise<string[]> {
  return (await db.selectFrom("chain_run").select("id").where("finished_at", "is", null).execute()).map((r) => r.id);
}
