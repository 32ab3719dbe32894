import { audit } from "../../lib/audit.js";
import { berlinDate } from "../../lib/berlin-date.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { DomainError, fail } from "../../lib/errors.js";
import { cursorSortKey, decodeCursor, encodeCursor } from "../../lib/http/cursor.js";
import { msg } from "../../lib/i18n/messages.js";
import {
  countTemplates,
  districtKeyOf,
  findTemplate,
  findTemplates,
  insertTemplate,
  nextVersion,
  publishTemplateRow,
  type TemplateRow,
  updateTemplateRow,
} from "./repository.js";
import type { CheckField, PublishInput, Template, TemplateCreate, TemplateListQuery, TemplatePage, TemplateUpdate } from "./schema.js";
import { clearToCheck, findSteps, replaceSteps } from "./step-repository.js";
import { checkDistricts, checkFieldLabels, stepAsInput, stepWrites, toSummary, toTemplate } from "./steps.js";

/**
 * Chain templates: every staff role reads all of them; a counsellor changes only templates of their own
 * districts (coordination and administration all). A published template never changes: a new version is
 * a draft copied from it, and publishing that draft retires the old one (runs keep the version they started with).
 */

export async function requireTemplate(ctx: Ctx, id: string): Promise<TemplateRow> {
  const row = await findTemplate(ctx.db, id);
  if (!row) throw fail.notFound("Die Vorlage");
  return row;
}

export async function templateDetail(ctx: Ctx, id: string): Promise<Template> {
  const row = await requireTemplate(ctx, id);
  return toTemplate(row, await findSteps(ctx.db, [id]));
}

/** Whether the actor may change a template of these districts (null: every district). */
export function assertMayEdit(ctx: Ctx, districts: readonly string[] | null) {
  const scope = ctx.scope.districts;
  if (scope === "all") return;
  if (districts === null) throw fail.forbidden("Vorlagen für alle Kreise ändern nur Koordination und Verwaltung.");
  const outside = districts.filter((d) => !scope.includes(d));
  if (outside.length) {
    throw new DomainError(
      "forbidden",
      msg("Nicht in Ihren Kreisen: {districts}. Sie ändern nur Vorlagen Ihrer Kreise.", { districts: outside.join(", ") }),
    );
  }
}

export async function listTemplates(ctx: Ctx, q: TemplateListQuery): Promise<TemplatePage> {
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const after = cursor ? { at: (cursorSortKey(cursor, "time") as Date).toISOString(), id: cursor.id } : undefined;
  const filters = { district: q.district, status: q.status, q: q.q };
  const rows = await findTemplates(ctx.db, { ...filters, limit: q.limit + 1, after });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ k: new Date(last.created_at).toISOString(), id: last.id }) : null,
    total: await countTemplates(ctx.db, filters),
  };
}

function checkValidity(from: string, to: string | null | undefined) {
  if (to && to < from) throw fail.invalid({ validTo: ["Das Ende liegt vor dem Beginn"] });
}

export async function createTemplate(ctx: Ctx, input: TemplateCreate): Promise<Template> {
  checkDistricts(input.districts);
  assertMayEdit(ctx, input.districts);
  const validFrom = input.validFrom ?? berlinDate(ctx.now);
  checkValidity(validFrom, input.validTo);
  const steps = stepWrites(input.steps ?? [], []);
  const id = await withWrite(ctx, async (w) => {
    const templateId = await insertTemplate(w.db, {
      name: input.name,
      districts: input.districts ? [...new Set(input.districts)] : null,
      version: await nextVersion(w.db, districtKeyOf(input.districts)),
      validFrom,
      validTo: input.validTo ?? null,
      sourceTemplateId: null,
      note: input.note ?? null,
      by: w.actor?.id ?? null,
      at: w.now,
    });
    await replaceSteps(w.db, templateId, steps);
    await audit(w, { entity: "chain_template", action: "create", entityId: templateId, after: { name: input.name, steps: steps.length } });
    return templateId;
  });
  return templateDetail(ctx, id);
}

const requireDraft = (row: TemplateRow) => {
  if (row.status !== "draft") {
    throw fail.conflict(
      "Eine veröffentlichte oder abgelöste Vorlage bleibt, wie sie ist: legen Sie eine neue Fassung an und ändern Sie diese.",
    );
  }
};

/** Changes a draft; `steps` is the whole list in its new order (steps with an id keep their identity). */
export async function updateTemplate(ctx: Ctx, id: string, patch: TemplateUpdate): Promise<Template> {
  const row = await requireTemplate(ctx, id);
  assertMayEdit(ctx, row.districts);
  requireDraft(row);
  if (patch.districts !== undefined) {
    checkDistricts(patch.districts);
    assertMayEdit(ctx, patch.districts);
  }
  checkValidity(patch.validFrom ?? row.valid_from, patch.validTo === undefined ? row.valid_to : patch.validTo);
  const before = await templateDetail(ctx, id);
  const existing = await findSteps(ctx.db, [id]);
  const steps = patch.steps ? stepWrites(patch.steps, existing) : null;
  await withWrite(ctx, async (w) => {
    const newKey = patch.districts !== undefined ? districtKeyOf(patch.districts) : row.district_key;
    await updateTemplateRow(w.db, id, {
      name: patch.name,
      districts: patch.districts === undefined ? undefined : patch.districts ? [...new Set(patch.districts)] : null,
      version: newKey !== row.district_key ? await nextVersion(w.db, newKey) : undefined,
      validFrom: patch.validFrom,
      validTo: patch.validTo,
      note: patch.note,
      at: w.now,
    });
    if (steps) await replaceSteps(w.db, id, steps);
    const after = await templateDetail(w, id);
    await audit(w, {
      entity: "chain_template",
      action: "update",
      entityId: id,
      before: { ...before, updatedAt: null, steps: before.steps.map(({ id: _, ...s }) => s) },
      after: { ...after, updatedAt: null, steps: after.steps.map(({ id: _, ...s }) => s) },
    });
  });
  return templateDetail(ctx, id);
}

/**
 * Publishes a draft. Refused (409, naming each field) while fields are still marked "to check" after a transfer,
 * unless the request confirms each of them. The published template of the same districts is retired.
 */
export async function publishTemplate(ctx: Ctx, id: string, input: PublishInput): Promise<Template> {
  const row = await requireTemplate(ctx, id);
  assertMayEdit(ctx, row.districts);
  // A second click (or a second request of the same click) finds it published: the same answer again.
  if (row.status === "published") return templateDetail(ctx, id);
  if (row.status !== "draft") throw fail.conflict("Nur ein Entwurf kann veröffentlicht werden.");
  const steps = await findSteps(ctx.db, [id]);
  if (!steps.length) throw fail.conflict("Eine Vorlage ohne Schritte kann nicht veröffentlicht werden.");
  const confirmed = new Set((input.confirm ?? []).map((c) => `${c.stepId}|${c.field}`));
  const open = steps.flatMap((s) =>
    s.to_check.filter((f) => !confirmed.has(`${s.id}|${f}`)).map((f) => ({ stepId: s.id, position: s.position, title: s.title, field: f })),
  );
  if (open.length) {
    const labels = checkFieldLabels[ctx.locale === "en" ? "en" : "de"];
    const list = open.map((o) => `${o.position}. ${o.title}: ${labels[o.field as CheckField]}`).join("; ");
    throw new DomainError(
      "conflict",
      msg("Noch nicht geprüft ({count}): {fields}. Bitte die Angaben für diesen Kreis ändern oder jede einzeln bestätigen.", {
        count: open.length,
        fields: list,
      }),
      { extensions: { toCheck: open.map(({ stepId, title, field }) => ({ stepId, title, field })) } },
    );
  }
  await withWrite(ctx, async (w) => {
    const current = await requireTemplate(w, id);
    if (current.status === "published") return;
    requireDraft(current);
    await clearToCheck(w.db, id);
    const retired = await publishTemplateRow(w.db, id, current.district_key, w.actor?.id ?? null, w.now);
    await audit(w, {
      entity: "chain_template",
      action: "publish",
      entityId: id,
      fields: ["status", ...(confirmed.size ? ["toCheck"] : [])],
    });
    for (const old of retired) {
      await audit(w, {
        entity: "chain_template",
        action: "update",
        entityId: old,
        before: { status: "published" },
        after: { status: "retired" },
      });
    }
  });
  return templateDetail(ctx, id);
}

/** A new version: a draft copy of a template for the same districts (its marks kept), numbered next. */
export async function newVersion(ctx: Ctx, id: string): Promise<{ id: string }> {
  const row = await requireTemplate(ctx, id);
  assertMayEdit(ctx, row.districts);
  const source = await findSteps(ctx.db, [id]);
  return withWrite(ctx, async (w) => {
    const newId = await insertTemplate(w.db, {
      name: row.name,
      districts: row.districts,
      version: await nextVersion(w.db, row.district_key),
      validFrom: berlinDate(w.now),
      validTo: null,
      sourceTemplateId: id,
      note: row.note,
      by: w.actor?.id ?? null,
      at: w.now,
    });
    const steps = stepWrites(source.map(stepAsInput), []).map((s, i) => ({ ...s, source_step_id: source[i]?.id ?? null }));
    await replaceSteps(w.db, newId, steps);
    await audit(w, { entity: "chain_template", action: "create", entityId: newId, fields: ["version", "sourceTemplateId"] });
    return { id: newId };
  });
}
