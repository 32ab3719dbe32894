import { sql } from "kysely";
import type { Db } from "../../lib/context.js";
import type { Residence, ResidenceInput } from "./schema.js";

/** The residence section (high-risk data, DOMAIN.md): its own table, read only through these functions, each call audited by the service. */

const dateText = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export async function findResidence(db: Db, candidateId: string): Promise<Residence | undefined> {
  const r = await db
    .selectFrom("candidate_residence")
    .select(["status", "work_permission", dateText("valid_until").as("valid_until"), "safe_country_of_origin", "immigration_office"])
    .where("candidate_id", "=", candidateId)
    .executeTakeFirst();
  return r
    ? {
        status: r.status,
        workPermission: r.work_permission,
        validUntil: r.valid_until,
        safeCountryOfOrigin: r.safe_country_of_origin,
        immigrationOffice: r.immigration_office,
      }
    : undefined;
}

/** Residence sections of many candidates at once (exports by permitted users). */
export async function findResidences(db: Db, candidateIds: string[]): Promise<Map<string, Residence>> {
  const out = new Map<string, Residence>();
  if (!candidateIds.length) return out;
  const rows = await db
    .selectFrom("candidate_residence")
    .select([
      "candidate_id",
      "status",
      "work_permission",
      dateText("valid_until").as("valid_until"),
      "safe_country_of_origin",
      "immigration_office",
    ])
    .where("candidate_id", "in", candidateIds)
    .execute();
  for (const r of rows) {
    out.set(r.candidate_id, {
      status: r.status,
      workPermission: r.work_permission,
      validUntil: r.valid_until,
      safeCountryOfOrigin: r.safe_country_of_origin,
      immigrationOffice: r.immigration_office,
    });
  }
  return out;
}

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
    updated_at: now,
  };
  await db
    .insertInto("candidate_residence")
    .values({ candidate_id: candidateId, ...values })
    .onConflict((oc) => oc.column("candidate_id").doUpdateSet(values))
    .execute();
}
