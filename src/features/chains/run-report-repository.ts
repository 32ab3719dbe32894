import { type SqlBool, sql } from "kysely";
import type { Db } from "../../lib/context.js";
import type { Scope } from "../../lib/http/actor.js";
import { runInScope } from "./run-repository.js";

/** What Heute, the weekly digest and the indicators read of runs in scope; erasure; the place's duration. */

const d = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export type DueStepRow = {
  run_id: string;
  step_id: string;
  title: string;
  due_date: string;
  candidate_id: string;
  candidate_name: string;
  company_name: string;
};

/** Open steps of runs in scope due on or before `until` (overdue ones included), earliest first. */
export async function findDueSteps(db: Db, scope: Scope, until: string, residence: boolean, limit: number): Promise<DueStepRow[]> {
  let q = db
    .selectFrom("chain_run_step as s")
    .innerJoin("chain_run as r", "r.id", "s.run_id")
    .innerJoin("match as m", "m.id", "r.match_id")
    .innerJoin("candidate as c", "c.id", "m.candidate_id")
    .innerJoin("company as co", "co.id", "m.company_id")
    .select([
      "r.id as run_id",
      "s.id as step_id",
      "s.title",
      sql<string>`to_char(s.due_date, 'YYYY-MM-DD')`.as("due_date"),
      "m.candidate_id",
      sql<string>`coalesce(c.first_name || ' ' || c.last_name, '–')`.as("candidate_name"),
      "co.name as company_name",
    ])
    .where(runInScope(scope))
    .where("r.finished_at", "is", null)
    .where("s.status", "in", ["open", "in_progress"])
    .where("s.due_date", "<=", until);
  if (!residence) q = q.where("s.residence_bound", "=", false);
  return (await q.orderBy("s.due_date").orderBy("s.position").limit(limit).execute()) as DueStepRow[];
}

/** Indicators: runs in scope started in the period, with their steps' statuses and completion days. */
export async function runFigures(db: Db, scope: Scope, f: { district?: string; from?: string; to?: string }, residence: boolean) {
  let q = db
    .selectFrom("chain_run as r")
    .innerJoin("chain_run_step as s", "s.run_id", "r.id")
    .select([
      "r.id as run_id",
      "r.offer_ags",
      sql<string>`to_char(r.started_at at time zone 'Europe/Berlin', 'YYYY-MM-DD')`.as("started_on"),
      "r.finished_at",
      "s.position",
      "s.code",
      "s.title",
      "s.status",
      d("s.completed_on").as("completed_on"),
      d("s.due_date").as("due_date"),
    ])
    .where(runInScope(scope));
  if (!residence) q = q.where("s.residence_bound", "=", false);
  if (f.district)
    q = q.where((eb) => eb.or([eb("r.candidate_ags", "=", f.district as string), eb("r.offer_ags", "=", f.district as string)]));
  if (f.from) q = q.where(sql<SqlBool>`(r.started_at at time zone 'Europe/Berlin')::date >= ${f.from}::date`);
  if (f.to) q = q.where(sql<SqlBool>`(r.started_at at time zone 'Europe/Berlin')::date <= ${f.to}::date`);
  return q.orderBy("r.id").orderBy("s.position").execute();
}

/** Erasure: the free texts of a person's runs go (notes, reasons); statuses and dates stay for the figures. */
export async function eraseRunTexts(db: Db, candidateId: string): Promise<number> {
  const r = await db
    .updateTable("chain_run_step")
    .set({ note: null, reason: sql`case when status = 'not_needed' then '–' else null end`, document_ids: [] })
    .where(
      "run_id",
      "in",
      db
        .selectFrom("chain_run as r")
        .innerJoin("match as m", "m.id", "r.match_id")
        .select("r.id")
        .where("m.candidate_id", "=", candidateId),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** How long the place runs: the occupation's months (training) or the EQ's months (read-only, decision record 0011). */
export async function placeDuration(db: Db, offerId: string): Promise<{ months: number | null; eq_months: number | null } | undefined> {
  return db
    .selectFrom("offer as o")
    .innerJoin("occupation as occ", "occ.id", "o.occupation_id")
    .select(["occ.months", "o.eq_months"])
    .where("o.id", "=", offerId)
    .executeTakeFirst();
}
