import type { Ctx } from "../../lib/context.js";
import { eraseRunTexts } from "./run-report-repository.js";

/**
 * Erasure and retention: the free texts of a person's process-chain runs (step notes, reasons) and the links
 * to their documents go; statuses and dates stay for the figures. Call inside the privacy write, beside
 * `eraseMatches` (src/features/privacy/data-requests.ts).
 */
export async function eraseChainRuns(ctx: Ctx, candidateId: string): Promise<number> {
  if (!ctx.inWrite) throw new Error("eraseChainRuns outside withWrite");
  return eraseRunTexts(ctx.db, candidateId);
}
