import { describe, expect, it } from "vitest";
import { translate } from "../../lib/i18n/messages.js";
import { selectStep, under18On } from "./conditions.js";
import { computeRunDates, computeStepDates, type DeadlineStep, type RunFacts } from "./deadlines.js";
import type { DeadlineRule } from "./schema.js";
import { defaultSteps } from "./seed-texts.js";

/** Expected dates are written from the law and the calendar, never computed by the code under test. */

const facts = (over: Partial<RunFacts> = {}): RunFacts => ({
  runStart: "2026-11-24",
  trainingStart: "2027-08-01",
  trainingEnd: "2030-07-31",
  placeKind: "training",
  stageDates: {},
  today: "2026-11-24",
  ...over,
});
const seeded = (code: string): DeadlineStep => {
  const s = defaultSteps.find((x) => x.code === code);
  if (!s) throw new Error(code);
  return {
    code: s.code ?? null,
    deadlines: s.deadlines ?? [],
    status: "open",
    completedOn: null,
    legalBasis: s.legalBasis,
    legalValidFrom: s.legalValidFrom,
  };
};
const rule = (r: Partial<DeadlineRule>): DeadlineRule => ({
  anchor: "training_start",
  amount: 1,
  unit: "days",
  direction: "before",
  kind: "at_latest",
  ...r,
});
const de = (m: Parameters<typeof translate>[1]) => translate("de", m);

describe("§ 60c Ausbildungsduldung: calendar months before the start", () => {
  it("1 August 2027 start → apply from 1 January 2027, granted from 1 February 2027; application due by 6 June 2027 (8 weeks)", () => {
    const d = computeStepDates(seeded("ausbildungsduldung"), facts({ today: "2027-01-15" }));
    expect(d.dates).toEqual([
      { kind: "no_earlier_than", label: "Antrag frühestens", date: "2027-01-01" },
      { kind: "no_earlier_than", label: "Erteilung frühestens", date: "2027-02-01" },
      { kind: "at_latest", label: "Antrag spätestens (Praxis der ABH)", date: "2027-06-06" },
    ]);
    expect(d.earliestDate).toBe("2027-01-01");
    expect(d.dueDate).toBe("2027-06-06");
    expect(d.warnings).toEqual([]);
  });

  it("a start on 31 August: 7 months before is 31 January, 6 months before is the last day of February", () => {
    const d = computeStepDates(seeded("ausbildungsduldung"), facts({ trainingStart: "2027-08-31" }));
    expect(d.dates.map((x) => x.date)).toEqual(["2027-01-31", "2027-02-28", "2027-07-06"]);
  });

  it("before the window opens: a warning naming both days and what to do now, not a silent date", () => {
    const d = computeStepDates(seeded("ausbildungsduldung"), facts());
    expect(d.warnings.map((w) => [w.code, de(w.message), de(w.action)])).toEqual([
      [
        "window_not_open",
        "Die Ausbildungsduldung kann erst ab 01.01.2027 beantragt und ab 01.02.2027 erteilt werden (§ 60c Abs. 3 AufenthG, Kalendermonate).",
        "Bis dahin die Unterlagen sammeln (Duldung seit 3 Monaten, Identität geklärt, Eintragung des Vertrags beantragt) und den Antrag am 01.01.2027 bei der ABH stellen.",
      ],
    ]);
    expect(translate("en", d.warnings[0]?.message ?? "")).toBe(
      "The Ausbildungsduldung can be applied for from 01.01.2027 and granted from 01.02.2027 (§ 60c(3) Residence Act, calendar months).",
    );
  });

  it("an EQ does not qualify: no § 60c dates, and a warning with what to do instead", () => {
    const d = computeStepDates(seeded("ausbildungsduldung"), facts({ placeKind: "entry_qualification" }));
    expect(d.dates).toEqual([]);
    expect(d.dueDate).toBeNull();
    expect(d.warnings.map((w) => [w.code, de(w.message)])).toEqual([
      ["eq_no_60c", "Eine Einstiegsqualifizierung (EQ) begründet keine Ausbildungsduldung (§ 60c AufenthG)."],
    ]);
    expect(de(d.warnings[0]?.action ?? "")).toContain("für den anschließenden Ausbildungsvertrag");
  });
});

describe("ABH permission: at least 8 weeks before the start", () => {
  it("a 1 August 2027 start: due 6 June 2027, no warning in November 2026", () => {
    const d = computeStepDates(seeded("work_permit"), facts());
    expect(d.dueDate).toBe("2027-06-06");
    expect(d.warnings).toEqual([]);
  });

  it("a start in three weeks: the due date (20 October) is past → a warning with the days left and what to do", () => {
    const d = computeStepDates(seeded("work_permit"), facts({ trainingStart: "2026-12-15" }));
    expect(d.dueDate).toBe("2026-10-20");
    expect(d.warnings.map((w) => w.code)).toEqual(["past_due"]);
    expect(de(d.warnings[0]?.message ?? "")).toBe("Die Frist war der 20.10.2026: bis zum Beginn am 15.12.2026 bleiben nur noch 21 Tage.");
    expect(de(d.warnings[0]?.action ?? "")).toMatch(/^Sofort beantragen/);
  });

  it("a step already done has no warning, however late", () => {
    const d = computeStepDates(
      { ...seeded("work_permit"), status: "done", completedOn: "2026-11-20" },
      facts({ trainingStart: "2026-12-15" }),
    );
    expect(d.warnings).toEqual([]);
  });
});

describe("other anchors", () => {
  it("a match stage: 14 days after the contract; before the contract the date is pending, with a warning", () => {
    const step = seeded("contract_registration");
    expect(computeStepDates(step, facts({ stageDates: { contract: "2027-03-10" } })).dueDate).toBe("2027-03-24");
    const pending = computeStepDates(step, facts());
    expect(pending.dueDate).toBeNull();
    expect(pending.warnings.map((w) => [w.code, de(w.message)])).toEqual([
      ["anchor_pending", "Die Frist beginnt, sobald das Match die Stufe „Vertrag“ erreicht."],
    ]);
  });

  it("the previous step: the first counts from the run's start, the next from the day the previous one was done", () => {
    const weekAfter = rule({ anchor: "previous_step", amount: 1, unit: "weeks", direction: "after" });
    const steps: DeadlineStep[] = [
      { code: null, deadlines: [weekAfter], status: "done", completedOn: "2026-12-03" },
      { code: null, deadlines: [], status: "not_needed", completedOn: null },
      { code: null, deadlines: [weekAfter], status: "open", completedOn: null },
      { code: null, deadlines: [weekAfter], status: "open", completedOn: null },
    ];
    const d = computeRunDates(steps, facts());
    expect(d.map((x) => x.dueDate)).toEqual(["2026-12-01", null, "2026-12-10", null]);
    expect(d[3]?.warnings.map((w) => de(w.message))).toEqual(["Die Frist beginnt, wenn der vorige Schritt erledigt ist."]);
  });

  it("the training end: exam preparation from 6 calendar months before, the residence permit at the latest 3 months before", () => {
    expect(computeStepDates(seeded("exam_preparation"), facts()).earliestDate).toBe("2030-01-31");
    expect(computeStepDates(seeded("after_qualifying"), facts()).dueDate).toBe("2030-04-30");
  });

  it("the EQ subsidy 4 weeks before the EQ start; a rule not in force at the start is a warning", () => {
    const eq = computeStepDates(seeded("entry_qualification"), facts({ trainingStart: "2027-02-01", placeKind: "entry_qualification" }));
    expect(eq.dueDate).toBe("2027-01-04");
    const before = computeStepDates(seeded("entry_qualification"), facts({ trainingStart: "2024-02-01", today: "2023-11-01" }));
    expect(before.warnings.map((w) => [w.code, de(w.message)])).toEqual([
      ["rule_not_valid", "Die Rechtsgrundlage (§ 54a SGB III; § 26 BBiG) gilt am Beginn (01.02.2024) nicht."],
    ]);
  });
});

describe("which steps apply", () => {
  const steps = defaultSteps.map((s) => ({
    code: s.code,
    leadActor: s.leadActor,
    conditions: {
      residenceStatuses: s.conditions?.residenceStatuses ?? null,
      placeKinds: s.conditions?.placeKinds ?? null,
      under18: s.conditions?.under18 ?? null,
    },
  }));
  const kept = (residenceStatus: Parameters<typeof selectStep>[1]["residenceStatus"], placeKind = "training" as const) =>
    steps.filter((s) => selectStep(s, { residenceStatus, placeKind, under18AtStart: false }).applies).map((s) => s.code);

  it("a citizen: no immigration-office steps, no residence check", () => {
    expect(kept("citizen")).toEqual([
      "company_authorisation",
      "requirements_profile",
      "candidate_search",
      "orientation_internship",
      "contract_registration",
      "support_instruments",
      "during_training",
      "exam_preparation",
    ]);
  });

  it("a Duldung: the permission, the Ausbildungsduldung and the permit after qualifying", () => {
    expect(kept("duldung")).toEqual([
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
    expect(kept("duldung", "entry_qualification" as never)).toContain("entry_qualification");
  });

  it("a residence permit that allows work: the check, but no permission step", () => {
    expect(kept("permit_work_allowed")).not.toContain("work_permit");
    expect(kept("permit_work_allowed")).toContain("residence_check");
  });

  it("an unrecorded status keeps the residence steps, marked unchecked; an immigration-office step without conditions too", () => {
    const sel = selectStep(
      { leadActor: "immigration_office", conditions: { residenceStatuses: null, placeKinds: null, under18: null } },
      {
        residenceStatus: null,
        placeKind: "training",
        under18AtStart: true,
      },
    );
    expect(sel).toEqual({ applies: true, unchecked: ["residence"], residenceBound: true });
    expect(kept(null)).toContain("ausbildungsduldung");
  });

  it("under 18 at the start: by the birthday, not the year", () => {
    expect(under18On("2009-08-02", "2027-08-01")).toBe(true);
    expect(under18On("2009-08-01", "2027-08-01")).toBe(false);
    expect(under18On(null, "2027-08-01")).toBeNull();
    const minorsOnly = { leadActor: "company" as const, conditions: { residenceStatuses: null, placeKinds: null, under18: true } };
    expect(selectStep(minorsOnly, { residenceStatus: "citizen", placeKind: "training", under18AtStart: false }).applies).toBe(false);
    expect(selectStep(minorsOnly, { residenceStatus: "citizen", placeKind: "training", under18AtStart: null })).toEqual({
      applies: true,
      unchecked: ["age"],
      residenceBound: false,
    });
  });
});
