import type { Updateable } from "kysely";
import type { ReferralTable } from "../../db/types.js";
import { audit } from "../../lib/audit.js";
import { berlinDate, berlinDatePlus } from "../../lib/berlin-date.js";
import { type Ctx, withWrite } from "../../lib/context.js";
import { fail } from "../../lib/errors.js";
import { findReferral, findReferrals, updateReferralRow } from "./referral-repository.js";
import type { Referral, ReferralListQuery, ReferralPage, ReferralUpdate } from "./schema.js";

/** Referrals to partners: the follow-up list and recording whether the young person arrived. */

export async function requireReferral(ctx: Ctx, id: string): Promise<Referral> {
  const referral = await findReferral(ctx.db, ctx.scope, id);
  if (!referral) throw fail.notFound("Die Verweisung");
  return referral;
}

export function listReferrals(ctx: Ctx, query: ReferralListQuery): Promise<ReferralPage> {
  return findReferrals(ctx.db, ctx.scope, query, berlinDate(ctx.now), berlinDatePlus(ctx.now, 7));
}

const auditable = (r: Referral) => {
  const { candidateName: _c, userName: _u, ...rest } = r;
  return rest;
};

/**
 * Records the outcome of a referral (and optionally a new follow-up date). Any outcome other than
 * `in_progress` is stamped with the time it was recorded; back to `in_progress` clears the stamp.
 */
export async function updateReferral(ctx: Ctx, id: string, input: ReferralUpdate): Promise<Referral> {
  return withWrite(ctx, async (w) => {
    const before = await requireReferral(w, id);
    if (input.followUpOn && input.followUpOn < before.referredOn) {
      throw fail.invalid({ followUpOn: ["Der Termin zum Nachhalten darf nicht vor der Verweisung liegen"] });
    }
    const row: Updateable<ReferralTable> = { outcome: input.outcome };
    if (input.outcomeNote !== undefined) row.outcome_note = input.outcomeNote;
    if (input.followUpOn) row.follow_up_on = input.followUpOn;
    if (input.outcome === "in_progress") row.outcome_recorded_at = null;
    else if (input.outcome !== before.outcome) row.outcome_recorded_at = w.now;
    await updateReferralRow(w.db, id, row);
    const after = await requireReferral(w, id);
    await audit(w, { entity: "referral", action: "update", entityId: id, before: auditable(before), after: auditable(after) });
    return after;
  });
}
