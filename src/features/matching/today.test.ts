import { describe, expect, it } from "vitest";
import { demo, setupTestApp } from "../../../tests/support/test-app.js";
import { json, matchingRequests } from "./helpers.test-support.js";

const t = setupTestApp();
const { ok, company, offer, person, residence } = matchingRequests(t);
type FollowUp = { source: string; title: string; subject: string; due: string; overdue: boolean; href: string };
const followUps = async (as: string, lang = "de") =>
  (await json<{ followUps: FollowUp[] }>(t.request("GET", "/api/v1/today", { as, headers: { "accept-language": lang } }))).followUps.filter(
    (f) => f.source === "match",
  );

describe("matches on the Start page", () => {
  it("the permit a match needs now is due today; a proposal without answer comes back after 14 days", async () => {
    const as = await t.signIn(demo.counsellorHalle);
    const firm = await company(as, "Hotel am Hallmarkt", "06108", "personal@hotel.example");
    const soon = await offer(as, firm, "Koch/Köchin", { startDate: "2026-12-15" });
    const later = await offer(as, firm, "Koch/Köchin", { startDate: "2027-08-01" });
    const id = await person(as, "06108", ["Koch/Köchin"], { firstName: "Omid", lastName: "Rahimi" }, [firm]);
    await residence(as, id, { status: "gestattung", workPermission: "needs_approval" });
    const first = await ok<{ id: string }>(t.request("POST", "/api/v1/matches", { as, body: { candidateId: id, offerId: soon } }), 201);
    await ok(t.request("POST", "/api/v1/matches", { as, body: { candidateId: id, offerId: later } }), 201);

    const permit = (await followUps(as)).filter((f) => f.subject === "Omid Rahimi · Hotel am Hallmarkt");
    // Only the place starting in three weeks needs the permission now (due 24.11.2026, the test's today).
    expect(permit).toEqual([
      {
        source: "match",
        id: expect.any(String),
        title: "Genehmigung der ABH sofort beantragen: bis zum Beginn bleiben 21 Tage, üblich sind 56.",
        subject: "Omid Rahimi · Hotel am Hallmarkt",
        due: "2026-11-24",
        overdue: false,
        href: `/jugendliche/${id}`,
      },
    ]);
    // A coordinator (no residence rights by default) does not see legal steps.
    const coordinator = await t.signIn(demo.coordinator);
    expect((await followUps(coordinator)).filter((f) => f.subject.startsWith("Omid Rahimi ·"))).toEqual([]);

    await ok(t.request("POST", `/api/v1/matches/${first.id}/proposal`, { as, body: {} }), 200);
    expect((await followUps(as)).filter((f) => f.subject === "Omid Rahimi")).toEqual([]);
    t.clock.advance(15 * 86_400_000);
    const again = await t.signIn(demo.counsellorHalle);
    const proposal = (await followUps(again, "en")).filter((f) => f.subject === "Omid Rahimi");
    expect(proposal).toEqual([
      expect.objectContaining({ title: "Follow up the proposal with Hotel am Hallmarkt", due: "2026-12-08", overdue: true }),
    ]);
  });
});
