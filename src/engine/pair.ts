import { cefrNames, distanceKm, isoDay, residenceStatus, schoolNames, workPermission } from "./encode.js";
import { monthsBefore, type Rules } from "./rules.js";
import { type CandidateColumns, CandidateColumns as Candidates, noDay, type OfferColumns } from "./snapshot.js";
import { type Flag, type Reason, SCORE_UNITS, type Weights } from "./types.js";

export type PairContext = {
  offers: OfferColumns;
  candidates: CandidateColumns;
  /** Rule sets by index; an offer carries the index of the set valid on its start date. */
  ruleSets: Rules[];
  weights: Weights;
  weightSum: number;
  today: number;
  /** Whether a counsellor checked this pair's commute by hand (asked only when a commute limit is hit). */
  commuteChecked: (c: number, o: number) => boolean;
};

/**
 * Occupation fit by level: none, same Berufsbereich, Hauptgruppe, Berufsgruppe, same occupation
 * (before the small penalty per wish rank). The top-k search derives its upper bounds from it.
 */
export const occupationLevelScore = [0, 0.2, 0.45, 0.7, 1] as const;

/** Commute fit from nearness (1 at the door, 0 at the reach) and access to a station (0..1). */
export function commuteScore(near: number, transit: number, mobile: boolean): number {
  return mobile ? 0.85 * near + 0.15 * transit : 0.65 * near + 0.35 * transit;
}

/** The score of an infeasible pair. Feasible pairs score in [0, 1]. */
export const INFEASIBLE = -1;

const forbidden = workPermission.forbidden;
const needsApproval = workPermission.needs_approval;
const gestattung = residenceStatus.gestattung;
const duldung = residenceStatus.duldung;
const tiedStatuses = new Set([residenceStatus.ausbildungsduldung, residenceStatus.permit_16g]);
const training = 0;
const entryQualification = 1;
const rankPenalty = 0.04;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
/** The one rounding of a pair's score: every view (both directions, explain, runs) shows this number. */
export const quantise = (raw: number) => Math.round(raw * SCORE_UNITS) / SCORE_UNITS;

/**
 * Scores one candidate–offer pair: the same function from both sides, so a pair's score is the
 * same whichever side asks, quantised here and nowhere else. With `reasons` null it allocates nothing
 * (the hot loop); with an array it also explains every criterion, and with `flags` it lists the legal
 * steps for the counsellor. Inputs never include nationality, origin, religion, sex or disability; the
 * birth date is read for the legal minimums only (age 15, J1 check under 18), never scored.
 */
export function evaluatePair(ctx: PairContext, c: number, o: number, reasons: Reason[] | null, flags: Flag[] | null = null): number {
  const { offers: O, candidates: C, weights: W } = ctx;
  const R = ctx.ruleSets[O.ruleSet.data[o] as number] as Rules;
  let feasible = true;
  const start = O.startDay.data[o] as number;
  const daysLeft = start - ctx.today;
  const work = C.work.data[c] as number;

  // Legal hard limits: only the recorded work note "forbidden" and a start already past.
  if (work === forbidden) {
    if (!reasons) return INFEASIBLE;
    feasible = false;
    reasons.push({ criterion: "legal", code: "legal.work_ban" });
  }
  if (daysLeft < 0) {
    if (!reasons) return INFEASIBLE;
    feasible = false;
    reasons.push({ criterion: "legal", code: "legal.start_passed", params: { startDate: isoDay(start) } });
  }

  // Occupation: the best of the ranked wishes.
  const w = Candidates.maxWishes;
  const wishes = C.wishCount.data[c] as number;
  const occ = O.occ.data[o] as number;
  const k1 = O.k1.data[o] as number;
  const k2 = O.k2.data[o] as number;
  const k3 = O.k3.data[o] as number;
  let occupation = 0;
  let level = 0; // 4 same occupation, 3 same Berufsgruppe, 2 Hauptgruppe, 1 Bereich
  let rank = 0;
  for (let r = 0; r < wishes; r++) {
    const at = c * w + r;
    let l = 0;
    if (C.wishOcc.data[at] === occ) {
      l = 4;
    } else if (k3 >= 0 && C.wishK3.data[at] === k3) {
      l = 3;
    } else if (k2 >= 0 && C.wishK2.data[at] === k2) {
      l = 2;
    } else if (k1 >= 0 && C.wishK1.data[at] === k1) {
      l = 1;
    }
    const s = l > 0 ? Math.max(0.05, (occupationLevelScore[l] as number) - rankPenalty * r) : 0;
    if (s > occupation) {
      occupation = s;
      level = l;
      rank = r;
    }
  }
  if (level < 4 && C.open.data[c] === 0) {
    if (!reasons) return INFEASIBLE;
    feasible = false;
    reasons.push({ criterion: "occupation", code: "occupation.outside_wishes" });
  } else if (level === 0) {
    if (!reasons) return INFEASIBLE;
    feasible = false;
    reasons.push({ criterion: "occupation", code: "occupation.unrelated_field" });
  } else if (reasons) {
    const codes = ["", "occupation.same_area", "occupation.same_main_group", "occupation.same_group", "occupation.same"];
    reasons.push({ criterion: "occupation", score: round(occupation, 3), code: codes[level] as string, params: { wishRank: rank + 1 } });
  }

  // Commute (public transport: railway stations only; a counsellor may have checked the way by hand).
  const d = distanceKm(C.lat.data[c] as number, C.lon.data[c] as number, O.lat.data[o] as number, O.lon.data[o] as number);
  const mobile = C.car.data[c] === 1 && C.licence.data[c] === 1;
  const maxKm = C.maxKm.data[c] as number;
  const cStation = C.stationKm.data[c] as number;
  const oStation = O.stationKm.data[o] as number;
  const transitMax = R.maxStationKm;
  const km = round(d);
  let limit: Reason | null = null;
  if (!mobile && d > R.maxCommuteWithoutCarKm) {
    limit = { criterion: "commute", code: "commute.too_far_without_car", params: { km, maxKm: Math.min(maxKm, R.maxCommuteWithoutCarKm) } };
  } else if (d > maxKm) {
    limit = { criterion: "commute", code: "commute.beyond_max", params: { km, maxKm } };
  } else if (!mobile && d > 2 * transitMax && (cStation > transitMax || oStation > transitMax)) {
    limit = {
      criterion: "commute",
      code: "commute.no_public_transport",
      params: { candidateStationKm: round(cStation), offerStationKm: round(oStation), maxStationKm: transitMax },
    };
  }
  const checked = limit !== null && ctx.commuteChecked(c, o);
  if (limit && !checked) {
    if (!reasons) return INFEASIBLE;
    feasible = false;
    reasons.push(limit);
  }
  const reach = mobile ? maxKm : Math.min(maxKm, R.maxCommuteWithoutCarKm);
  const near = reach > 0 ? Math.max(0, 1 - d / reach) : 0;
  const transit = checked ? 1 : Math.max(0, 1 - Math.max(cStation, oStation) / (2 * transitMax));
  const commute = commuteScore(near, transit, mobile);
  if (reasons && feasible) {
    reasons.push({
      criterion: "commute",
      score: round(commute, 3),
      code: checked ? "commute.checked_by_hand" : mobile ? "commute.by_car" : "commute.public_transport",
      params: { km, stationKm: round(Math.max(cStation, oStation)) },
    });
  }

  // Requirements the company set.
  if (O.licence.data[o] === 1 && C.licence.data[c] === 0) {
    if (!reasons) return INFEASIBLE;
    feasible = false;
    reasons.push({ criterion: "requirements", code: "requirements.driving_licence_missing" });
  }

  // German (CEFR) against the requirement, with the gap a course can close before the start.
  const needGerman = O.minGerman.data[o] as number;
  const hasGerman = C.german.data[c] as number;
  let german = 1;
  if (needGerman >= 0 && hasGerman < needGerman) {
    const gap = needGerman - hasGerman;
    const monthsLeft = Math.max(0, daysLeft) / 30.44;
    const closable = Math.floor(monthsLeft / R.languageMonthsPerLevel);
    german = gap <= closable ? Math.max(0.3, 0.7 - 0.2 * (gap - 1)) : 0;
    if (reasons) {
      reasons.push({
        criterion: "german",
        score: german,
        code: gap <= closable ? "german.gap_closable" : "german.gap_too_large",
        params: {
          level: cefrNames[hasGerman] as string,
          required: cefrNames[needGerman] as string,
          monthsNeeded: gap * R.languageMonthsPerLevel,
          monthsLeft: round(monthsLeft),
        },
      });
    }
  } else if (reasons) {
    reasons.push({ criterion: "german", score: 1, code: "german.meets", params: { level: cefrNames[hasGerman] as string } });
  }

  // School certificate.
  const needSchool = O.minSchool.data[o] as number;
  const hasSchool = C.school.data[c] as number;
  const schoolScore = needSchool < 0 || hasSchool >= needSchool ? 1 : needSchool - hasSchool === 1 ? 0.5 : 0.15;
  if (reasons) {
    reasons.push({
      criterion: "school",
      score: schoolScore,
      code: schoolScore === 1 ? "school.meets" : "school.below",
      params: { have: schoolNames[hasSchool] as string, required: needSchool < 0 ? "none" : (schoolNames[needSchool] as string) },
    });
  }

  // Start against availability.
  const late = (C.availableDay.data[c] as number) - start;
  const startScore = late <= 0 ? 1 : Math.max(0, 1 - late / R.lateStartToleranceDays);
  if (reasons) {
    reasons.push(
      late <= 0
        ? { criterion: "start", score: 1, code: "start.available" }
        : { criterion: "start", score: round(startScore, 3), code: "start.late", params: { days: late } },
    );
  }

  // Lead time of the ABH's permission: a lower score when short, never a refusal.
  let legal = 1;
  if (work === needsApproval) {
    legal = Math.max(0, Math.min(1, 0.5 + (daysLeft - R.permitLeadDays) / 120));
    if (reasons && feasible) {
      reasons.push({
        criterion: "legal",
        score: round(legal, 3),
        code: daysLeft < R.permitLeadDays ? "legal.permit_lead_short" : "legal.permit_needed",
        params: { applyBy: isoDay(Math.max(ctx.today, start - R.permitLeadDays)), daysLeft, neededDays: R.permitLeadDays },
      });
    }
  }
  if (flags && feasible) legalFlags(ctx, R, c, o, flags);

  if (!feasible) return INFEASIBLE;
  return quantise(
    (W.occupation * occupation +
      W.commute * commute +
      W.german * german +
      W.school * schoolScore +
      W.start * startScore +
      W.legal * legal) /
      ctx.weightSum,
  );
}

/** Whole years between two days (ISO strings compare month-day by text). */
function ageOn(birthDay: number, day: number): number {
  const b = isoDay(birthDay);
  const d = isoDay(day);
  return Number(d.slice(0, 4)) - Number(b.slice(0, 4)) - (d.slice(5) < b.slice(5) ? 1 : 0);
}

/** The legal steps and facts of a pair, as of the offer's start date: information with due dates. */
function legalFlags(ctx: PairContext, R: Rules, c: number, o: number, flags: Flag[]): void {
  const { offers: O, candidates: C } = ctx;
  const start = O.startDay.data[o] as number;
  const startIso = isoDay(start);
  const daysLeft = start - ctx.today;
  const status = C.status.data[c] as number;
  const work = C.work.data[c] as number;
  const kind = O.kind.data[o] as number;
  const today = isoDay(ctx.today);

  if (work === needsApproval && daysLeft < R.permitLeadDays) {
    flags.push({ code: "legal.permit_apply_now", dueDate: today, params: { daysLeft, neededDays: R.permitLeadDays } });
  }
  if (C.safeCountry.data[c] === 1 && (status === gestattung || status === duldung)) {
    flags.push({ code: "legal.safe_country" });
  }
  if (status === duldung && kind === entryQualification) flags.push({ code: "legal.eq_no_60c" });
  if (status === duldung && kind === training) {
    const applyFrom = monthsBefore(startIso, R.ausbildungsduldungApplyMonths);
    const grantFrom = monthsBefore(startIso, R.ausbildungsduldungGrantMonths);
    flags.push({ code: "legal.60c_window", dueDate: applyFrom, params: { applyFrom, grantFrom } });
    const held = C.heldSinceDay.data[c] as number;
    if (held === noDay) {
      flags.push({ code: "legal.60c_duldung_held_unknown", params: { months: R.duldungPriorMonths } });
    } else {
      const heldEnough = isoDay(held).slice(0, 10);
      const reached = addMonths(heldEnough, R.duldungPriorMonths);
      if (reached > applyFrom)
        flags.push({ code: "legal.60c_duldung_held", dueDate: reached, params: { since: heldEnough, months: R.duldungPriorMonths } });
    }
    if (C.identity.data[c] !== 1) flags.push({ code: "legal.60c_identity", dueDate: applyFrom });
    flags.push({ code: "legal.60c_chamber_registration", dueDate: applyFrom });
    if (C.safeCountry.data[c] === 1) flags.push({ code: "legal.60c_work_ban_risk" });
    if (R.section16gAvailable === 1) {
      flags.push({ code: C.passport.data[c] === 1 ? "legal.16g_alternative" : "legal.16g_alternative_no_passport" });
    }
  }
  const validUntil = C.validUntilDay.data[c] as number;
  if (status !== residenceStatus.citizen && validUntil < start) {
    flags.push({ code: "legal.permit_expires_before_start", dueDate: isoDay(validUntil), params: { validUntil: isoDay(validUntil) } });
  }
  if (tiedStatuses.has(status)) {
    const tied = C.tiedCompany.data[c] as number;
    if (tied < 0 || tied !== O.company.data[o]) flags.push({ code: "legal.tied_to_company" });
  }
  const birth = C.birthDay.data[c] as number;
  if (birth !== noDay) {
    const age = ageOn(birth, start);
    if (age < R.minAge) flags.push({ code: "legal.min_age", params: { age, minAge: R.minAge } });
    if (age < R.adultAge) {
      const from = monthsBefore(startIso, R.j1MaxMonthsBefore);
      const j1 = C.j1Day.data[c] as number;
      const done = j1 !== noDay && isoDay(j1) >= from && j1 <= start;
      if (!done) flags.push({ code: "legal.j1_check", dueDate: isoDay(start - 1), params: { from, age } });
    }
  }
  const schoolUntil = C.schoolUntilDay.data[c] as number;
  if (schoolUntil !== noDay && schoolUntil >= start) {
    flags.push({ code: "legal.full_time_schooling", params: { until: isoDay(schoolUntil) } });
  }
}

/** The same day `months` calendar months later (a day the shorter month lacks becomes its last day). */
function addMonths(iso: string, months: number): string {
  return monthsBefore(iso, -months);
}
