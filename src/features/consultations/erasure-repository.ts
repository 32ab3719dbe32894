import type { Db } from "../../lib/context.js";

export async function eraseCounsellingTexts(db: Db, candidateId: string): Promise<{ consultations: number; referrals: number }> {
  const c = await db
    .updateTable("consultation")
    .set({ notes: null, outcome: null, next_step: null, next_step_due: null, language: null })
    .where("candidate_id", "=", candidateId)
    .executeTakeFirst();
  const r = await db
    .updateTable("referral")
    .set({ reason: null, outcome_note: null })
    .where("candidate_id", "=", candidateId)
    .executeTakeFirst();
  return { consultations: Number(c.numUpdatedRows), referrals: Number(r.numUpdatedRows) };
}
