import { sql } from "kysely";
import type { StoredDeadlineRule } from "../../db/types.js";
import type { Db } from "../../lib/context.js";

/** The ordered steps of a chain template (templates: repository.ts). */

export type StepRow = {
  id: string;
  template_id: string;
  position: number;
  code: string | null;
  title: string;
  description: string | null;
  lead_actor: string;
  supporting_actors: string[];
  organisation_name: string | null;
  organisation_contact: string | null;
  documents: string[];
  legal_basis: string | null;
  legal_valid_from: string | null;
  legal_valid_to: string | null;
  typical_duration_days: number | null;
  deadlines: StoredDeadlineRule[];
  condition_residence: string[] | null;
  condition_place_kinds: string[] | null;
  condition_under18: boolean | null;
  local: boolean;
  candidate_facing: boolean;
  to_check: string[];
  source_step_id: string | null;
};

export async function findSteps(db: Db, templateIds: string[]): Promise<StepRow[]> {
  if (!templateIds.length) return [];
  const rows = await db
    .selectFrom("chain_step")
    .select([
      "id",
      "template_id",
      "position",
      "code",
      "title",
      "description",
      "lead_actor",
      "supporting_actors",
      "organisation_name",
      "organisation_contact",
      "documents",
      "legal_basis",
      sql<string | null>`to_char(legal_valid_from, 'YYYY-MM-DD')`.as("legal_valid_from"),
      sql<string | null>`to_char(legal_valid_to, 'YYYY-MM-DD')`.as("legal_valid_to"),
      "typical_duration_days",
      "deadlines",
      "condition_residence",
      "condition_place_kinds",
      "condition_under18",
      "local",
      "candidate_facing",
      "to_check",
      "source_step_id",
    ])
    .where("template_id", "in", templateIds)
    .orderBy("template_id")
    .orderBy("position")
    .execute();
  return rows as StepRow[];
}

/** A step as written: every column but the template and the id (kept when given). */
export type StepWrite = Omit<StepRow, "template_id" | "id"> & { id?: string };

const stepValues = (s: StepWrite) => ({
  position: s.position,
  code: s.code,
  title: s.title,
  description: s.description,
  lead_actor: s.lead_actor,
  supporting_actors: s.supporting_actors,
  organisation_name: s.organisation_name,
  organisation_contact: s.organisation_contact,
  documents: s.documents,
  legal_basis: s.legal_basis,
  legal_valid_from: s.legal_valid_from,
  legal_valid_to: s.legal_valid_to,
  typical_duration_days: s.typical_duration_days,
  deadlines: JSON.stringify(s.deadlines),
  condition_residence: s.condition_residence,
  condition_place_kinds: s.condition_place_kinds,
  condition_under18: s.condition_under18,
  local: s.local,
  candidate_facing: s.candidate_facing,
  to_check: s.to_check,
  source_step_id: s.source_step_id,
});

/**
 * Makes the template's steps exactly `steps`, in this order: steps with an id of this template are updated,
 * the others inserted, the ones left out deleted.
 */
export async function replaceSteps(db: Db, templateId: string, steps: StepWrite[]): Promise<void> {
  const keep = steps.map((s) => s.id).filter((id): id is string => Boolean(id));
  let del = db.deleteFrom("chain_step").where("template_id", "=", templateId);
  if (keep.length) del = del.where("id", "not in", keep);
  await del.execute();
  for (const s of steps) {
    if (s.id) await db.updateTable("chain_step").set(stepValues(s)).where("id", "=", s.id).where("template_id", "=", templateId).execute();
    else
      await db
        .insertInto("chain_step")
        .values({ template_id: templateId, ...stepValues(s) })
        .execute();
  }
}

export async function clearToCheck(db: Db, templateId: string): Promise<void> {
  await db.updateTable("chain_step").set({ to_check: [] }).where("template_id", "=", templateId).execute();
}
