import { audit } from "../../lib/audit.js";
import { berlinDate } from "../../lib/berlin-date.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { fail } from "../../lib/errors.js";
import { districtName } from "../geo/service.js";
import { insertTemplate, nextVersion } from "./repository.js";
import type { CheckField, LeadActor, StepInput, TemplateDiff, TransferInput } from "./schema.js";
import { type DistrictFacts, type DistrictRole, districtFacts, roleOfActor, roleOfCode } from "./seed-texts.js";
import { findSteps, replaceSteps, type StepRow, type StepWrite } from "./step-repository.js";
import { checkDistricts, stepAsInput, stepWrites } from "./steps.js";
import { assertMayEdit, requireTemplate } from "./templates.js";

/**
 * "Copy to district": a draft for the target district with every district-bound field marked "to check"
 * (the organisation and contact of each step, a local step as a whole). Where the district's facts are known
 * (seed-texts.ts: agency office, Jobcenter, immigration office, a one-stop agency) they are filled in, still
 * marked, and a contact that belonged to the old organisation is cleared. The diff compares a draft with its source.
 */

function factFor(role: DistrictRole | undefined, facts: DistrictFacts | undefined): string | null {
  if (!role || !facts) return null;
  if (role === "immigrationOffice") return facts.immigrationOffice;
  if (role === "agency") return facts.agency;
  if (role === "jobcenter") return facts.jobcenter;
  const both = [facts.agency, facts.jobcenter].filter(Boolean);
  return both.length ? both.join("; ") : null;
}

/** One source step as it lands in the target district. */
function transferStep(s: StepRow, facts: DistrictFacts | undefined): StepInput {
  const input = stepAsInput(s);
  const role = roleOfCode[s.code ?? ""] ?? roleOfActor[s.lead_actor];
  const known = factFor(role, facts);
  const marks: CheckField[] = [];
  if (s.local) marks.push("step");
  if (s.organisation_name || s.organisation_contact || known) marks.push("organisation", "contact");
  return {
    ...input,
    organisationName: known ?? input.organisationName,
    organisationContact: known && known !== s.organisation_name ? null : input.organisationContact,
    toCheck: marks,
  };
}

/** The steps of the draft: the source's, then the target district's own steps after the step they follow. */
export function transferSteps(source: StepRow[], district: string): { inputs: StepInput[]; sourceIds: (string | null)[] } {
  const facts = districtFacts[district];
  const inputs: StepInput[] = [];
  const sourceIds: (string | null)[] = [];
  for (const s of source) {
    inputs.push(transferStep(s, facts));
    sourceIds.push(s.id);
    for (const local of (facts?.localSteps ?? []).filter((l) => l.after === s.code && !source.some((x) => x.code === l.code))) {
      const { after: _, ...step } = local;
      inputs.push({ ...step, toCheck: ["organisation", "contact"] });
      sourceIds.push(null);
    }
  }
  return { inputs, sourceIds };
}

export async function transferTemplate(ctx: Ctx, id: string, input: TransferInput, seedKey?: string): Promise<{ id: string }> {
  const source = await requireTemplate(ctx, id);
  checkDistricts([input.district], "district");
  assertMayEdit(ctx, [input.district]);
  const name = input.name ?? `Prozesskette ${districtName(input.district) ?? input.district}`;
  const steps = await findSteps(ctx.db, [id]);
  const { inputs, sourceIds } = transferSteps(steps, input.district);
  const writes: StepWrite[] = stepWrites(inputs, []).map((w, i) => ({ ...w, source_step_id: sourceIds[i] ?? null }));
  return withWrite(ctx, async (w) => {
    const newId = await insertTemplate(w.db, {
      name,
      districts: [input.district],
      version: await nextVersion(w.db, input.district),
      validFrom: berlinDate(w.now),
      validTo: null,
      sourceTemplateId: id,
      note: districtFacts[input.district]?.note ?? null,
      seedKey: seedKey ?? null,
      by: w.actor?.id ?? null,
      at: w.now,
    });
    await replaceSteps(w.db, newId, writes);
    await audit(w, { entity: "chain_template", action: "transfer", entityId: newId, fields: [source.id, input.district] });
    return { id: newId };
  });
}

const compared = [
  ["title", (s: StepRow) => s.title],
  ["description", (s: StepRow) => s.description],
  ["leadActor", (s: StepRow) => s.lead_actor],
  ["supportingActors", (s: StepRow) => s.supporting_actors],
  ["organisationName", (s: StepRow) => s.organisation_name],
  ["organisationContact", (s: StepRow) => s.organisation_contact],
  ["documents", (s: StepRow) => s.documents],
  ["legalBasis", (s: StepRow) => [s.legal_basis, s.legal_valid_from, s.legal_valid_to]],
  ["typicalDurationDays", (s: StepRow) => s.typical_duration_days],
  ["deadlines", (s: StepRow) => s.deadlines],
  ["conditions", (s: StepRow) => [s.condition_residence, s.condition_place_kinds, s.condition_under18]],
  ["local", (s: StepRow) => s.local],
  ["candidateFacing", (s: StepRow) => s.candidate_facing],
] as const;

const brief = (s: StepRow) => ({
  id: s.id,
  position: s.position,
  title: s.title,
  leadActor: s.lead_actor as LeadActor,
  organisationName: s.organisation_name,
  organisationContact: s.organisation_contact,
});

/** Side by side: the draft's steps against its source's (added, removed, changed fields), and what is still to check. */
export async function diffTemplate(ctx: Ctx, id: string): Promise<TemplateDiff> {
  const target = await requireTemplate(ctx, id);
  if (!target.source_template_id) throw fail.conflict("Diese Vorlage hat keine Quelle, mit der sie verglichen werden kann.");
  const source = await requireTemplate(ctx, target.source_template_id);
  const [targetSteps, sourceSteps] = [await findSteps(ctx.db, [target.id]), await findSteps(ctx.db, [source.id])];
  const bySource = new Map(sourceSteps.map((s) => [s.id, s]));
  const paired = new Set<string>();
  const steps: TemplateDiff["steps"] = [];
  for (const t of targetSteps) {
    const s = t.source_step_id ? bySource.get(t.source_step_id) : undefined;
    const toCheck = t.to_check as CheckField[];
    if (!s) {
      steps.push({ change: "added", source: null, target: brief(t), fields: [], toCheck });
      continue;
    }
    paired.add(s.id);
    const fields = compared.filter(([, get]) => JSON.stringify(get(s)) !== JSON.stringify(get(t))).map(([name]) => name as string);
    if (s.position !== t.position) fields.push("position");
    steps.push({ change: fields.length ? "changed" : "unchanged", source: brief(s), target: brief(t), fields, toCheck });
  }
  for (const s of sourceSteps) {
    if (!paired.has(s.id)) steps.push({ change: "removed", source: brief(s), target: null, fields: [], toCheck: [] });
  }
  const toCheck = targetSteps.flatMap((t) => (t.to_check as CheckField[]).map((field) => ({ stepId: t.id, title: t.title, field })));
  const count = (c: string) => steps.filter((s) => s.change === c).length;
  return {
    templateId: target.id,
    sourceId: source.id,
    sourceName: source.name,
    sourceVersion: source.version,
    sourceDistricts: source.districts,
    steps,
    toCheck,
    counts: {
      added: count("added"),
      removed: count("removed"),
      changed: count("changed"),
      unchanged: count("unchanged"),
      toCheck: toCheck.length,
    },
  };
}
