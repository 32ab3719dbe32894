import { describe, expect, it } from "vitest";
import { demo, expectDenied, expectSameAsMissing, setupTestApp } from "../../../tests/support/test-app.js";
import { type Consultation, consultationRequests, json, missing, type Problem } from "./helpers.test-support.js";

const t = setupTestApp();
const { candidate, record, recordOk } = consultationRequests(t);

describe("consultations: recording counselling", () => {
  it("a first consultation with a referral: the young person becomes active, the referral is followed up after 14 days", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const id = await candidate(halle, "Amir", "Haddad");
    const created = await recordOk(halle, {
      candidateId: id,
      kind: "first",
      date: "2026-11-23",
      durationMinutes: 45,
      language: "Arabisch",
      interpreter: true,
      topics: ["occupation_choice", "residence_and_work_permit"],
      outcome: "Wunsch: Ausbildung im Handwerk",
      referrals: [{ partnerType: "jobcenter", partnerName: "Jobcenter Halle (Saale)", reason: "Leistungen klären" }],
    });
    expect(created).toMatchObject({ candidateName: "Amir Haddad", kind: "first", date: "2026-11-23", userName: "Hanna Hallenser" });
    expect(created.referrals).toHaveLength(1);
    expect(created.referrals[0]).toMatchObject({ outcome: "in_progress", referredOn: "2026-11-23", followUpOn: "2026-12-07" });
    const person = await json<{ status: string }>(t.request("GET", `/api/v1/candidates/${id}`, { as: halle }));
    expect(person.status).toBe("active");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["entity", "action", "entity_id"])
      .where("entity_id", "in", [id, created.id, created.referrals[0]?.id as string])
      .where("action", "in", ["create", "update"])
      .execute();
    expect(audit).toContainEqual({ entity: "consultation", action: "create", entity_id: created.id });
    expect(audit).toContainEqual({ entity: "referral", action: "create", entity_id: created.referrals[0]?.id });
    expect(audit).toContainEqual({ entity: "candidate", action: "update", entity_id: id });
    // The timeline tells it in German.
    const timeline = await json<{ items: { kind: string; title: string; detail: string | null }[] }>(
      t.request("GET", `/api/v1/candidates/${id}/timeline`, { as: halle }),
    );
    expect(timeline.items).toContainEqual(expect.objectContaining({ kind: "consultation", title: "Erstberatung" }));
  });

  it("a referral consultation needs a referral; the date is not in the future; strict input; nothing is stored", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const id = await candidate(halle, "Lina", "Petrenko");
    const noReferral = await record(halle, { candidateId: id, kind: "referral", date: "2026-11-24" });
    expect(noReferral.status).toBe(422);
    expect((await json<Problem>(noReferral)).errors.referrals).toEqual(["Eine Verweisberatung braucht mindestens eine Verweisung"]);
    const english = await record(halle, { candidateId: id, kind: "referral", date: "2026-11-24" }, { "accept-language": "en" });
    expect((await json<Problem>(english)).errors.referrals).toEqual(["A referral consultation needs at least one referral"]);
    const future = await record(halle, { candidateId: id, kind: "first", date: "2026-11-25" });
    expect(future.status).toBe(422);
    expect((await json<Problem>(future)).errors.date).toEqual(["Eine Beratung wird nach dem Termin erfasst"]);
    const unknown = await record(halle, { candidateId: id, kind: "first", date: "2026-11-24", mood: "gut" });
    expect(unknown.status).toBe(422);
    const bad = await record(halle, {
      candidateId: id,
      kind: "referral",
      date: "2026-11-20",
      durationMinutes: 0,
      nextStep: "Anrufen",
      referrals: [{ partnerType: "jobcenter", partnerName: "Jobcenter Halle (Saale)", followUpOn: "2026-11-19" }],
    });
    expect(bad.status).toBe(422);
    expect(Object.keys((await json<Problem>(bad)).errors).sort()).toEqual(["durationMinutes", "nextStepDue"]);
    const early = await record(halle, {
      candidateId: id,
      kind: "referral",
      date: "2026-11-20",
      referrals: [{ partnerType: "other", partnerName: "Tafel Halle", followUpOn: "2026-11-19" }],
    });
    expect((await json<Problem>(early)).errors["referrals.0.followUpOn"]).toEqual([
      "Der Termin zum Nachhalten darf nicht vor der Verweisung liegen",
    ]);
    const nul = await t.request("POST", "/api/v1/consultations", {
      as: halle,
      raw: `{"candidateId":"${id}","kind":"first","date":"2026-11-24","notes":"a\\u0000b"}`,
    });
    expect(nul.status).toBeGreaterThanOrEqual(400);
    expect(nul.status).toBeLessThan(500);
    const proto = await t.request("POST", "/api/v1/consultations", {
      as: halle,
      raw: `{"candidateId":"${id}","kind":"first","date":"2026-11-24","__proto__":{"admin":true}}`,
    });
    expect(proto.status).toBeGreaterThanOrEqual(400);
    expect(proto.status).toBeLessThan(500);
    const stored = await t.db.selectFrom("consultation").select("id").where("candidate_id", "=", id).execute();
    expect(stored).toEqual([]);
    const person = await json<{ status: string }>(t.request("GET", `/api/v1/candidates/${id}`, { as: halle }));
    expect(person.status).toBe("new");
  });

  it("changes and deletion are audited; a deleted consultation takes its referrals with it", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const id = await candidate(halle, "Omid", "Rezaei");
    const c = await recordOk(halle, {
      candidateId: id,
      kind: "referral",
      date: "2026-11-24",
      referrals: [{ partnerType: "recognition_counselling", partnerName: "IQ Anerkennungsberatung Halle" }],
    });
    const changed = await t.request("PATCH", `/api/v1/consultations/${c.id}`, {
      as: halle,
      body: { notes: "Zeugnis aus Iran liegt vor", nextStep: "Übersetzung besorgen", nextStepDue: "2026-11-30" },
    });
    expect(changed.status).toBe(200);
    const done = await t.request("PATCH", `/api/v1/consultations/${c.id}`, { as: halle, body: { nextStepDone: true } });
    expect((await json<{ nextStepDone: boolean }>(done)).nextStepDone).toBe(true);
    expect((await t.request("DELETE", `/api/v1/consultations/${c.id}`, { as: halle })).status).toBe(204);
    expect((await t.request("GET", `/api/v1/consultations/${c.id}`, { as: halle })).status).toBe(404);
    expect(await t.db.selectFrom("referral").select("id").where("candidate_id", "=", id).execute()).toEqual([]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["entity", "action", "changed_fields"])
      .where("entity_id", "in", [c.id, c.referrals[0]?.id as string])
      .orderBy("id")
      .execute();
    expect(audit.map((a) => `${a.entity}.${a.action}`)).toEqual([
      "consultation.create",
      "referral.create",
      "consultation.update",
      "consultation.update",
      "referral.delete",
      "consultation.delete",
    ]);
    expect(audit[2]?.changed_fields).toEqual(["nextStep", "nextStepDue", "notes"]);
  });
});

describe("consultations: lists", () => {
  it("newest first, paged by cursor, filtered by kind and name; one candidate's list for the timeline", async () => {
    const coordinator = await t.signIn(demo.coordinator);
    const id = await candidate(coordinator, "Fatima", "Listenreich");
    for (const date of ["2026-10-01", "2026-10-15", "2026-11-02"])
      await recordOk(coordinator, { candidateId: id, kind: "follow_up", date });
    const dates: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/consultations?candidateId=${id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await json<{ items: Consultation[]; nextCursor: string | null; total: number }>(
        t.request("GET", url, { as: coordinator }),
      );
      expect(page.total).toBe(3);
      dates.push(...page.items.map((c) => c.date));
      cursor = page.nextCursor;
    } while (cursor);
    expect(dates).toEqual(["2026-11-02", "2026-10-15", "2026-10-01"]);
    const byName = await json<{ total: number }>(t.request("GET", "/api/v1/consultations?q=listenreich", { as: coordinator }));
    expect(byName.total).toBe(3);
    const firsts = await json<{ total: number }>(
      t.request("GET", `/api/v1/consultations?candidateId=${id}&kind=first`, { as: coordinator }),
    );
    expect(firsts.total).toBe(0);
    const october = await json<{ total: number }>(
      t.request("GET", `/api/v1/consultations?candidateId=${id}&from=2026-10-01&to=2026-10-31`, { as: coordinator }),
    );
    expect(october.total).toBe(2);
    expect((await t.request("GET", "/api/v1/consultations?cursor=kaputt", { as: coordinator })).status).toBe(422);
    // A cursor of the right shape whose values are no dates is refused before it reaches SQL.
    const forged = (k: string) => Buffer.from(JSON.stringify({ k, id: missing })).toString("base64url");
    for (const url of [
      `/api/v1/consultations?cursor=${forged("2026-99-01|2026-11-24T09:00:00.000Z")}`,
      `/api/v1/consultations?cursor=${forged("2026-11-01|+275760-09-13T00:00:00.000Z")}`,
      `/api/v1/referrals?cursor=${forged("2026-02-30")}`,
      `/api/v1/referrals?cursor=${forged("2026-13-01")}`,
      `/api/v1/referrals?cursor=${forged("0000-01-01")}`,
    ]) {
      expect((await t.request("GET", url, { as: coordinator })).status, url).toBe(422);
    }
    const own = await json<{ items: Consultation[] }>(t.request("GET", `/api/v1/candidates/${id}/consultations`, { as: coordinator }));
    expect(own.items.map((c) => c.date)).toEqual(["2026-11-02", "2026-10-15", "2026-10-01"]);
  });
});

describe("consultations: scope", () => {
  it("the Wittenberg counsellor gets 404 like a missing record and sees nothing in lists; partners get 403", async () => {
    const halle = await t.signIn(demo.counsellorHalle);
    const id = await candidate(halle, "Yusuf", "Geheimhalter");
    const c = await recordOk(halle, {
      candidateId: id,
      kind: "referral",
      date: "2026-11-24",
      notes: "Vertrauliche Notiz",
      referrals: [{ partnerType: "youth_migration_service", partnerName: "JMD Halle" }],
    });
    const referralId = c.referrals[0]?.id as string;
    const wittenberg = await t.signIn(demo.counsellorWittenberg);
    for (const [method, path, body] of [
      ["GET", `/api/v1/consultations/{id}`, undefined],
      ["PATCH", `/api/v1/consultations/{id}`, { notes: "x" }],
      ["DELETE", `/api/v1/consultations/{id}`, undefined],
    ] as const) {
      await expectSameAsMissing(
        await t.request(method, path.replace("{id}", c.id), { as: wittenberg, body }),
        await t.request(method, path.replace("{id}", missing), { as: wittenberg, body }),
      );
    }
    await expectSameAsMissing(
      await t.request("PATCH", `/api/v1/referrals/${referralId}`, { as: wittenberg, body: { outcome: "arrived" } }),
      await t.request("PATCH", `/api/v1/referrals/${missing}`, { as: wittenberg, body: { outcome: "arrived" } }),
    );
    await expectSameAsMissing(
      await t.request("GET", `/api/v1/candidates/${id}/consultations`, { as: wittenberg }),
      await t.request("GET", `/api/v1/candidates/${missing}/consultations`, { as: wittenberg }),
    );
    expect((await record(wittenberg, { candidateId: id, kind: "first", date: "2026-11-24" })).status).toBe(404);
    const list = await t.request("GET", `/api/v1/consultations?candidateId=${id}`, { as: wittenberg });
    expect(await json<{ total: number }>(list.clone())).toMatchObject({ total: 0 });
    expect(await (await t.request("GET", "/api/v1/consultations?district=15002", { as: wittenberg })).text()).not.toContain("Geheimhalter");
    expect(await (await t.request("GET", "/api/v1/referrals", { as: wittenberg })).text()).not.toContain("Geheimhalter");
    const partner = await t.signIn(demo.partner);
    await expectDenied(await t.request("GET", "/api/v1/consultations", { as: partner }), { status: [403], secrets: ["Geheimhalter"] });
    await expectDenied(await t.request("GET", `/api/v1/consultations/${c.id}`, { as: partner }), {
      status: [403],
      secrets: ["Geheimhalter"],
    });
    await expectDenied(await t.request("GET", "/api/v1/referrals", { as: partner }), { status: [403], secrets: ["JMD Halle"] });
    await expectDenied(await record(partner, { candidateId: id, kind: "first", date: "2026-11-24" }), { status: [403] });
  });
});
