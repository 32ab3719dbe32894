import { audit } from "../../lib/audit.js";
import { berlinDatePlus } from "../../lib/berlin-date.js";
import { actorOf, type Ctx, withWrite } from "../../lib/context.js";
import { fail } from "../../lib/errors.js";
import {
  deleteContact,
  findActivities,
  findActivity,
  findContact,
  findContacts,
  findDueNextSteps,
  insertActivity,
  insertContact,
  setNextStepDone,
  updateContact,
} from "./contact-log-repository.js";
import type { Activity, ActivityInput, Contact, ContactInput } from "./schema.js";
import { requireCompany } from "./service.js";

/** Contact persons and the contact log of a company; every read and write goes through the company's scope. */

export async function listContacts(ctx: Ctx, companyId: string): Promise<Contact[]> {
  await requireCompany(ctx, companyId);
  return findContacts(ctx.db, companyId);
}

async function requireContact(ctx: Ctx, companyId: string, contactId: string): Promise<Contact> {
  await requireCompany(ctx, companyId);
  const contact = await findContact(ctx.db, companyId, contactId);
  if (!contact) throw fail.notFound("Die Ansprechperson");
  return contact;
}

export async function addContact(ctx: Ctx, companyId: string, input: ContactInput): Promise<Contact> {
  return withWrite(ctx, async (w) => {
    await requireCompany(w, companyId);
    const id = await insertContact(w.db, companyId, input);
    const created = await requireContact(w, companyId, id);
    await audit(w, { entity: "company_contact", action: "create", entityId: id, before: null, after: created });
    return created;
  });
}

export async function changeContact(ctx: Ctx, companyId: string, contactId: string, input: ContactInput): Promise<Contact> {
  return withWrite(ctx, async (w) => {
    const before = await requireContact(w, companyId, contactId);
    await updateContact(w.db, contactId, input);
    const after = await requireContact(w, companyId, contactId);
    await audit(w, { entity: "company_contact", action: "update", entityId: contactId, before, after });
    return after;
  });
}

export async function removeContact(ctx: Ctx, companyId: string, contactId: string): Promise<void> {
  await withWrite(ctx, async (w) => {
    const before = await requireContact(w, companyId, contactId);
    await deleteContact(w.db, contactId);
    await audit(w, { entity: "company_contact", action: "delete", entityId: contactId, before, after: null });
  });
}

export async function listActivities(ctx: Ctx, companyId: string): Promise<Activity[]> {
  await requireCompany(ctx, companyId);
  return findActivities(ctx.db, companyId);
}

/** A call, visit, e-mail, letter, event or note; with a next step it becomes a Wiedervorlage on the Start page. */
export async function logActivity(ctx: Ctx, companyId: string, input: ActivityInput): Promise<Activity> {
  const actor = actorOf(ctx);
  return withWrite(ctx, async (w) => {
    await requireCompany(w, companyId);
    const id = await insertActivity(w.db, companyId, actor.id, input, w.now);
    const created = (await findActivity(w.db, companyId, id)) as Activity;
    await audit(w, { entity: "company_activity", action: "create", entityId: id, before: null, after: created });
    return created;
  });
}

export async function markNextStep(ctx: Ctx, companyId: string, activityId: string, done: boolean): Promise<Activity> {
  return withWrite(ctx, async (w) => {
    await requireCompany(w, companyId);
    const before = await findActivity(w.db, companyId, activityId);
    if (!before) throw fail.notFound("Der Eintrag im Kontaktverlauf");
    if (!before.nextStep) throw fail.conflict("Dieser Eintrag hat keinen nächsten Schritt.");
    await setNextStepDone(w.db, activityId, done ? w.now : null);
    const after = (await findActivity(w.db, companyId, activityId)) as Activity;
    await audit(w, { entity: "company_activity", action: "update", entityId: activityId, before, after });
    return after;
  });
}

export type DueNextStep = { id: string; companyId: string; companyName: string; nextStep: string; due: string };

/** The actor's open next steps due within `days` (and all overdue ones), earliest first. */
export async function dueNextSteps(ctx: Ctx, days: number, limit: number): Promise<DueNextStep[]> {
  const actor = actorOf(ctx);
  const until = berlinDatePlus(ctx.now, days);
  const rows = await findDueNextSteps(ctx.db, ctx.scope, actor.id, until, limit);
  return rows.map((r) => ({ id: r.id, companyId: r.company_id, companyName: r.company_name, nextStep: r.next_step ?? "", due: r.due }));
}
