import { type Kysely, sql } from "kysely";
import { DAY, isoDay } from "./demo-people.js";
import type { DemoStaff } from "./demo-region.js";
import { Rand } from "./demo-support.js";
import type { Database, MatchStage } from "./types.js";

/**
 * The demo's process chains: a run for each demo match at `contract` or later whose place lies in a district
 * with a published chain (the seeded one of Halle and the Saalekreis), started by the person's counsellor the day
 * after the contract; most steps whose date has passed are done, some are left open (overdue), the coming ones
 * are open or in progress. And the seeded draft for Wittenberg half checked, as after a counsellor's first pass.
 * Deterministic: a seeded generator, every date an offset from `now`.
 */

/** A demo match as the features layer needs it to start a run (this layer does not import the features). */
export type DemoChainMatch = {
  id: string;
  offerId: string;
  candidateAgs: string | null;
  offerAgs: string | null;
  start: string;
  kind: "training" | "entry_qualification" | "internship";
  residenceStatus: string | null;
  birthDate: string | null;
  language: "de" | "en" | "ar" | "uk" | "fa";
  createdAt: Date;
  history: { to: string; at: Date }[];
};

export type DemoChains = {
  /** Starts the run as the service does (template of the place's district, conditions, dates); null without a published template. */
  startRun(
    db: Kysely<Database>,
    match: DemoChainMatch,
    options: { by: string | null; at: Date },
  ): Promise<{ runId: string; steps: { id: string; code: string | null; dueDate: string | null }[] } | null>;
};

export type ChainSeedCounts = { runs: number; done: number; open: number; overdue: number; variantChecked: number };

const laterStages: MatchStage[] = ["contract", "registered", "started", "completed"];
const earlySteps = new Set(["company_authorisation", "requirements_profile", "candidate_search"]);

export async function insertDemoChains(
  db: Kysely<Database>,
  options: { now: Date; staff: DemoStaff; chains: DemoChains; seed?: number },
): Promise<ChainSeedCounts> {
  const rng = new Rand(options.seed ?? 1010);
  const today = isoDay(options.now.getTime());
  const matches = await db
    .selectFrom("match as m")
    .innerJoin("offer as o", "o.id", "m.offer_id")
    .innerJoin("candidate as c", "c.id", "m.candidate_id")
    .leftJoin("candidate_residence as r", "r.candidate_id", "m.candidate_id")
    .select([
      "m.id",
      "m.offer_id",
      "m.candidate_ags",
      "m.offer_ags",
      "m.created_at",
      sql<string>`to_char(o.start_date, 'YYYY-MM-DD')`.as("start"),
      "o.kind",
      "r.status as residence_status",
      sql<string | null>`to_char(c.birth_date, 'YYYY-MM-DD')`.as("birth_date"),
      "c.preferred_language",
    ])
    .where("m.stage", "in", laterStages)
    .orderBy("m.id")
    .execute();
  const history = await db
    .selectFrom("match_stage_change")
    .select(["match_id", "to_stage", "at"])
    .where(
      "match_id",
      "in",
      matches.map((m) => m.id),
    )
    .orderBy("at")
    .execute();
  const counts: ChainSeedCounts = { runs: 0, done: 0, open: 0, overdue: 0, variantChecked: 0 };
  for (const m of matches) {
    const own = history.filter((h) => h.match_id === m.id).map((h) => ({ to: h.to_stage, at: new Date(h.at) }));
    const contract = own.find((h) => (laterStages as readonly string[]).includes(h.to))?.at ?? new Date(m.created_at);
    const startedAt = new Date(Math.min(contract.getTime() + DAY + rng.int(0, 4) * 3_600_000, options.now.getTime()));
    const by = (m.candidate_ags && options.staff.counsellorOf[m.candidate_ags]) || options.staff.coordinator;
    const made = await options.chains.startRun(
      db,
      {
        id: m.id,
        offerId: m.offer_id,
        candidateAgs: m.candidate_ags,
        offerAgs: m.offer_ags,
        start: m.start,
        kind: m.kind,
        residenceStatus: m.residence_status ?? null,
        birthDate: m.birth_date,
        language: m.preferred_language,
        createdAt: new Date(m.created_at),
        history: own,
      },
      { by, at: startedAt },
    );
    if (!made) continue;
    counts.runs++;
    const startDay = isoDay(startedAt.getTime());
    let allDone = true;
    for (const step of made.steps) {
      let status: "open" | "in_progress" | "done" = "open";
      let completedOn: string | null = null;
      if (step.dueDate === null ? earlySteps.has(step.code ?? "") : step.dueDate < today && rng.chance(0.8)) {
        status = "done";
        const target = step.dueDate ?? startDay;
        const day = isoDay(Date.parse(`${target}T12:00:00Z`) - rng.int(0, 10) * DAY);
        completedOn = day > today ? today : day < startDay && step.dueDate === null ? startDay : day;
      } else if (step.dueDate !== null && step.dueDate >= today && rng.chance(0.3)) status = "in_progress";
      if (status === "done") counts.done++;
      else {
        allDone = false;
        counts.open++;
        if (step.dueDate !== null && step.dueDate < today) counts.overdue++;
      }
      if (status === "open") continue;
      await db
        .updateTable("chain_run_step")
        .set({
          status,
          completed_on: completedOn,
          changed_by: by,
          changed_at: new Date(Math.min(Date.parse(`${completedOn ?? today}T10:00:00Z`), options.now.getTime())),
        })
        .where("id", "=", step.id)
        .execute();
    }
    if (allDone) await db.updateTable("chain_run").set({ finished_at: options.now }).where("id", "=", made.runId).execute();
  }
  counts.variantChecked = await halfCheckVariant(db, "district-variant-15091", options.now);
  return counts;
}

/** The first half of a seeded district draft's marked steps counts as checked (marks cleared). */
async function halfCheckVariant(db: Kysely<Database>, seedKey: string, now: Date): Promise<number> {
  const template = await db.selectFrom("chain_template").select("id").where("seed_key", "=", seedKey).executeTakeFirst();
  if (!template) return 0;
  const marked = await db
    .selectFrom("chain_step")
    .select("id")
    .where("template_id", "=", template.id)
    .where(sql<boolean>`cardinality(to_check) > 0`)
    .orderBy("position")
    .execute();
  const half = marked.slice(0, Math.floor(marked.length / 2)).map((s) => s.id);
  if (half.length) await db.updateTable("chain_step").set({ to_check: [] }).where("id", "in", half).execute();
  await db.updateTable("chain_template").set({ updated_at: now }).where("id", "=", template.id).execute();
  return half.length;
}
