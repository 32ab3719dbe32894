import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../tests/support/test-app.js";
import { declinedBy, declineReasons, endReasons, matchStages } from "../features/matching/schema.js";
import { prepareNewDatabase } from "../server/prepare-database.js";
import { demoDistricts } from "./demo-region.js";
import { demoAccounts } from "./factories.js";

/** The whole demo seed as `npm start` writes it into a new database, read through SQL and the API. */
const t = setupTestApp({ demo: false });
const now = t.clock.now;

type Suggestions = { items: { offerId: string; score: number; flags: { code: string; dueDate?: string }[] }[]; legalFacts: boolean };
type Run = {
  status: string;
  result: { totalScore: number; assignmentCount: number; unassignedCount: number; placesFilled: number } | null;
};

describe("the demo matches and the demo region run", () => {
  const rows = <T>(query: ReturnType<typeof sql<T>>) => query.execute(t.db).then((r) => r.rows);

  beforeAll(async () => {
    await prepareNewDatabase(t.db, true, now);
  }, 180_000);

  it("has matches in every stage, across the districts, between consenting people and places of their wishes", async () => {
    const matches = await rows(sql<{ stage: string; candidate_ags: string; offer_ags: string; n: number }>`
      select stage, candidate_ags, offer_ags, count(*)::int as n from match group by 1, 2, 3`);
    const total = matches.reduce((s, m) => s + m.n, 0);
    expect(total).toBeGreaterThanOrEqual(120);
    expect(total).toBeLessThanOrEqual(200);
    for (const stage of matchStages)
      expect(
        matches.filter((m) => m.stage === stage).reduce((s, m) => s + m.n, 0),
        stage,
      ).toBeGreaterThan(0);
    const districts = new Set(matches.flatMap((m) => [m.candidate_ags.trim(), m.offer_ags.trim()]));
    expect(districts.size).toBeGreaterThanOrEqual(4);
    for (const d of districts) expect(demoDistricts.map((x) => x.ags as string)).toContain(d);
    // The districts are the person's and the place's; the person had a valid matching consent, wishes the occupation.
    expect(
      (
        await rows(sql<{
          n: number;
        }>`select count(*)::int as n from match m join candidate c on c.id = m.candidate_id join offer o on o.id = m.offer_id
        where m.candidate_ags is distinct from c.ags or m.offer_ags is distinct from o.ags or m.company_id <> o.company_id
           or m.score_units not between 0 and 10000
           or not exists (select 1 from consent k where k.candidate_id = c.id and 'matching' = any(k.purposes) and k.confirmed_at is not null)
           or not exists (select 1 from candidate_occupation w where w.candidate_id = c.id and w.occupation_id = o.occupation_id)`)
      )[0]?.n,
    ).toBe(0);
  });

  it("declined matches say by whom and why, early ends when and why; the others neither", async () => {
    const matches = await rows(
      sql<{
        stage: string;
        declined_by: string | null;
        declined_reason: string | null;
        ended_on: string | null;
        ended_reason: string | null;
        proposed_at: Date | null;
        stage_changed_at: Date;
      }>`select stage, declined_by, declined_reason, to_char(ended_on, 'YYYY-MM-DD') as ended_on, ended_reason, proposed_at, stage_changed_at from match`,
    );
    for (const m of matches) {
      if (m.stage === "declined") {
        expect(declinedBy).toContain(m.declined_by);
        expect(declineReasons).toContain(m.declined_reason);
      } else expect([m.declined_by, m.declined_reason]).toEqual([null, null]);
      if (m.stage === "ended_early") {
        expect(endReasons).toContain(m.ended_reason);
        expect(m.ended_on).toBe(new Date(m.stage_changed_at).toISOString().slice(0, 10));
      } else expect([m.ended_on, m.ended_reason]).toEqual([null, null]);
      const forward = matchStages.indexOf(m.stage as (typeof matchStages)[number]);
      if (forward >= 1 && forward <= 8) expect(m.proposed_at, m.stage).not.toBeNull();
      if (m.stage === "suggested") expect(m.proposed_at).toBeNull();
    }
    expect(new Set(matches.filter((m) => m.stage === "declined").map((m) => m.declined_by)).size).toBeGreaterThan(1);
  });

  it("keeps each match's history: from suggested, one step after the other, in the past, by the district's staff, ending in its stage", async () => {
    const history = await rows(sql<{
      match_id: string;
      stage: string;
      stage_changed_at: Date;
      created_at: Date;
      from_stage: string | null;
      to_stage: string;
      reason: string | null;
      at: Date;
      user_id: string | null;
      candidate_ags: string;
      declined_reason: string | null;
      ended_reason: string | null;
    }>`
      select m.id as match_id, m.stage, m.stage_changed_at, m.created_at, s.from_stage, s.to_stage, s.reason, s.at, s.user_id, m.candidate_ags,
             m.declined_reason, m.ended_reason
      from match m join match_stage_change s on s.match_id = m.id order by m.id, s.id`);
    const users = await rows(sql<{ id: string; email: string }>`select id, email from app_user`);
    const emailOf = new Map(users.map((u) => [u.id, u.email]));
    const staffOf = (ags: string) => [
      "koordination@demo.example",
      ...demoAccounts.filter((a) => a.districts?.includes(ags.trim())).map((a) => a.email),
    ];
    const byMatch = new Map<string, typeof history>();
    for (const h of history) byMatch.set(h.match_id, [...(byMatch.get(h.match_id) ?? []), h]);
    expect(byMatch.size).toBe(Number((await rows(sql<{ n: string }>`select count(*) as n from match`))[0]?.n));
    for (const steps of byMatch.values()) {
      const [first, last] = [steps[0], steps[steps.length - 1]];
      expect(first?.from_stage).toBeNull();
      expect(first?.to_stage).toBe("suggested");
      expect(new Date(first?.at ?? 0).getTime()).toBe(new Date(first?.created_at ?? 1).getTime());
      steps.forEach((s, i) => {
        if (i > 0) {
          expect(s.from_stage).toBe(steps[i - 1]?.to_stage);
          expect(new Date(s.at).getTime()).toBeGreaterThan(new Date(steps[i - 1]?.at ?? 0).getTime());
        }
        expect(new Date(s.at).getTime()).toBeLessThan(now.getTime());
        expect(staffOf(s.candidate_ags)).toContain(emailOf.get(s.user_id ?? ""));
      });
      expect(last?.to_stage).toBe(last?.stage);
      expect(new Date(last?.at ?? 0).getTime()).toBe(new Date(last?.stage_changed_at ?? 1).getTime());
      if (last?.stage === "declined") expect(last.reason).toBe(last.declined_reason);
      if (last?.stage === "ended_early") expect(last.reason).toBe(last.ended_reason);
      if (last?.stage === "completed") expect(steps[steps.length - 2]?.to_stage).toBe("started");
    }
  });

  it("places people with a contract; proposals went out under a consent naming the company, with the profile share recorded", async () => {
    const [wrong] = await rows(sql<{ placed: number; consent: number; share: number; taken: number }>`
      select
        (select count(*)::int from match m join candidate c on c.id = m.candidate_id
          where m.stage in ('contract', 'registered', 'started') and c.status <> 'placed') as placed,
        (select count(*)::int from match m where m.proposed_at is not null and not exists (
          select 1 from consent k join consent_recipient r on r.consent_id = k.id
          where k.candidate_id = m.candidate_id and r.company_id = m.company_id and 'share_with_company' = any(k.purposes)
            and k.confirmed_at <= m.proposed_at and k.withdrawn_at is null)) as consent,
        (select count(*)::int from match m where m.proposed_at is not null and not exists (
          select 1 from profile_share p where p.candidate_id = m.candidate_id and p.company_id = m.company_id and p.shared_at = m.proposed_at)) as share,
        (select count(*)::int from (select offer_id from match where stage in ('contract', 'registered', 'started') group by offer_id
          having count(*) > (select places from offer where id = offer_id)) x) as taken`);
    expect(wrong).toEqual({ placed: 0, consent: 0, share: 0, taken: 0 });
    // A training that started lies in the past; a placement that ended early left the person in counselling again.
    const [started] = await rows(sql<{ future: number; back: number }>`
      select (select count(*)::int from match m join offer o on o.id = m.offer_id where m.stage in ('started', 'completed') and o.start_date > ${now}::date) as future,
             (select count(*)::int from match m join candidate c on c.id = m.candidate_id where m.stage = 'ended_early' and c.status = 'placed') as back`);
    expect(started).toEqual({ future: 0, back: 0 });
  });

  it("has a finished region run whose total is the sum of its pairs, as the runs page shows it", async () => {
    const runs = await rows(sql<{
      id: string;
      mode: string;
      districts: string[] | null;
      total_units: string;
      assigned_count: number;
      email: string;
    }>`
      select r.id, r.mode, r.districts, r.total_units::text as total_units, r.assigned_count, u.email
      from matching_run r join app_user u on u.id = r.requested_by where r.finished_at is not null`);
    expect(runs).toHaveLength(1);
    const run = runs[0] as (typeof runs)[number];
    expect(run).toMatchObject({ mode: "optimal", districts: null, email: demo.coordinator });
    const [sums] = await rows(sql<{ units: string; assigned: number; unassigned: number; reasons: number }>`
      select coalesce(sum(score_units), 0)::text as units, count(offer_id)::int as assigned, count(*) filter (where offer_id is null)::int as unassigned,
             count(*) filter (where offer_id is null and reason like 'assignment.%')::int as reasons
      from matching_run_pair where run_id = ${run.id}::uuid`);
    expect(sums?.units).toBe(run.total_units);
    expect(sums?.assigned).toBe(run.assigned_count);
    expect(sums?.assigned).toBeGreaterThan(50);
    expect(sums?.unassigned).toBeGreaterThan(0);
    expect(sums?.reasons).toBe(sums?.unassigned);

    const as = await t.signIn(demo.coordinator);
    const res = await t.request("GET", `/api/v1/matching/runs/${run.id}?limit=5`, { as });
    expect(res.status).toBe(200);
    const shown = (await res.json()) as Run;
    expect(shown.status).toBe("done");
    expect(shown.result?.totalScore).toBe(Number(run.total_units) / 10_000);
    expect(shown.result?.assignmentCount).toBe(run.assigned_count);
  });

  it("shows each legal case among the demo people's suggestions, to a counsellor with residence rights", async () => {
    const people = await rows(sql<{ id: string; ags: string }>`
      select c.id, c.ags from candidate c where c.status in ('new', 'active')
        and exists (select 1 from consent k where k.candidate_id = c.id and 'matching' = any(k.purposes) and k.confirmed_at is not null and k.withdrawn_at is null)
      order by c.id`);
    const sessions = new Map<string, string>();
    for (const account of demoAccounts.filter((a) => a.role === "counsellor")) {
      const cookie = await t.signIn(account.email);
      for (const ags of account.districts ?? []) sessions.set(ags, cookie);
    }
    const seen = new Map<string, string>();
    for (const p of people) {
      const as = sessions.get(p.ags.trim());
      if (!as) continue;
      const res = await t.request("GET", `/api/v1/candidates/${p.id}/suggestions?limit=20`, { as });
      expect(res.status, await res.clone().text()).toBe(200);
      const s = (await res.json()) as Suggestions;
      expect(s.legalFacts).toBe(true);
      for (const item of s.items) for (const f of item.flags) if (!seen.has(f.code)) seen.set(f.code, p.id);
    }
    for (const code of [
      "legal.permit_apply_now",
      "legal.60c_window",
      "legal.permit_expires_before_start",
      "legal.safe_country",
      "legal.j1_check",
    ])
      expect([...seen.keys()], code).toContain(code);
  });

  it("gives a suggested match the score its suggestion shows (one number per pair)", async () => {
    const suggested = await rows(sql<{ candidate_id: string; offer_id: string; score_units: number }>`
      select m.candidate_id, m.offer_id, m.score_units from match m join candidate c on c.id = m.candidate_id
      where m.stage = 'suggested' and c.status = 'active' order by m.id limit 10`);
    expect(suggested.length).toBeGreaterThan(0);
    const as = await t.signIn(demo.admin);
    for (const m of suggested) {
      const res = await t.request("GET", `/api/v1/matching/explain?candidateId=${m.candidate_id}&offerId=${m.offer_id}`, { as });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(((await res.json()) as { score: number }).score).toBe(m.score_units / 10_000);
    }
  });
});
