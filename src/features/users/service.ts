import type { Kysely } from "kysely";
import type { Database } from "../../db/types.js";
import { germanDateTime, toGermanCsv } from "../../lib/csv.js";
import { type Actor, districtScope, type RequestMeta } from "../../lib/http/actor.js";
import { problems } from "../../lib/http/problem.js";
import { hashPassword } from "../../lib/password.js";
import { recordAudit } from "../audit/service.js";
import { districtName } from "../geo/service.js";
import {
  countActiveAdmins,
  deleteSessionsOfUser,
  emailTaken,
  findUserById,
  findUsers,
  insertUser,
  replaceDistricts,
  setPasswordHash,
  updateUserRow,
} from "./repository.js";
import type { User, UserCreate, UserPage, UsersExportQuery, UsersQuery, UserUpdate } from "./schema.js";

type Db = Kysely<Database>;
type Who = { actor: Pick<Actor, "id" | "email"> | null; meta: RequestMeta | null };

/** A role's district rule: counsellors need at least one district, the others have none of their own. */
function checkRoleShape(role: User["role"], districts: string[], organisation: string | null, serviceRegion: string[]) {
  const errors: Record<string, string[]> = {};
  const outside = districts.filter((d) => !serviceRegion.includes(d));
  if (outside.length) errors.districts = [`Nicht in der Region des Servicepunkts: ${outside.join(", ")}`];
  if (role === "counsellor" && districts.length === 0) errors.districts = ["Beraterinnen und Berater brauchen mindestens einen Kreis"];
  if (role !== "counsellor" && districts.length > 0) errors.districts = ["Nur die Rolle Beratung wird Kreisen zugeordnet"];
  if (role === "partner" && !organisation) errors.organisation = ["Für Netzwerkpartner die Organisation angeben"];
  if (Object.keys(errors).length) throw problems.invalid(errors);
}

export async function createUserAccount(
  db: Db,
  who: Who,
  input: UserCreate,
  serviceRegion: string[],
  mustChangePassword = true,
): Promise<User> {
  const districts = [...new Set(input.districts)].sort();
  checkRoleShape(input.role, districts, input.organisation, serviceRegion);
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction().execute(async (trx) => {
    if (await emailTaken(trx, input.email)) {
      throw problems.invalid({ email: ["Diese E-Mail-Adresse ist bereits vergeben"] });
    }
    const userId = await insertUser(trx, { ...input, passwordHash, mustChangePassword });
    await replaceDistricts(trx, userId, districts);
    await recordAudit(trx, who, {
      entity: "user",
      entityId: userId,
      action: "create",
      changedFields: ["email", "displayName", "role", "districts", "organisation", "password"],
    });
    return userId;
  });
  return (await findUserById(db, { kind: "all" }, id)) as User;
}

export async function updateUserAccount(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  patch: UserUpdate,
  serviceRegion: string[],
): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const current = await findUserById(trx, { kind: "all" }, id);
    if (!current) throw problems.notFound("Das Benutzerkonto");
    const next = {
      role: patch.role ?? current.role,
      districts: patch.districts ? [...new Set(patch.districts)].sort() : current.districts,
      organisation: patch.organisation !== undefined ? patch.organisation : current.organisation,
    };
    checkRoleShape(next.role, next.districts, next.organisation, serviceRegion);
    const losesAdmin = current.role === "admin" && !current.disabled && (next.role !== "admin" || patch.disabled === true);
    if (losesAdmin && (await countActiveAdmins(trx, id)) === 0) {
      throw problems.conflict("Das letzte aktive Administrationskonto kann nicht entzogen oder deaktiviert werden.");
    }
    const changed: string[] = [];
    if (patch.displayName !== undefined && patch.displayName !== current.displayName) changed.push("displayName");
    if (patch.role !== undefined && patch.role !== current.role) changed.push("role");
    if (patch.organisation !== undefined && patch.organisation !== current.organisation) changed.push("organisation");
    if (patch.disabled !== undefined && patch.disabled !== current.disabled) changed.push("disabled");
    if (patch.districts && next.districts.join() !== current.districts.join()) changed.push("districts");
    if (changed.length === 0) return current;
    await updateUserRow(trx, id, patch, new Date());
    if (changed.includes("districts")) await replaceDistricts(trx, id, next.districts);
    // A disabled account or a changed role ends the person's open sessions at once.
    if (changed.includes("disabled") || changed.includes("role")) await deleteSessionsOfUser(trx, id);
    await recordAudit(trx, { actor, meta }, { entity: "user", entityId: id, action: "update", changedFields: changed });
    return (await findUserById(trx, { kind: "all" }, id)) as User;
  });
}

export async function resetUserPassword(db: Db, actor: Actor, meta: RequestMeta, id: string, newPassword: string): Promise<void> {
  const hash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    if (!(await findUserById(trx, { kind: "all" }, id))) throw problems.notFound("Das Benutzerkonto");
    await setPasswordHash(trx, id, hash, true);
    await deleteSessionsOfUser(trx, id);
    await recordAudit(trx, { actor, meta }, { entity: "user", entityId: id, action: "password_reset", changedFields: ["password"] });
  });
}

const roleLabels: Record<User["role"], string> = {
  admin: "Administration",
  coordinator: "Koordination",
  counsellor: "Beratung",
  partner: "Netzwerkpartner",
};

/** The accounts the actor may see, filtered as in the list, as CSV; the export is recorded. */
export async function exportUsers(db: Db, actor: Actor, meta: RequestMeta, query: UsersExportQuery): Promise<string> {
  const rows: (string | number | null)[][] = [];
  for (let page = 1; ; page++) {
    const result = await findUsers(db, districtScope(actor), { ...query, page, pageSize: 500 });
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
  await recordAudit(db, { actor, meta }, { entity: "user", entityId: null, action: "export", changedFields: Object.keys(query) });
  return toGermanCsv(["Name", "E-Mail-Adresse", "Rolle", "Kreise", "Organisation", "Status", "Zwei-Faktor", "Angelegt am"], rows);
}

export function listUsers(db: Db, actor: Actor, query: UsersQuery): Promise<UserPage> {
  return findUsers(db, districtScope(actor), query);
}

export async function getUser(db: Db, actor: Actor, id: string): Promise<User> {
  const user = await findUserById(db, districtScope(actor), id);
  if (!user) throw problems.notFound("Das Benutzerkonto");
  return user;
}
