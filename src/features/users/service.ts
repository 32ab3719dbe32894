import { audit } from "../../lib/audit.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { germanDateTime, toGermanCsv } from "../../lib/csv.js";
import { fail } from "../../lib/errors.js";
import { systemScope } from "../../lib/http/actor.js";
import { type Msg, msg } from "../../lib/i18n/messages.js";
import { hashPassword } from "../../lib/password.js";
import { endSessionsOf, setPasswordFor } from "../auth/service.js";
import { districtName } from "../geo/service.js";
import { countActiveAdmins, findDisplayNames, findUserById, findUsers, insertUser, replaceDistricts, updateUserRow } from "./repository.js";
import type { User, UserCreate, UserPage, UsersExportQuery, UsersQuery, UserUpdate } from "./schema.js";

/** A role's district rule: counsellors need at least one district, the others have none of their own. */
function checkRoleShape(ctx: Ctx, role: User["role"], districts: string[], organisation: string | null) {
  const errors: Record<string, Msg[]> = {};
  const outside = districts.filter((d) => !ctx.config.serviceRegion.includes(d));
  if (outside.length) errors.districts = [msg("Nicht in der Region des Servicepunkts: {districts}", { districts: outside.join(", ") })];
  if (role === "counsellor" && districts.length === 0) errors.districts = ["Beraterinnen und Berater brauchen mindestens einen Kreis"];
  if (role !== "counsellor" && districts.length > 0) errors.districts = ["Nur die Rolle Beratung wird Kreisen zugeordnet"];
  if (role === "partner" && !organisation) errors.organisation = ["Für Netzwerkpartner die Organisation angeben"];
  if (Object.keys(errors).length) throw fail.invalid(errors);
}

/** What the audit log compares: the account's fields, never its password. */
const auditable = (u: User) => ({
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  districts: u.districts,
  organisation: u.organisation,
  disabled: u.disabled,
});

async function requireUser(ctx: Ctx, id: string): Promise<User> {
  const user = await findUserById(ctx.db, ctx.scope, id);
  if (!user) throw fail.notFound("Das Benutzerkonto");
  return user;
}

/**
 * A new account. The unique index on the e-mail address answers a taken address, also when two
 * requests race (409 with the field named); there is no pre-check that a race could pass.
 */
export async function createUserAccount(ctx: Ctx, input: UserCreate, options: { mustChangePassword?: boolean } = {}): Promise<User> {
  const districts = [...new Set(input.districts)].sort();
  checkRoleShape(ctx, input.role, districts, input.organisation);
  const passwordHash = await hashPassword(input.password);
  return withWrite(ctx, async (w) => {
    const id = await insertUser(w.db, { ...input, passwordHash, mustChangePassword: options.mustChangePassword ?? true, now: w.now });
    await replaceDistricts(w.db, id, districts);
    const created = await requireUser(w, id);
    await audit(w, { entity: "user", action: "create", entityId: id, before: null, after: { ...auditable(created), password: "set" } });
    return created;
  });
}

export async function updateUserAccount(ctx: Ctx, id: string, patch: UserUpdate): Promise<User> {
  return withWrite(ctx, async (w) => {
    const current = await requireUser(w, id);
    const next = {
      role: patch.role ?? current.role,
      districts: patch.districts ? [...new Set(patch.districts)].sort() : current.districts,
      organisation: patch.organisation !== undefined ? patch.organisation : current.organisation,
    };
    checkRoleShape(w, next.role, next.districts, next.organisation);
    const losesAdmin = current.role === "admin" && !current.disabled && (next.role !== "admin" || patch.disabled === true);
    if (losesAdmin && (await countActiveAdmins(w.db, id)) === 0) {
      throw fail.conflict("Das letzte aktive Administrationskonto kann nicht entzogen oder deaktiviert werden.");
    }
    const wanted = { ...auditable(current), ...next, ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}) };
    if (patch.disabled !== undefined) wanted.disabled = patch.disabled;
    const before = auditable(current);
    if (JSON.stringify(before) === JSON.stringify(wanted)) return current;
    await updateUserRow(w.db, id, patch, w.now);
    if (before.districts.join() !== wanted.districts.join()) await replaceDistricts(w.db, id, wanted.districts);
    // A disabled account or a changed role ends the person's open sessions at once.
    if (before.disabled !== wanted.disabled || before.role !== wanted.role) await endSessionsOf(w, id);
    const updated = await requireUser(w, id);
    await audit(w, { entity: "user", action: "update", entityId: id, before, after: auditable(updated) });
    return updated;
  });
}

export async function resetUserPassword(ctx: Ctx, id: string, newPassword: string): Promise<void> {
  // One's own password changes with the current one (Mein Konto), never by the reset that skips it.
  if (ctx.actor?.id === id) throw fail.conflict("Ihr eigenes Passwort ändern Sie unter „Mein Konto“ mit dem bisherigen Passwort.");
  await withWrite(ctx, async (w) => {
    await requireUser(w, id);
    await setPasswordFor(w, id, newPassword, true);
    await audit(w, { entity: "user", action: "password_reset", entityId: id, fields: ["password"] });
  });
}

const roleLabels: Record<User["role"], string> = {
  admin: "Administration",
  coordinator: "Koordination",
  counsellor: "Beratung",
  partner: "Netzwerkpartner",
};

/** The accounts in scope, filtered as in the list, as CSV; the export is recorded. */
export async function exportUsers(ctx: Ctx, query: UsersExportQuery): Promise<string> {
  const rows: (string | number | null)[][] = [];
  for (let page = 1; ; page++) {
    const result = await findUsers(ctx.db, ctx.scope, { ...query, page, pageSize: 500 });
    for (const u of result.items) {
      rows.push([
        u.displayName,
        u.email,
        roleLabels[u.role],
        u.districts.map((ags) => districtName(ags) ?? ags).join(", "),
        u.organisation,
        u.disabled ? "deaktiviert" : "aktiv",
        u.totpEnabled ? "ja" : "nein",
        germanDateTime(u.createdAt),
      ]);
    }
    if (result.items.length < 500) break;
  }
  await withWrite(ctx, (w) => audit(w, { entity: "user", action: "export", entityId: null, fields: Object.keys(query).sort() }));
  return toGermanCsv(["Name", "E-Mail-Adresse", "Rolle", "Kreise", "Organisation", "Status", "Zwei-Faktor", "Angelegt am"], rows);
}

export function listUsers(ctx: Ctx, query: UsersQuery): Promise<UserPage> {
  return findUsers(ctx.db, ctx.scope, query);
}

export function getUser(ctx: Ctx, id: string): Promise<User> {
  return requireUser(ctx, id);
}

/** Names for account ids the actor may see (the audit log shows names, not ids). */
export function userDisplayNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  return findDisplayNames(ctx.db, ctx.scope, [...new Set(ids)]);
}

/**
 * Whether an account may be named responsible for a company of district `ags`: an active
 * counsellor of that district or a coordinator. Anything else reads as "no", whether the account
 * exists or not. The lookup ignores the actor's scope on purpose: a counsellor may name a
 * coordinator (whom their scope does not list), and learns no more than "yes" for the staff of a
 * district they work in.
 */
export async function canBeResponsibleFor(ctx: Ctx, userId: string, ags: string | null): Promise<boolean> {
  const user = await findUserById(ctx.db, systemScope, userId);
  if (!user || user.disabled) return false;
  if (user.role === "coordinator") return true;
  return user.role === "counsellor" && ags !== null && user.districts.includes(ags);
}
