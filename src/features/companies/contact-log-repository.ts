import { sql } from "kysely";
import { inScope } from "../../db/district-scope.js";
import type { Db } from "../../lib/context.js";
import type { Scope } from "../../lib/http/actor.js";
import type { Activity, ActivityInput, Contact, ContactInput } from "./schema.js";

/** Contact persons and the contact log (activities with next steps) of companies. */

function toContact(r: {
  id: string;
  company_id: string;
  name: string;
  function: string | null;
  phone: string | null;
  email: string | null;
  preferred_language: string | null;
}): Contact {
  return {
    id: r.id,
    companyId: r.company_id,
    name: r.name,
    function: r.function,
    phone: r.phone,
    email: r.email,
    preferredLanguage: r.preferred_language,
  };
}

const contactColumns = ["id", "company_id", "name", "function", "phone", "email", "preferred_language"] as const;

export async function findContacts(db: Db, companyId: string): Promise<Contact[]> {
  const rows = await db.selectFrom("company_contact").select(contactColumns).where("company_id", "=", companyId).orderBy("name").execute();
  return rows.map(toContact);
}

export async function findContact(db: Db, companyId: string, contactId: string): Promise<Contact | undefined> {
  const row = await db
    .selectFrom("company_contact")
    .select(contactColumns)
    .where("company_id", "=", companyId)
    .where("id", "=", contactId)
    .executeTakeFirst();
  return row && toContact(row);
}

const contactRow = (c: ContactInput) => ({
  name: c.name,
  function: c.function ?? null,
  phone: c.phone ?? null,
  email: c.email ?? null,
  preferred_language: c.preferredLanguage ?? null,
});

export async function insertContact(db: Db, companyId: string, c: ContactInput): Promise<string> {
  const { id } = await db
    .insertInto("company_contact")
    .values({ company_id: companyId, ...contactRow(c) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateContact(db: Db, contactId: string, c: ContactInput): Promise<void> {
  await db.updateTable("company_contact").set(contactRow(c)).where("id", "=", contactId).execute();
}

export async function deleteContact(db: Db, contactId: string): Promise<void> {
  await db.deleteFrom("company_contact").where("id", "=", contactId).execute();
}

const activityColumns = [
  "company_activity.id",
  "company_activity.company_id",
  "company_activity.kind",
  "company_activity.user_id",
  "company_activity.summary",
  "company_activity.outcome",
  "company_activity.next_step",
  "company_activity.next_step_done_at",
  "app_user.display_name",
] as const;

function activities(db: Db) {
  return db
    .selectFrom("company_activity")
    .leftJoin("app_user", "app_user.id", "company_activity.user_id")
    .select([
      ...activityColumns,
      sql<string>`to_char(company_activity.occurred_on, 'YYYY-MM-DD')`.as("occurred"),
      sql<string | null>`to_char(company_activity.next_step_due, 'YYYY-MM-DD')`.as("due"),
    ]);
}

type ActivityRow = Awaited<ReturnType<ReturnType<typeof activities>["executeTakeFirstOrThrow"]>>;

function toActivity(r: ActivityRow): Activity {
  return {
    id: r.id,
    companyId: r.company_id,
    kind: r.kind,
    occurredOn: r.occurred,
    userId: r.user_id,
    userName: r.display_name ?? null,
    summary: r.summary,
    outcome: r.outcome,
    nextStep: r.next_step,
    nextStepDue: r.due,
    nextStepDone: r.next_step_done_at !== null,
  };
}

export async function findActivities(db: Db, companyId: string): Promise<Activity[]> {
  const rows = await activities(db)
    .where("company_activity.company_id", "=", companyId)
    .orderBy("company_activity.occurred_on", "desc")
    .orderBy("company_activity.created_at", "desc")
    .execute();
  return rows.map(toActivity);
}

export async function findActivity(db: Db, companyId: string, activityId: string): Promise<Activity | undefined> {
  const row = await activities(db)
    .where("company_activity.company_id", "=", companyId)
    .where("company_activity.id", "=", activityId)
    .executeTakeFirst();
  return row && toActivity(row);
}

export async function insertActivity(db: Db, companyId: string, userId: string | null, a: ActivityInput, now: Date): Promise<string> {
  const { id } = await db
    .insertInto("company_activity")
    .values({
      company_id: companyId,
      user_id: userId,
      kind: a.kind,
      occurred_on: a.occurredOn,
      summary: a.summary,
      outcome: a.outcome ?? null,
      next_step: a.nextStep ?? null,
      next_step_due: a.nextStepDue ?? null,
      created_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function setNextStepDone(db: Db, activityId: string, doneAt: Date | null): Promise<void> {
  await db.updateTable("company_activity").set({ next_step_done_at: doneAt }).where("id", "=", activityId).execute();
}

/**
 * Open next steps due up to `until` of companies in scope that the user is responsible for or wrote
 * themselves, earliest first (the Start page's Wiedervorlagen).
 */
export async function findDueNextSteps(db: Db, scope: Scope, userId: string, until: string, limit: number) {
  return db
    .selectFrom("company_activity")
    .innerJoin("company", "company.id", "company_activity.company_id")
    .select([
      "company_activity.id",
      "company_activity.next_step",
      "company.id as company_id",
      "company.name as company_name",
      sql<string>`to_char(company_activity.next_step_due, 'YYYY-MM-DD')`.as("due"),
    ])
    .where((eb) => inScope({ ags: eb.ref("company.ags") }, scope))
    .where("company_activity.next_step_done_at", "is", null)
    .where("company_activity.next_step_due", "<=", until)
    .where((eb) => eb.or([eb("company_activity.user_id", "=", userId), eb("company.responsible_user_id", "=", userId)]))
    .orderBy("company_activity.next_step_due")
    .limit(limit)
    .execute();
}
