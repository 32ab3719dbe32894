import { sql } from "kysely";
import type { Db } from "../../lib/context.js";
import type { Residence, ResidenceInput } from "./schema.js";

/** The residence section (high-risk data, DOMAIN.md): its own table, read only through these functions, each call audited by the service. */

const dateText = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
/**
 * The columns of the section, with the name of the company a permit is tied to (a fact of the
 * person's permit: shown to whoever may read the section, whichever district the company lies in).
 */
function residenceQuery(db: Db) {
  return db
    .selectFrom("candidate_residence as r")
    .leftJoin("company", "company.id", "r.tied_company_id")
    .select([
      "r.candidate_id",
      "r.status",
      "r.work_permission",
      dateText("r.valid_until").as("valid_until"),
      "r.safe_country_of_origin",
      "r.immigration_office",
      dateText("r.held_since").as("held_since"),
      "r.identity_clarified",
      "r.has_passport",
      "r.tied_company_id",
      "company.name as tied_company_name",
    ]);
}
type ResidenceRow = Awaited<ReturnType<ReturnType<typeof residenceQuery>["executeTakeFirstOrThrow"]>>;

function toResidence(r: ResidenceRow): Residence {
  return {
    status: r.status,
    workPermission: r.work_permission,
    validUntil: r.valid_until,
    safeCountryOfOrigin: r.safe_country_of_origin,
    immigrationOffice: r.immigration_office,
    heldSince: r.held_since,
    identityClarified: r.identity_clarified,
    hasPassport: r.has_passport,
    tiedCompanyId: r.tied_company_id,
    tiedCompanyName: r.tied_company_name ?? null,
  };
}

export async function findResidence(db: Db, candidateId: string): Promise<Residence | undefined> {
  const r = await residenceQuery(db).where("r.candidate_id", "=", candidateId).executeTakeFirst();
  return r ? toResidence(r) : undefined;
}

/** Residence sections of many candidates at once (exports by permitted users). */
export async function findResidences(db: Db, candidateIds: string[]): Promise<Map<string, Residence>> {
  const out = new Map<string, Residence>();
  if (!candidateIds.length) return out;
  const rows = await residenceQuery(db).where("r.candidate_id", "in", candidateIds).execute();
  for (const r of rows) out.set(r.candidate_id, toResidence(r));
  return out;
}

/** The whole section replaces the stored one: what the input leaves out is cleared (no, none). */
export async function saveResidence(db: Db, candidateId: string, input: ResidenceInput | null, now: Date): Promise<void> {
  if (!input) {
    await db.deleteFrom("candidate_residence").where("candidate_id", "=", candidateId).execute();
    return;
  }
  const values = {
    status: input.status,
    work_permission: input.workPermission,
    valid_until: input.validUntil ?? null,
    safe_country_of_origin: input.safeCountryOfOrigin ?? false,
    immigration_office: input.immigrationOffice ?? null,
    held_since: input.heldSince ?? null,
    identity_clarified: input.identityClarified ?? false,
    has_passport: input.hasPassport ?? false,
    tied_company_id: input.tiedCompanyId ?? null,
    updated_at: now,
  };
  await db
    .insertInto("candidate_residence")
    .values({ candidate_id: candidateId, ...values })
    .onConflict((oc) => oc.column("candidate_id").doUpdateSet(values))
    .execute();
}
