import { cefrNames, distanceKm, isoDay, residenceStatus, schoolNames, workPermission } from "./encode.js";
import type { Rules } from "./rules.js";
import { type CandidateColumns, CandidateColumns as Candidates, type OfferColumns } from "./snapshot.js";
import type { Reason, Weights } from "./types.js";

export type PairContext = {
  offers: OfferColumns;
  candidates: CandidateColumns;
  rules: Rules;
  weights: Weights;
  weightSum: number;
  today: number;
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
const entryQualification = 1;
const rankPenalty = 0.04;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Scores one candidate–offer pair: the same function from both sides, so a pair's score is the
 * same whichever side asks. With `reasons` null it allocates nothing (the hot loop); with an array
 * it also explains every criterion. Inputs never include nationality, origin, religion, sex,
 * disability or age: the columns the engine keeps have no place for them.
 */
export function evaluatePair(ctx: PairContext, c: number, o: number, reasons: Reason[] | null): number {
  const { offers: O, candidates: C, rules: R, weights: W } = ctx;
  let feasible = true;
  const start = O.startDay.data[o] as number;
  const daysLeft = start - ctx.today;
  const status = C.status.data[c] as number;
  const work = C.work.data[c] as number;

  // Legal: may the candidate work at the start?
  if (work === forbidden || (C.safeCountry.data[c] === 1 && (status === gestattung || status === duldung))) {
    if (!reasons) return INFEASIBLE;
    feasible = false;
    reasons.push({ criterion: "legal", code: "legal.work_ban" });
  } else if (work === needsApproval && daysLeft < R.permitLeadDays) {
    if (!reasons) return INFEASIBLE;
    feasible = false;
    reasons.push({ criterion: "legal", code: "legal.permit_lead_time", params: { daysLeft, neededDays: R.permitLeadDays } });
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

  // Commute.
  const d = distanceKm(C.lat.data[c] as number, C.lon.data[c] as number, O.lat.data[o] as number, O.lon.data[o] as number);
  const mobile = C.car.data[c] === 1 && C.licence.data[c] === 1;
  const maxKm = C.maxKm.data[c] as number;
  const cStation = C.stationKm.data[c] as number;
  const oStation = O.stationKm.data[o] as number;
  const transitMax = R.maxStationKm;
  const km = round(d);
  if (!mobile && d > R.maxCommuteWithoutCarKm) {
    if (!reasons) return INFEASIBLE;
    feasible = false;
    reasons.push({
      criterion: "commute",
      code: "commute.too_far_without_car",
      params: { km, maxKm: Math.min(maxKm, R.maxCommuteWithoutCarKm) },
    });
  } else if (d > maxKm) {
    if (!reasons) return INFEASIBLE;
    feasible = false;
    reasons.push({ criterion: "commute", code: "commute.beyond_max", params: { km, maxKm } });
  } else if (!mobile && d > 2 * transitMax && (cStation > transitMax || oStation > transitMax)) {
    if (!reasons) return INFEASIBLE;
    feasible = false;
    reasons.push({
      criterion: "commute",
      code: "commute.no_public_transport",
      params: { candidateStationKm: round(cStation), offerStationKm: round(oStation), maxStationKm: transitMax },
    });
  }
  const reach = mobile ? maxKm : Math.min(maxKm, R.maxCommuteWithoutCarKm);
  const near = reach > 0 ? Math.max(0, 1 - d / reach) : 0;
  const transit = Math.max(0, 1 - Math.max(cStation, oStation) / (2 * transitMax));
  const commute = commuteScore(near, transit, mobile);
  if (reasons && feasible) {
    reasons.push({
      criterion: "commute",
      score: round(commute, 3),
      code: mobile ? "commute.by_car" : "commute.public_transport",
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

  // Time left for the legal steps: information and deadlines, never a refusal.
  let legal = 1;
  if (work === needsApproval) {
    legal = Math.min(1, 0.5 + (daysLeft - R.permitLeadDays) / 120);
    if (reasons && feasible) {
      reasons.push({
        criterion: "legal",
        score: round(legal, 3),
        code: "legal.permit_needed",
        params: { applyBy: isoDay(start - R.permitLeadDays), daysLeft },
      });
    }
  }
  if (status === duldung) {
    if (O.kind.data[o] === entryQualification) {
      legal *= 0.8;
      if (reasons) reasons.push({ criterion: "legal", code: "legal.eq_not_for_ausbildungsduldung" });
    } else if (O.kind.data[o] === 0 && reasons) {
      reasons.push({
        criterion: "legal",
        code: "legal.ausbildungsduldung_window",
        params: {
          applyFrom: isoDay(start - R.ausbildungsduldungApplyMaxDays),
          grantFrom: isoDay(start - R.ausbildungsduldungGrantMaxDays),
        },
      });
    }
  }
  if ((C.validUntilDay.data[c] as number) < start && status !== residenceStatus.citizen) {
    legal *= 0.8;
    if (reasons)
      reasons.push({
        criterion: "legal",
        code: "legal.permit_expires_before_start",
        params: { validUntil: isoDay(C.validUntilDay.data[c] as number) },
      });
  }

  if (!feasible) return INFEASIBLE;
  return (
    (W.occupation * occupation +
      W.commute * commute +
      W.german * german +
      W.school * schoolScore +
      W.start * startScore +
      W.legal * legal) /
    ctx.weightSum
  );
}
