import type { Ctx } from "../../lib/context.js";
import { eraseCounsellingTexts } from "./erasure-repository.js";
import type { Consultation } from "./schema.js";
import { candidateConsultations } from "./service.js";

/** Everything recorded about one person's counselling (for the Art. 15 export). */
export function consultationsOfCandidate(ctx: Ctx, candidateId: string): Promise<Consultation[]> {
  return candidateConsultations(ctx, candidateId);
}

/**
 * Erasure and retention: the free texts of a person's counselling go (notes, outcomes, next steps,
 * reasons); kind, date, duration, topics, partner type and outcome code stay for the figures.
 * Call inside the privacy feature's write.
 */
export async function eraseCounselling(ctx: Ctx, candidateId: string): Promise<{ consultations: number; referrals: number }> {
  if (!ctx.inWrite) throw new Error("eraseCounselling outside withWrite");
  return eraseCounsellingTexts(ctx.db, candidateId);
}
