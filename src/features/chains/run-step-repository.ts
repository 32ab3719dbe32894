import { sql } from "kysely";
import type { StoredDeadlineRule } from "../../db/types.js";
import type { Db } from "../../lib/context.js";

/** The steps of a run: a copy of the template's steps as they were at the start, with their stored dates and status. */

export type RunStepRow = {
  id: string;
  run_id: string;
  template_step_id: string | null;
  position: number;
  code: string | null;
  title: string;
  description: string | null;
  lead_actor: string;
  organisation_name: string | null;
  organisation_contact: string | null;
  documents: string[];
  legal_basis: string | null;
  legal_valid_from: string | null;
  legal_valid_to: string | null;
  deadlines: StoredDeadlineRule[];
  candidate_facing: boolean;
  residence_bound: boolean;
  unchecked: string[];
  earliest_date: string | null;
  due_date: string | null;
  dates: { kind: "no_earlier_than" | "at_latest"; label: string | null; date: string }[];
  status: "open" | "in_progress" | "done" | "not_needed";
  reason: string | null;
  note: string | null;
  completed_on: string | null;
  document_ids: string[];
  changed_by_name: string | null;
  changed_at: Date | null;
};

const d = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export async function findRunSteps(db: Db, runId: string): Promise<RunStepRow[]> {
  const rows = await db
    .selectFrom("chain_run_step as s")
    .leftJoin("app_user as u", "u.id", "s.changed_by")
    .select([
      "s.id",
      "s.run_id",
      "s.template_step_id",
      "s.position",
      "s.code",
      "s.title",
      "s.description",
      "s.lead_actor",
      "s.organisation_name",
      "s.organisation_contact",
      "s.documents",
      "s.legal_basis",
      d("s.legal_valid_from").as("legal_valid_from"),
      d("s.legal_valid_to").as("legal_valid_to"),
      "s.deadlines",
      "s.candidate_facing",
      "s.residence_bound",
      "s.unchecked",
      d("s.earliest_date").as("earliest_date"),
      d("s.due_date").as("due_date"),
      "s.dates",
      "s.status",
      "s.reason",
      "s.note",
      d("s.completed_on").as("completed_on"),
      sql<string[]>`s.document_ids::text[]`.as("document_ids"),
      "u.display_name as changed_by_name",
      "s.changed_at",
    ])
    .where("s.run_id", "=", runId)
    .orderBy("s.position")
    .execute();
  return rows as RunStepRow[];
}

export type RunStepInsert = Omit<
  RunStepRow,
  "id" | "run_id" | "changed_by_name" | "changed_at" | "status" | "reason" | "note" | "completed_on" | "document_ids"
> &
  Partial<Pick<RunStepRow, "status" | "reason" | "note" | "completed_on">> & { changed_by?: string | null; changed_at?: Date | null };

export async function insertRunSteps(db: Db, runId: string, steps: RunStepInsert[]): Promise<string[]> {
  if (!steps.length) return [];
  const rows = await db
    .insertInto("chain_run_step")
    .values(
      steps.map((s) => ({
        run_id: runId,
        template_step_id: s.template_step_id,
        position: s.position,
        code: s.code,
        title: s.title,
        description: s.description,
        lead_actor: s.lead_actor,
        organisation_name: s.organisation_name,
        organisation_contact: s.organisation_contact,
        documents: s.documents,
        legal_basis: s.legal_basis,
        legal_valid_from: s.legal_valid_from,
        legal_valid_to: s.legal_valid_to,
        deadlines: JSON.stringify(s.deadlines),
        candidate_facing: s.candidate_facing,
        residence_bound: s.residence_bound,
        unchecked: s.unchecked,
        earliest_date: s.earliest_date,
        due_date: s.due_date,
        dates: JSON.stringify(s.dates),
        status: s.status ?? "open",
        reason: s.reason ?? null,
        note: s.note ?? null,
        completed_on: s.completed_on ?? null,
        changed_by: s.changed_by ?? null,
        changed_at: s.changed_at ?? null,
      })),
    )
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

export async function updateRunStep(
  db: Db,
  id: string,
  patch: {
    status: RunStepRow["status"];
    reason: string | null;
    note: string | null;
    completedOn: string | null;
    documentIds: string[];
    by: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable("chain_run_step")
    .set({
      status: patch.status,
      reason: patch.reason,
      note: patch.note,
      completed_on: patch.completedOn,
      document_ids: sql<string[]>`${patch.documentIds}::uuid[]`,
      changed_by: patch.by,
      changed_at: patch.at,
    })
    .where("id", "=", id)
    .execute();
}

export async function updateRunStepDates(
  db: Db,
  rows: { id: string; earliestDate: string | null; dueDate: string | null; dates: RunStepRow["dates"] }[],
): Promise<void> {
  for (const r of rows) {
    await db
      .updateTable("chain_run_step")
      .set({ earliest_date: r.earliestDate, due_date: r.dueDate, dates: JSON.stringify(r.dates) })
      .where("id", "=", r.id)
      .execute();
  }
}
