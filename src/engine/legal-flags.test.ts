import { describe, expect, it } from "vitest";
import { candidate, offer } from "./fixtures.test-support.js";
import { createMatcher, SCORE_UNITS } from "./index.js";
import { monthsBefore } from "./rules.js";

const today = "2026-11-24";
const duldung = { status: "duldung", workPermission: "needs_approval" } as const;
const codes = (flags: { code: string }[] | undefined) => (flags ?? []).map((f) => f.code);

describe("legal facts are flags for the counsellor, as of the offer's start date", () => {
  it("§ 60c windows are calendar months: for a 1 August start, apply from 1 January, granted from 1 February (§ 60c Abs. 3 AufenthG)", () => {
    const m = createMatcher({
      today,
      offers: [offer("aug", "06108", "Koch/Köchin", { startDate: "2027-08-01" })],
      candidates: [
        candidate("d", "06108", ["Koch/Köchin"], { residence: { ...duldung, heldSince: "2026-01-10", identityClarified: true } }),
      ],
    });
    const flags = m.explainPair("d", "aug").flags;
    expect(flags.find((f) => f.code === "legal.60c_window")).toEqual({
      code: "legal.60c_window",
      dueDate: "2027-01-01",
      params: { applyFrom: "2027-01-01", grantFrom: "2027-02-01" },
    });
    // Duldung held since January 2026 and identity clarified: those two conditions are met, no flag.
    expect(codes(flags)).not.toContain("legal.60c_duldung_held");
    expect(codes(flags)).not.toContain("legal.60c_identity");
    expect(codes(flags)).toContain("legal.60c_chamber_registration");
    // § 16g is in force on the start date: offered as the alternative; no passport recorded.
    expect(codes(flags)).toContain("legal.16g_alternative_no_passport");
  });

  it("calendar months keep the day, or take the month's last day (31 August minus 6 months is 28 February)", () => {
    expect(monthsBefore("2027-08-01", 7)).toBe("2027-01-01");
    expect(monthsBefore("2027-08-31", 6)).toBe("2027-02-28");
    expect(monthsBefore("2028-08-31", 6)).toBe("2028-02-29");
    expect(monthsBefore("2027-03-15", 7)).toBe("2026-08-15");
  });

  it("the § 60c checklist flags what is not known to be met: Duldung too recent, identity unclear", () => {
    const m = createMatcher({
      today,
      offers: [offer("aug", "06108", "Koch/Köchin", { startDate: "2027-08-01" })],
      candidates: [candidate("d", "06108", ["Koch/Köchin"], { residence: { ...duldung, heldSince: "2026-11-15" } })],
    });
    const flags = m.explainPair("d", "aug").flags;
    // Held since 15.11.2026: three months are reached on 15.02.2027, after the window opens on 01.01.2027.
    expect(flags.find((f) => f.code === "legal.60c_duldung_held")).toEqual({
      code: "legal.60c_duldung_held",
      dueDate: "2027-02-15",
      params: { since: "2026-11-15", months: 3 },
    });
    expect(codes(flags)).toContain("legal.60c_identity");
  });

  it("an EQ does not qualify for § 60c: a flag, no window and no score penalty", () => {
    const m = createMatcher({
      today,
      offers: [offer("eq", "06108", "Koch/Köchin", { kind: "entry_qualification" }), offer("tr", "06108", "Koch/Köchin")],
      candidates: [
        candidate("d", "06108", ["Koch/Köchin"], { residence: { status: "duldung", workPermission: "allowed" } }),
        candidate("c", "06108", ["Koch/Köchin"]),
      ],
    });
    const eq = m.explainPair("d", "eq");
    expect(codes(eq.flags)).toContain("legal.eq_no_60c");
    expect(codes(eq.flags)).not.toContain("legal.60c_window");
    expect(eq.score).toBe(m.explainPair("c", "eq").score);
  });

  it("a Duldung ending before the start is a flag with its date, not a lower score", () => {
    const m = createMatcher({
      today,
      offers: [offer("o", "06108", "Koch/Köchin")],
      candidates: [
        candidate("ends", "06108", ["Koch/Köchin"], {
          residence: { status: "duldung", workPermission: "allowed", validUntil: "2027-02-28" },
        }),
        candidate("lasts", "06108", ["Koch/Köchin"], {
          residence: { status: "duldung", workPermission: "allowed", validUntil: "2029-12-31" },
        }),
      ],
    });
    const ends = m.explainPair("ends", "o");
    expect(ends.flags.find((f) => f.code === "legal.permit_expires_before_start")).toEqual({
      code: "legal.permit_expires_before_start",
      dueDate: "2027-02-28",
      params: { validUntil: "2027-02-28" },
    });
    expect(codes(m.explainPair("lasts", "o").flags)).not.toContain("legal.permit_expires_before_start");
    expect(ends.score).toBe(m.explainPair("lasts", "o").score);
  });

  it("rules apply as of the start date: § 16g (since 01.03.2024) is offered for a start after it, not before", () => {
    const m = createMatcher({
      today: "2023-10-01",
      offers: [
        offer("before", "06108", "Koch/Köchin", { startDate: "2024-02-01" }),
        offer("after", "06108", "Koch/Köchin", { startDate: "2024-08-01" }),
      ],
      candidates: [candidate("d", "06108", ["Koch/Köchin"], { availableFrom: "2023-10-01", residence: { ...duldung, hasPassport: true } })],
    });
    expect(codes(m.explainPair("d", "before").flags)).not.toContain("legal.16g_alternative");
    expect(codes(m.explainPair("d", "after").flags)).toContain("legal.16g_alternative");
  });

  it("a start already past is infeasible; a safe country of origin is a flag and the work note governs", () => {
    const m = createMatcher({
      today,
      offers: [offer("past", "06108", "Koch/Köchin", { startDate: "2026-11-01" }), offer("next", "06108", "Koch/Köchin")],
      candidates: [
        candidate("s", "06108", ["Koch/Köchin"], {
          residence: { status: "gestattung", workPermission: "allowed", safeCountryOfOrigin: true },
        }),
      ],
    });
    const past = m.explainPair("s", "past");
    expect(past.score).toBeNull();
    expect(past.reasons.filter((r) => r.code === "legal.start_passed")).toEqual([
      { criterion: "legal", code: "legal.start_passed", params: { startDate: "2026-11-01" } },
    ]);
    const next = m.explainPair("s", "next");
    expect(next.score).not.toBeNull();
    expect(codes(next.flags)).toEqual(["legal.safe_country"]);
  });

  it("minimum age 15, the J1 check for minors within 14 months before the start, and full-time schooling are flags", () => {
    const m = createMatcher({
      today,
      offers: [offer("o", "06108", "Koch/Köchin", { startDate: "2027-08-01" })],
      candidates: [
        candidate("young", "06108", ["Koch/Köchin"], { birthDate: "2012-09-01", schoolObligationUntil: "2027-08-31" }),
        candidate("minor", "06108", ["Koch/Köchin"], { birthDate: "2010-03-01", j1ExaminedOn: "2026-05-31" }),
        candidate("checked", "06108", ["Koch/Köchin"], { birthDate: "2010-03-01", j1ExaminedOn: "2026-06-01" }),
        candidate("adult", "06108", ["Koch/Köchin"], { birthDate: "2008-07-31" }),
      ],
    });
    const young = m.explainPair("young", "o");
    expect(young.flags.find((f) => f.code === "legal.min_age")).toEqual({ code: "legal.min_age", params: { age: 14, minAge: 15 } });
    expect(young.flags.find((f) => f.code === "legal.full_time_schooling")).toEqual({
      code: "legal.full_time_schooling",
      params: { until: "2027-08-31" },
    });
    expect(young.score).not.toBeNull();
    // 14 months before 01.08.2027 is 01.06.2026: an examination on 31.05.2026 is too early, on 01.06.2026 in time.
    expect(m.explainPair("minor", "o").flags.find((f) => f.code === "legal.j1_check")).toEqual({
      code: "legal.j1_check",
      dueDate: "2027-07-31",
      params: { from: "2026-06-01", age: 17 },
    });
    expect(codes(m.explainPair("checked", "o").flags)).not.toContain("legal.j1_check");
    expect(codes(m.explainPair("adult", "o").flags)).toEqual([]);
  });

  it("an Ausbildungsduldung or § 16g permit is tied to one company: a flag on any other company's place", () => {
    const m = createMatcher({
      today,
      offers: [
        offer("own", "06108", "Koch/Köchin", { companyId: "firma-a" }),
        offer("other", "06108", "Koch/Köchin", { companyId: "firma-b" }),
      ],
      candidates: [
        candidate("a", "06108", ["Koch/Köchin"], {
          residence: { status: "ausbildungsduldung", workPermission: "allowed", tiedCompanyId: "firma-a" },
        }),
      ],
    });
    expect(codes(m.explainPair("a", "own").flags)).not.toContain("legal.tied_to_company");
    expect(codes(m.explainPair("a", "other").flags)).toContain("legal.tied_to_company");
  });

  it("a commute checked by hand lifts the railway-station limit for that place only", () => {
    const options = {
      today,
      offers: [offer("far", "06917", "Tischler/-in"), offer("other", "06917", "Tischler/-in")],
      candidates: [candidate("c", "06925", ["Tischler/-in"], { hasCar: false, hasDrivingLicence: false, stationKm: 12 })],
    };
    const before = createMatcher(options);
    expect(before.explainPair("c", "far").reasons.map((r) => r.code)).toContain("commute.no_public_transport");
    const m = createMatcher({ ...options, commuteChecks: [{ candidateId: "c", offerId: "far" }] });
    const far = m.explainPair("c", "far");
    expect(far.score).not.toBeNull();
    expect(far.reasons.find((r) => r.criterion === "commute")?.code).toBe("commute.checked_by_hand");
    expect(m.suggestOffers("c", 5).items.map((i) => i.offerId)).toEqual(["far"]);
    m.update({ commuteChecks: [{ candidateId: "c", offerId: "far", checked: false }] });
    expect(m.suggestOffers("c", 5).items).toEqual([]);
  });

  it("one number per pair: suggestions both ways, explain, assignments, and the total as their exact sum", () => {
    const m = createMatcher({
      today,
      offers: [
        offer("o1", "06108", "Koch/Köchin", { places: 2 }),
        offer("o2", "06110", "Koch/Köchin", { requirements: { minGermanLevel: "B2" } }),
        offer("o3", "06120", "Tischler/-in"),
      ],
      candidates: [
        candidate("c1", "06108", ["Koch/Köchin"], { germanLevel: "A2" }),
        candidate("c2", "06112", ["Koch/Köchin", "Tischler/-in"], { maxCommuteKm: 23 }),
        candidate("c3", "06118", ["Tischler/-in"], { availableFrom: "2027-09-20" }),
        candidate("c4", "06122", ["Koch/Köchin"], { residence: duldung }),
      ],
    });
    const run = m.assign({ mode: "optimal" });
    expect(run.assignments.length).toBe(4);
    let units = 0;
    for (const a of run.assignments) {
      expect(Number.isInteger(a.score * SCORE_UNITS) || Math.abs(a.score * SCORE_UNITS - Math.round(a.score * SCORE_UNITS)) < 1e-9).toBe(
        true,
      );
      expect(m.explainPair(a.candidateId, a.offerId).score).toBe(a.score);
      expect(m.suggestOffers(a.candidateId, 10).items.find((i) => i.offerId === a.offerId)?.score).toBe(a.score);
      expect(m.suggestCandidates(a.offerId, 10).items.find((i) => i.candidateId === a.candidateId)?.score).toBe(a.score);
      units += Math.round(a.score * SCORE_UNITS);
    }
    expect(run.totalScore * SCORE_UNITS).toBe(units);
  });
});
