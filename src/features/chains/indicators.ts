import { berlinDate } from "../../lib/berlin-date.js";
import type { Ctx } from "../../lib/context.js";
import { fail } from "../../lib/errors.js";
import { mayReadResidence } from "../candidates/service.js";
import { districtName } from "../geo/service.js";
import { daysBetween } from "./deadlines.js";
import { templateCounts } from "./repository.js";
import { runFigures } from "./run-report-repository.js";
import type { Indicators, IndicatorsQuery, StepCode } from "./schema.js";

/**
 * What the funder and the team want to see of the process chains (DOMAIN.md): templates per district
 * (published, drafts), runs started / finished / overdue (in the user's scope, started in the period), and the
 * median days per step: from the day the step could begin (the run's start, or the day the nearest earlier
 * step was done) to the day it was done.
 */

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const nameOf = (ags: string | null) => (ags ? (districtName(ags) ?? ags) : "Alle Kreise");

export async function chainIndicators(ctx: Ctx, q: IndicatorsQuery): Promise<Indicators> {
  if (q.from && q.to && q.to < q.from) throw fail.invalid({ to: ["Das Ende liegt vor dem Beginn"] });
  const today = berlinDate(ctx.now);
  const perDistrict = new Map<string | null, { published: number; draft: number; retired: number }>();
  for (const ags of ctx.config.serviceRegion) perDistrict.set(ags, { published: 0, draft: 0, retired: 0 });
  for (const row of await templateCounts(ctx.db)) {
    for (const ags of row.districts ?? [null]) {
      if (q.district && ags !== q.district && ags !== null) continue;
      const entry = perDistrict.get(ags) ?? { published: 0, draft: 0, retired: 0 };
      entry[row.status as "published" | "draft" | "retired"] += row.n;
      perDistrict.set(ags, entry);
    }
  }
  if (q.district) for (const key of [...perDistrict.keys()]) if (key !== q.district && key !== null) perDistrict.delete(key);

  const rows = await runFigures(ctx.db, ctx.scope, q, mayReadResidence(ctx));
  const runs = new Map<string, { ags: string | null; finished: boolean; overdue: boolean }>();
  const days = new Map<string, { code: StepCode | null; title: string; values: number[] }>();
  let previousDone: string | null = null;
  let currentRun = "";
  for (const r of rows) {
    if (r.run_id !== currentRun) {
      currentRun = r.run_id;
      previousDone = null;
    }
    const run = runs.get(r.run_id) ?? { ags: r.offer_ags, finished: r.finished_at !== null, overdue: false };
    if ((r.status === "open" || r.status === "in_progress") && r.due_date && r.due_date < today) run.overdue = true;
    runs.set(r.run_id, run);
    if (r.status === "done" && r.completed_on) {
      const key = r.code ?? r.title;
      const entry = days.get(key) ?? { code: r.code as StepCode | null, title: r.title, values: [] };
      entry.values.push(Math.max(0, daysBetween(previousDone ?? r.started_on, r.completed_on)));
      days.set(key, entry);
      previousDone = r.completed_on;
    }
  }
  const byDistrict = new Map<string | null, { started: number; finished: number; overdue: number }>();
  for (const run of runs.values()) {
    const entry = byDistrict.get(run.ags) ?? { started: 0, finished: 0, overdue: 0 };
    entry.started++;
    if (run.finished) entry.finished++;
    if (run.overdue) entry.overdue++;
    byDistrict.set(run.ags, entry);
  }
  const all = [...runs.values()];
  return {
    date: today,
    templates: [...perDistrict.entries()]
      .map(([district, c]) => ({ district, districtName: nameOf(district), ...c }))
      .sort((a, b) => (a.district === null ? 1 : b.district === null ? -1 : a.districtName.localeCompare(b.districtName, "de"))),
    runs: {
      started: all.length,
      finished: all.filter((r) => r.finished).length,
      overdue: all.filter((r) => r.overdue).length,
      active: all.filter((r) => !r.finished).length,
    },
    runsByDistrict: [...byDistrict.entries()]
      .map(([district, c]) => ({ district, districtName: nameOf(district), ...c }))
      .sort((a, b) => a.districtName.localeCompare(b.districtName, "de")),
    stepDays: [...days.values()].map((d) => ({ code: d.code, title: d.title, done: d.values.length, medianDays: median(d.values) })),
  };
}
