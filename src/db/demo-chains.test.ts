import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../tests/support/test-app.js";
import type { RunPage, Template, TemplatePage } from "../features/chains/schema.js";
import { prepareNewDatabase } from "../server/prepare-database.js";

/** The demo's process chains as `npm start` writes them into a new database, read through SQL and the API. */
const t = setupTestApp({ demo: false });
const now = t.clock.now;
const today = now.toISOString().slice(0, 10);

describe("the demo process chains", () => {
  const rows = <T>(query: ReturnType<typeof sql<T>>) => query.execute(t.db).then((r) => r.rows);

  beforeAll(async () => {
    await prepareNewDatabase(t.db, true, now);
  }, 240_000);

  it("a run for every match at contract or later whose place lies in Halle or the Saalekreis, none elsewhere", async () => {
    const [counts] = await rows(sql<{ eligible: number; runs: number; outside: number }>`
      select
        (select count(*)::int from match where stage in ('contract', 'registered', 'started', 'completed') and offer_ags in ('15002', '15088')) as eligible,
        (select count(*)::int from chain_run) as runs,
        (select count(*)::int from chain_run r join match m on m.id = r.match_id
          where m.stage not in ('contract', 'registered', 'started', 'completed') or r.offer_ags not in ('15002', '15088')) as outside`);
    expect(counts?.runs).toBeGreaterThanOrEqual(3);
    expect(counts?.runs).toBe(counts?.eligible);
    expect(counts?.outside).toBe(0);
  });

  it("some steps done, some due in the coming weeks, some overdue; done steps carry their day", async () => {
    const [s] = await rows(sql<{ done: number; due: number; overdue: number; bad: number }>`
      select
        count(*) filter (where status = 'done')::int as done,
        count(*) filter (where status in ('open', 'in_progress') and due_date >= ${today}::date)::int as due,
        count(*) filter (where status in ('open', 'in_progress') and due_date < ${today}::date)::int as overdue,
        count(*) filter (where (status = 'done') <> (completed_on is not null) or completed_on > ${today}::date)::int as bad
      from chain_run_step`);
    expect(s?.done).toBeGreaterThan(0);
    expect(s?.due).toBeGreaterThan(0);
    expect(s?.overdue).toBeGreaterThan(0);
    expect(s?.bad).toBe(0);
  });

  it("the Halle counsellor sees the runs and their due steps on Heute; Wittenberg's draft is half checked", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const page = (await (await t.request("GET", "/api/v1/chains/runs?limit=200", { as })).json()) as RunPage;
    expect(page.total).toBeGreaterThanOrEqual(3);
    const detail = await t.request("GET", `/api/v1/chains/runs/${page.items[0]?.id}`, { as });
    expect(detail.status).toBe(200);
    const todayPage = (await (await t.request("GET", "/api/v1/today", { as })).json()) as { followUps: { source: string }[] };
    expect(todayPage.followUps.some((f) => f.source === "chain")).toBe(true);

    const drafts = (await (await t.request("GET", "/api/v1/chains/templates?district=15091&status=draft", { as })).json()) as TemplatePage;
    const wittenberg = (await (await t.request("GET", `/api/v1/chains/templates/${drafts.items[0]?.id}`, { as })).json()) as Template;
    const marked = wittenberg.steps.filter((x) => x.toCheck.length).length;
    expect(marked).toBe(wittenberg.steps.length - Math.floor(wittenberg.steps.length / 2));
    expect(wittenberg.toCheckCount).toBeGreaterThan(0);
  });
});
