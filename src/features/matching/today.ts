import { berlinDate, berlinDatePlus } from "../../lib/berlin-date.js";
import type { Ctx } from "../../lib/context.js";
import { translate } from "../../lib/i18n/messages.js";
import { mayReadResidence } from "../candidates/service.js";
import type { TodayContribution } from "../today/service.js";
import { renderFlag } from "./render.js";
import { findOpenMatches } from "./repository.js";
import { currentSnapshot } from "./snapshot.js";

/** Days a company has to answer a proposal before the Start page asks to follow it up. */
export const proposalAnswerDays = 14;
const day = 86_400_000;

/**
 * The matching part of "Heute": proposals without an answer for two weeks (shown a week ahead, like other
 * follow-ups), and the legal steps of open matches due within two weeks or overdue (for roles that may see residence facts; the flag's own text).
 */
export const matchesToday: TodayContribution = async (ctx: Ctx) => {
  const today = berlinDate(ctx.now);
  const until = berlinDatePlus(ctx.now, 14);
  const soon = berlinDatePlus(ctx.now, 7);
  const matches = await findOpenMatches(ctx.db, ctx.scope, 500);
  const followUps = [];
  for (const m of matches) {
    if (m.stage !== "proposed") continue;
    const due = berlinDate(new Date(new Date(m.stage_changed_at).getTime() + proposalAnswerDays * day));
    if (due > soon) continue;
    followUps.push({
      source: "match" as const,
      id: m.id,
      title: translate(ctx.locale, { text: "Rückmeldung zum Vorschlag nachfassen: {company}", params: { company: m.company_name } }),
      subject: m.candidate_name,
      due,
      overdue: due < today,
      href: `/jugendliche/${m.candidate_id}`,
    });
  }
  if (mayReadResidence(ctx) && matches.length) {
    const snap = await currentSnapshot(ctx);
    for (const m of matches) {
      if (!snap.matcher.has.candidate(m.candidate_id) || !snap.matcher.has.offer(m.offer_id)) continue;
      for (const flag of snap.matcher.explainPair(m.candidate_id, m.offer_id).flags) {
        if (!flag.dueDate || flag.dueDate > until) continue;
        const shown = renderFlag(flag, ctx.locale);
        followUps.push({
          source: "match" as const,
          id: `${m.id}-${flag.code}`,
          title: shown.message,
          subject: `${m.candidate_name} · ${m.company_name}`,
          due: flag.dueDate,
          overdue: flag.dueDate < today,
          href: `/jugendliche/${m.candidate_id}`,
        });
      }
    }
  }
  return { followUps };
};
