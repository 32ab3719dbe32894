import { describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../../tests/support/test-app.js";
import { consultationRequests, day, json, type Referral } from "./helpers.test-support.js";

const t = setupTestApp();
const { candidate, recordOk, followUps } = consultationRequests(t);

describe("consultations: following up on Heute", () => {
  it("a referral's follow-up appears once due, is overdue after its day, and leaves when the outcome is recorded", async () => {
    let halle = await t.signIn(demo.counsellorHalle);
    const id = await candidate(halle, "Mariam", "Nachhalt");
    const c = await recordOk(halle, {
      candidateId: id,
      kind: "referral",
      date: "2026-11-24",
      nextStep: "Lebenslauf mitbringen lassen",
      nextStepDue: "2026-11-26",
      referrals: [{ partnerType: "jobcenter", partnerName: "Jobcenter Halle (Saale)" }],
    });
    const referral = c.referrals[0] as Referral;
    expect(referral.followUpOn).toBe("2026-12-08");
    let mine = await followUps(halle);
    expect(mine.map((f) => f.id)).not.toContain(referral.id);
    expect(mine).toContainEqual({
      source: "consultation",
      id: c.id,
      title: "Lebenslauf mitbringen lassen",
      subject: "Mariam Nachhalt",
      due: "2026-11-26",
      overdue: false,
      href: `/jugendliche/${id}`,
    });
    // A week later (2026-12-01) the follow-up on 2026-12-08 is due within the week.
    t.clock.advance(7 * day);
    halle = await t.signIn(demo.counsellorHalle);
    mine = await followUps(halle);
    expect(mine).toContainEqual({
      source: "referral",
      id: referral.id,
      title: "Verweisung nachhalten: Jobcenter Halle (Saale)",
      subject: "Mariam Nachhalt",
      due: "2026-12-08",
      overdue: false,
      href: `/jugendliche/${id}`,
    });
    expect(mine.filter((f) => f.id === referral.id)).toHaveLength(1);
    expect(mine.find((f) => f.id === c.id)?.overdue).toBe(true);
    const coordinator = await followUps(await t.signIn(demo.coordinator));
    expect(coordinator.map((f) => f.id)).toContain(referral.id);
    const wittenberg = await followUps(await t.signIn(demo.counsellorWittenberg));
    expect(wittenberg.map((f) => f.subject)).not.toContain("Mariam Nachhalt");
    // On 2026-12-09 it is overdue, and the referral list says so too.
    t.clock.advance(8 * day);
    halle = await t.signIn(demo.counsellorHalle);
    expect((await followUps(halle)).find((f) => f.id === referral.id)?.overdue).toBe(true);
    const overdue = await json<{ items: Referral[] }>(t.request("GET", "/api/v1/referrals?due=overdue", { as: halle }));
    expect(overdue.items.map((r) => r.id)).toContain(referral.id);
    // The person arrived: recorded, off the Start page, on the timeline.
    const arrived = await t.request("PATCH", `/api/v1/referrals/${referral.id}`, {
      as: halle,
      body: { outcome: "arrived", outcomeNote: "Termin beim Jobcenter wahrgenommen" },
    });
    expect(arrived.status).toBe(200);
    expect((await json<Referral>(arrived)).outcomeRecordedAt).toBe(t.clock.now.toISOString());
    expect((await followUps(halle)).map((f) => f.id)).not.toContain(referral.id);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "changed_fields"])
      .where("entity", "=", "referral")
      .where("entity_id", "=", referral.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(audit[1]?.changed_fields).toEqual(["outcome", "outcomeNote", "outcomeRecordedAt"]);
    const timeline = await json<{ items: { kind: string; title: string; detail: string | null }[] }>(
      t.request("GET", `/api/v1/candidates/${id}/timeline`, { as: halle }),
    );
    const titles = timeline.items.map((e) => e.title);
    expect(titles).toContain("Verweisberatung: Jobcenter Halle (Saale)");
    expect(timeline.items).toContainEqual(
      expect.objectContaining({
        kind: "referral",
        title: "Verweisung angekommen",
        detail: "Jobcenter Halle (Saale) – Termin beim Jobcenter wahrgenommen",
      }),
    );
  });
});
