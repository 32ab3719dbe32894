import type { Db } from "../../lib/context.js";
import type { RegistrationLanguage } from "./schema.js";

export async function countRecentFromAddress(db: Db, ipHash: string, since: Date): Promise<number> {
  const r = await db
    .selectFrom("registration")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("ip_hash", "=", ipHash)
    .where("created_at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertRegistration(
  db: Db,
  r: { tokenHash: string; email: string; language: RegistrationLanguage; payload: unknown; ipHash: string; now: Date; expiresAt: Date },
): Promise<string> {
  const { id } = await db
    .insertInto("registration")
    .values({
      token_hash: r.tokenHash,
      email: r.email,
      language: r.language,
      payload: JSON.stringify(r.payload),
      ip_hash: r.ipHash,
      created_at: r.now,
      expires_at: r.expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function deleteRegistration(db: Db, id: string): Promise<void> {
  await db.deleteFrom("registration").where("id", "=", id).execute();
}

/** The waiting registration of a token, locked for the confirmation (two clicks make one candidate). */
export function findByToken(db: Db, tokenHash: string) {
  return db
    .selectFrom("registration")
    .select(["id", "email", "language", "payload", "expires_at", "confirmed_at", "candidate_id"])
    .where("token_hash", "=", tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markConfirmed(db: Db, id: string, candidateId: string, now: Date): Promise<void> {
  // The typed data is no longer needed once the candidate exists: only the link stays.
  await db
    .updateTable("registration")
    .set({ confirmed_at: now, candidate_id: candidateId, payload: "{}", email: "" })
    .where("id", "=", id)
    .execute();
}

/** Unconfirmed registrations past their time are deleted (nothing is kept of people who never confirmed). */
export async function deleteExpired(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom("registration").where("confirmed_at", "is", null).where("expires_at", "<", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteForCandidate(db: Db, candidateId: string): Promise<void> {
  await db.deleteFrom("registration").where("candidate_id", "=", candidateId).execute();
}
