import type { DemoChains } from "../../db/demo-chains.js";
import type { ResidenceStatus } from "./conditions.js";
import { under18On } from "./conditions.js";
import { stageDates } from "./run-facts.js";
import { insertPlannedRun, templateForPlace } from "./run-plan.js";

/**
 * The process chains for the demo seed (`seedDemoData` takes it; the database layer does not import the
 * features): a run is planned exactly as a counsellor's start plans it (run-plan.ts), on the day it starts.
 */
export const demoChains: DemoChains = {
  async startRun(db, m, { by, at }) {
    const template = await templateForPlace(db, m.offerAgs, m.start);
    if (!template) return null;
    const made = await insertPlannedRun(db, template, {
      match: { id: m.id, offerId: m.offerId, candidateAgs: m.candidateAgs, offerAgs: m.offerAgs, start: m.start, kind: m.kind },
      person: { residenceStatus: (m.residenceStatus as ResidenceStatus | null) ?? null, under18AtStart: under18On(m.birthDate, m.start) },
      language: m.language,
      stageDates: stageDates({
        createdAt: m.createdAt.toISOString(),
        history: m.history.map((h) => ({ to: h.to, at: h.at.toISOString() })),
      }),
      by,
      at,
    });
    if (!made) return null;
    const rows = await db
      .selectFrom("chain_run_step")
      .select(["id", "code"])
      .where("run_id", "=", made.runId)
      .orderBy("position")
      .execute();
    return { runId: made.runId, steps: rows.map((r, i) => ({ id: r.id, code: r.code, dueDate: made.dates[i]?.dueDate ?? null })) };
  },
};
