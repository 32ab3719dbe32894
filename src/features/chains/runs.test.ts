import { beforeAll, describe, expect, it } from "vitest";
import { demo, expectSameAsMissing, origin, setupTestApp } from "../../../tests/support/test-app.js";
import { chainRequests } from "./helpers.test-support.js";
import type { Indicators, Run, RunPage, Template } from "./schema.js";

/** The test's today is 24.11.2026 (tests/support/test-app.ts); dates below are written from the calendar. */
const t = setupTestApp();
const c = chainRequests(t);
beforeAll(async () => {
  await c.seed();
});

const step = (run: Run, code: string) => run.steps.find((s) => s.code === code);
const codes = (run: Run) => run.steps.map((s) => s.code);
const patch = (as: string, run: Run, stepId: string, body: unknown) =>
  t.request("PATCH", `/api/v1/chains/runs/${run.id}/steps/${stepId}`, { as, body });
type Problem = { detail: string; errors?: Record<string, string[]> };

describe("starting a run for a match", () => {
  it("Duldung, training from 1 August 2027 in Halle: the Halle chain, its Duldung steps and their dates; a second click finds the run", async () => {
    const as = await c.counsellorHalle();
    const { matchId } = await c.match(as, { company: "Hotel am Hallmarkt" });
    const run = await c.startRun(as, matchId);
    expect(run).toMatchObject({
      templateName: "Prozesskette Halle (Saale) und Saalekreis",
      templateVersion: 1,
      created: true,
      hiddenSteps: 0,
    });
    expect(codes(run)).toEqual([
      "company_authorisation",
      "requirements_profile",
      "candidate_search",
      "residence_check",
      "orientation_internship",
      "contract_registration",
      "work_permit",
      "ausbildungsduldung",
      "support_instruments",
      "during_training",
      "exam_preparation",
      "after_qualifying",
    ]);
    // The contract was reached today: the registration is due in 14 days, the residence check (reached on the way) in 7.
    expect(step(run, "residence_check")?.dueDate).toBe("2026-12-01");
    expect(step(run, "contract_registration")?.dueDate).toBe("2026-12-08");
    expect(step(run, "work_permit")?.dueDate).toBe("2027-06-06");
    const duldung = step(run, "ausbildungsduldung");
    expect(duldung).toMatchObject({ earliestDate: "2027-01-01", dueDate: "2027-06-06", status: "open" });
    expect(duldung?.dates.map((d) => d.date)).toEqual(["2027-01-01", "2027-02-01", "2027-06-06"]);
    expect(duldung?.warnings.map((w) => w.code)).toEqual(["window_not_open"]);
    expect(duldung?.warnings[0]?.action).toContain("den Antrag am 01.01.2027 bei der ABH stellen");
    // Koch/Köchin takes 36 months: the training ends on 31 July 2030.
    expect(step(run, "exam_preparation")?.earliestDate).toBe("2030-01-31");
    expect(step(run, "after_qualifying")?.dueDate).toBe("2030-04-30");

    const again = await c.startRun(as, matchId, 200);
    expect(again).toMatchObject({ id: run.id, created: false });
    const { total } = await c.ok<RunPage>(t.request("GET", `/api/v1/chains/runs?matchId=${matchId}`, { as }), 200);
    expect(total).toBe(1);
  });

  it("a citizen: no immigration-office steps at all", async () => {
    const as = await c.counsellorHalle();
    const { matchId } = await c.match(as, { residence: { status: "citizen", workPermission: "allowed" } });
    const run = await c.startRun(as, matchId);
    expect(run.steps.filter((s) => s.leadActor === "immigration_office")).toEqual([]);
    expect(codes(run)).not.toContain("residence_check");
    expect(codes(run)).not.toContain("work_permit");
    expect(run.steps).toHaveLength(8);
  });

  it("an EQ with a Duldung: the EQ step, and the Ausbildungsduldung flagged as not possible for an EQ, without dates", async () => {
    const as = await c.counsellorHalle();
    const { matchId } = await c.match(as, { kind: "entry_qualification", startDate: "2027-02-01", stage: "entry_qualification" });
    const run = await c.startRun(as, matchId);
    expect(step(run, "entry_qualification")?.dueDate).toBe("2027-01-04");
    const duldung = step(run, "ausbildungsduldung");
    expect(duldung?.dueDate).toBeNull();
    expect(duldung?.warnings.map((w) => [w.code, w.message])).toEqual([
      ["eq_no_60c", "Eine Einstiegsqualifizierung (EQ) begründet keine Ausbildungsduldung (§ 60c AufenthG)."],
    ]);
  });

  it("a start in three weeks with a Gestattung: the permission's date is past, shown as a warning with what to do", async () => {
    const as = await c.counsellorHalle();
    const { matchId } = await c.match(as, {
      startDate: "2026-12-15",
      residence: { status: "gestattung", workPermission: "needs_approval" },
    });
    const run = await c.startRun(as, matchId);
    const permit = step(run, "work_permit");
    expect(permit).toMatchObject({ dueDate: "2026-10-20", overdue: true });
    expect(permit?.warnings[0]).toEqual({
      code: "past_due",
      message: "Die Frist war der 20.10.2026: bis zum Beginn am 15.12.2026 bleiben nur noch 21 Tage.",
      action: "Sofort beantragen und um eine schnelle Entscheidung bitten; reicht die Zeit nicht, den Beginn mit dem Betrieb verschieben.",
    });
    const en = await c.ok<Run>(t.request("GET", `/api/v1/chains/runs/${run.id}`, { as, headers: { "accept-language": "en" } }), 200);
    expect(step(en, "work_permit")?.warnings[0]?.message).toBe(
      "The deadline was 20.10.2026: only 21 days are left until the start on 15.12.2026.",
    );
  });

  it("no status recorded: the residence steps stay, each with a warning", async () => {
    const as = await c.counsellorHalle();
    const { matchId } = await c.match(as, { residence: null });
    const run = await c.startRun(as, matchId);
    expect(step(run, "work_permit")?.warnings.map((w) => w.code)).toEqual(["residence_unknown"]);
  });

  it("a place in Wittenberg before Wittenberg has a published chain: 409 with what to do", async () => {
    const as = await t.signIn(demo.counsellorWittenberg);
    const { matchId } = await c.match(as, { postalCode: "06886" });
    const res = await t.request("POST", "/api/v1/chains/runs", { as, body: { matchId } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).detail).toBe(
      "Für Wittenberg gibt es keine veröffentlichte Prozesskette. Bitte zuerst eine Vorlage für diesen Kreis veröffentlichen (z. B. die von Halle übertragen).",
    );
  });

  it("a declined match, an unknown match, a malformed body", async () => {
    const as = await c.counsellorHalle();
    const { matchId } = await c.match(as, { stage: "suggested" });
    await c.ok(
      t.request("PATCH", `/api/v1/matches/${matchId}`, { as, body: { stage: "declined", declinedBy: "company", reason: "place_filled" } }),
      200,
    );
    const declined = await t.request("POST", "/api/v1/chains/runs", { as, body: { matchId } });
    expect(declined.status).toBe(409);
    const missing = await t.request("POST", "/api/v1/chains/runs", { as, body: { matchId: "00000000-0000-4000-8000-000000000000" } });
    expect(missing.status).toBe(404);
    const bad = await t.request("POST", "/api/v1/chains/runs", { as, body: { matchId: "x", extra: 1 } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as Problem).errors).toEqual({ matchId: ["Ungültige Kennung"], extra: ["Dieses Feld ist unbekannt"] });
  });
});

describe("runs stay on the version they started with", () => {
  it("a new version of the Halle chain without the internship step: the old run keeps it, a new run does not", async () => {
    const as = await c.counsellorHalle();
    const first = await c.startRun(as, (await c.match(as)).matchId);
    const coordinator = await t.signIn(demo.coordinator);
    const halle = await c.halle(coordinator);
    const { id } = await c.ok<{ id: string }>(t.request("POST", `/api/v1/chains/templates/${halle.id}/versions`, { as: coordinator }), 201);
    const draft = await c.template(coordinator, id);
    const steps = draft.steps.filter((s) => s.code !== "orientation_internship").map(({ position: _p, sourceStepId: _s, ...s }) => s);
    await c.ok(t.request("PATCH", `/api/v1/chains/templates/${id}`, { as: coordinator, body: { steps } }), 200);
    const v2 = await c.ok<Template>(t.request("POST", `/api/v1/chains/templates/${id}/publish`, { as: coordinator, body: {} }), 200);
    expect(v2).toMatchObject({ version: 2, status: "published", stepCount: 12 });

    const old = await c.ok<Run>(t.request("GET", `/api/v1/chains/runs/${first.id}`, { as }), 200);
    expect(old).toMatchObject({ templateId: halle.id, templateVersion: 1 });
    expect(codes(old)).toContain("orientation_internship");
    const second = await c.startRun(as, (await c.match(as)).matchId);
    expect(second).toMatchObject({ templateId: id, templateVersion: 2 });
    expect(codes(second)).not.toContain("orientation_internship");
    expect((await c.template(coordinator, halle.id)).status).toBe("retired");
  });
});

describe("ticking steps", () => {
  it("done with today's date, not needed only with a reason, no future days, only the person's own documents", async () => {
    const as = await c.counsellorHalle();
    const { matchId, candidateId } = await c.match(as);
    const run = await c.startRun(as, matchId);
    const check = step(run, "residence_check")?.id as string;
    const done = await c.ok<Run>(patch(as, run, check, { status: "done", note: "Duldung bis 03/2027 gesehen" }), 200);
    expect(step(done, "residence_check")).toMatchObject({
      status: "done",
      completedOn: "2026-11-24",
      note: "Duldung bis 03/2027 gesehen",
      changedBy: "Hanna Hallenser",
      warnings: [],
      overdue: false,
    });
    // (The Halle chain is at version 2 now, without the internship: the support step is the one not needed.)
    const internship = step(run, "support_instruments")?.id as string;
    const noReason = await t.request("PATCH", `/api/v1/chains/runs/${run.id}/steps/${internship}`, { as, body: { status: "not_needed" } });
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as Problem).errors?.reason).toEqual(["Bitte angeben, warum der Schritt nicht nötig ist"]);
    const skipped = await c.ok<Run>(patch(as, run, internship, { status: "not_needed", reason: "Direkt in die Ausbildung" }), 200);
    expect(step(skipped, "support_instruments")).toMatchObject({ status: "not_needed", reason: "Direkt in die Ausbildung" });
    const future = await t.request("PATCH", `/api/v1/chains/runs/${run.id}/steps/${check}`, {
      as,
      body: { status: "done", completedOn: "2026-12-01" },
    });
    expect(future.status).toBe(422);
    const foreign = await t.request("PATCH", `/api/v1/chains/runs/${run.id}/steps/${check}`, {
      as,
      body: { documentIds: ["00000000-0000-4000-8000-000000000000"] },
    });
    expect(foreign.status).toBe(422);

    const form = new FormData();
    form.set("kind", "certificate");
    form.set("file", new File([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], "duldung.pdf"));
    const uploaded = await t.app.request(`${origin}/api/v1/candidates/${candidateId}/documents`, {
      method: "POST",
      headers: { cookie: as, origin, "x-forwarded-for": "203.0.113.10" },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const document = (await uploaded.json()) as { id: string };
    const attached = await c.ok<Run>(patch(as, run, check, { documentIds: [document.id] }), 200);
    expect(step(attached, "residence_check")?.documentIds).toEqual([document.id]);
    // The same state again changes nothing (a second click), and the audit log has one entry per change.
    await c.ok(patch(as, run, check, { documentIds: [document.id] }), 200);
    const entries = await t.db
      .selectFrom("audit_log")
      .select("changed_fields")
      .where("entity", "=", "chain_run_step")
      .where("entity_id", "=", check)
      .execute();
    expect(entries.map((e) => e.changed_fields)).toEqual([["completedOn", "note", "status"], ["documentIds"]]);
    // Erasure (Art. 17 DSGVO, through the privacy API): notes, reasons and document links go; statuses and dates stay.
    const admin = await t.signIn(demo.admin);
    const person = await c.ok<{ firstName: string; lastName: string }>(
      t.request("GET", `/api/v1/candidates/${candidateId}`, { as: admin }),
      200,
    );
    await c.ok(
      t.request("POST", `/api/v1/candidates/${candidateId}/erase`, {
        as: admin,
        body: { confirmName: `${person.firstName} ${person.lastName}` },
      }),
      200,
    );
    const erased = await c.ok<Run>(t.request("GET", `/api/v1/chains/runs/${run.id}`, { as }), 200);
    expect(step(erased, "residence_check")).toMatchObject({ status: "done", completedOn: "2026-11-24", note: null, documentIds: [] });
    expect(step(erased, "support_instruments")).toMatchObject({ status: "not_needed", reason: "–" });
    const unknownStep = await t.request("PATCH", `/api/v1/chains/runs/${run.id}/steps/00000000-0000-4000-8000-000000000000`, {
      as,
      body: { status: "done" },
    });
    expect(unknownStep.status).toBe(404);
  });

  it("every step closed: the run is finished; reopened: it is not", async () => {
    const as = await c.counsellorHalle();
    const run = await c.startRun(as, (await c.match(as, { residence: { status: "citizen", workPermission: "allowed" } })).matchId);
    let last = run;
    for (const s of run.steps) last = await c.ok<Run>(patch(as, run, s.id, { status: "done" }), 200);
    expect(last.finishedAt).toBe("2026-11-24T09:00:00.000Z");
    const reopened = await c.ok<Run>(patch(as, run, run.steps[0]?.id as string, { status: "in_progress" }), 200);
    expect(reopened.finishedAt).toBeNull();
  });
});

describe("who sees a run", () => {
  it("a counsellor of Wittenberg gets for Halle's run what a missing run gives; coordination sees it without the residence steps", async () => {
    const as = await c.counsellorHalle();
    const run = await c.startRun(as, (await c.match(as, { company: "Geheimbetrieb Saale" })).matchId);
    const wittenberg = await t.signIn(demo.counsellorWittenberg);
    const outside = await t.request("GET", `/api/v1/chains/runs/${run.id}`, { as: wittenberg });
    const missing = await t.request("GET", "/api/v1/chains/runs/00000000-0000-4000-8000-000000000000", { as: wittenberg });
    expect(outside.status).toBe(404);
    await expectSameAsMissing(outside, missing);
    const list = await c.ok<RunPage>(t.request("GET", "/api/v1/chains/runs?limit=200", { as: wittenberg }), 200);
    expect(list.items.map((r) => r.companyName)).not.toContain("Geheimbetrieb Saale");
    expect((await patch(wittenberg, run, run.steps[0]?.id as string, { status: "done" })).status).toBe(404);

    const coordinator = await t.signIn(demo.coordinator);
    const seen = await c.ok<Run>(t.request("GET", `/api/v1/chains/runs/${run.id}`, { as: coordinator }), 200);
    expect(seen.hiddenSteps).toBe(4);
    expect(codes(seen)).not.toContain("ausbildungsduldung");
    const hidden = step(run, "ausbildungsduldung")?.id as string;
    expect((await patch(coordinator, run, hidden, { status: "done" })).status).toBe(404);
    const start = await t.request("POST", "/api/v1/chains/runs", { as: coordinator, body: { matchId: (await c.match(as)).matchId } });
    expect(start.status).toBe(403);
  });
});

describe("lists, Heute and indicators", () => {
  it("filters by district, template and overdue; due and overdue steps on Heute; figures per district", async () => {
    const as = await c.counsellorHalle();
    const late = await c.startRun(
      as,
      (
        await c.match(as, {
          startDate: "2026-12-15",
          company: "Spätstart GmbH",
          residence: { status: "gestattung", workPermission: "needs_approval" },
        })
      ).matchId,
    );
    const overdue = await c.ok<RunPage>(t.request("GET", "/api/v1/chains/runs?overdue=true&district=15002&limit=200", { as }), 200);
    expect(overdue.items.map((r) => r.id)).toContain(late.id);
    expect(overdue.items.find((r) => r.id === late.id)).toMatchObject({ overdueCount: 2, districtName: "Halle (Saale)" });
    const notOverdue = await c.ok<RunPage>(t.request("GET", "/api/v1/chains/runs?overdue=false&limit=200", { as }), 200);
    expect(notOverdue.items.map((r) => r.id)).not.toContain(late.id);
    const byTemplate = await c.ok<RunPage>(t.request("GET", `/api/v1/chains/runs?templateId=${late.templateId}&limit=200`, { as }), 200);
    expect(byTemplate.items.every((r) => r.templateId === late.templateId)).toBe(true);
    expect((await t.request("GET", "/api/v1/chains/runs?overdue=vielleicht", { as })).status).toBe(422);

    type FollowUp = { source: string; title: string; subject: string; due: string; overdue: boolean; href: string };
    const today = async (who: string) =>
      (await c.ok<{ followUps: FollowUp[] }>(t.request("GET", "/api/v1/today", { as: who }), 200)).followUps.filter(
        (f) => f.source === "chain" && f.subject.endsWith("Spätstart GmbH"),
      );
    expect((await today(as)).map((f) => [f.title, f.due, f.overdue, f.href])).toEqual([
      ["Erlaubnis der Ausländerbehörde für die Ausbildung", "2026-10-20", true, `/prozessketten/laeufe/${late.id}`],
      ["Förderung klären: AsA flex, Berufsausbildungsbeihilfe, Berufssprachkurs", "2026-11-17", true, `/prozessketten/laeufe/${late.id}`],
      ["Aufenthaltsstatus prüfen", "2026-12-01", false, `/prozessketten/laeufe/${late.id}`],
      ["Ausbildungsvertrag schließen und bei der Kammer eintragen lassen", "2026-12-08", false, `/prozessketten/laeufe/${late.id}`],
    ]);
    // Coordination (no residence rights by default) does not see the residence steps.
    expect((await today(await t.signIn(demo.coordinator))).map((f) => f.title)).toEqual([
      "Förderung klären: AsA flex, Berufsausbildungsbeihilfe, Berufssprachkurs",
      "Ausbildungsvertrag schließen und bei der Kammer eintragen lassen",
    ]);

    await c.ok(patch(as, late, step(late, "work_permit")?.id as string, { status: "done", completedOn: "2026-11-20" }), 200);
    const figures = await c.ok<Indicators>(t.request("GET", "/api/v1/chains/indicators", { as }), 200);
    expect(figures.runs.started).toBeGreaterThanOrEqual(1);
    expect(figures.runs.overdue).toBeGreaterThanOrEqual(1);
    expect(figures.templates.find((x) => x.district === "15091")).toMatchObject({ districtName: "Wittenberg", draft: 1 });
    const permit = figures.stepDays.find((d) => d.code === "work_permit");
    // Started today (24.11.), done on 20.11.: never negative days.
    expect(permit?.medianDays).toBe(0);
    const wittenberg = await c.ok<Indicators>(
      t.request("GET", "/api/v1/chains/indicators", { as: await t.signIn(demo.counsellorWittenberg) }),
      200,
    );
    expect(wittenberg.runs.started).toBe(0);
    const bad = await t.request("GET", "/api/v1/chains/indicators?from=2027-01-01&to=2026-01-01", { as });
    expect(bad.status).toBe(422);
  });
});
