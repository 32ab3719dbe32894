import type { Ctx } from "../../lib/context.js";
import { eraseMatchTexts } from "./repository.js";

/**
 * Erasure and retention: the free texts of a person's matches (notes, stage notes) and their commute
 * checks go; stage, dates, reason codes and score stay for the figures. Call inside the privacy write.
 */
export async function eraseMatches(ctx: Ctx, candidateId: string): Promise<number> {
  if (!ctx.inWrite) throw new Error("eraseMatches outside withWrite");
  return eraseMatchTexts(ctx.db, candidateId);
}
