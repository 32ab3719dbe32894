/** Inputs and outputs of the matching engine. Pure data: no database rows, no HTTP, no text. */

export type OfferKind = "training" | "entry_qualification" | "internship";
export type CefrLevel = "A1" | "A2" | "B1" | "B2" | "C1" | "C2";
export type SchoolCertificate = "none" | "lower_secondary" | "intermediate" | "upper_secondary";
export type ResidenceStatus = "citizen" | "permit_work_allowed" | "gestattung" | "duldung" | "ausbildungsduldung" | "permit_16g" | "other";
export type WorkPermission = "allowed" | "needs_approval" | "forbidden";

export type OccupationRef = { id: string; kldb: string };

export type OfferInput = {
  id: string;
  kind: OfferKind;
  occupation: OccupationRef;
  places: number;
  /** ISO date (yyyy-mm-dd). */
  startDate: string;
  lat: number;
  lon: number;
  /** Distance of the workplace to the nearest railway station, km. */
  stationKm: number;
  /** The training company: a Ausbildungsduldung or § 16g permit is tied to one. */
  companyId?: string | null;
  /** The district (AGS): only to keep an answer to a user's districts, never scored. */
  district?: string | null;
  requirements: { minSchoolCertificate?: SchoolCertificate | null; minGermanLevel?: CefrLevel | null; drivingLicence?: boolean };
};

export type CandidateInput = {
  id: string;
  /** The district (AGS): only to keep an answer to a user's districts, never scored. */
  district?: string | null;
  lat: number;
  lon: number;
  stationKm: number;
  germanLevel: CefrLevel;
  schoolCertificate: SchoolCertificate;
  /** Ranked, the first is the most wanted. */
  desiredOccupations: OccupationRef[];
  openToRelatedFields: boolean;
  hasDrivingLicence: boolean;
  hasCar: boolean;
  maxCommuteKm: number;
  availableFrom: string;
  /** ISO date; only the legal minimums (age 15, under 18: J1 check) are read from it, never a preference. */
  birthDate?: string | null;
  /** End of full-time schooling (Vollzeitschulpflicht), when it lasts beyond today. */
  schoolObligationUntil?: string | null;
  /** Date of the first health check under § 32 JArbSchG (J1). */
  j1ExaminedOn?: string | null;
  residence: {
    status: ResidenceStatus;
    workPermission: WorkPermission;
    validUntil?: string | null;
    safeCountryOfOrigin?: boolean;
    /** Since when the current Duldung is held (§ 60c: 3 months before applying). */
    heldSince?: string | null;
    identityClarified?: boolean;
    hasPassport?: boolean;
    /** The company an Ausbildungsduldung or § 16g permit is tied to. */
    tiedCompanyId?: string | null;
  };
};

export type Criterion = "legal" | "occupation" | "commute" | "german" | "school" | "start" | "requirements";

/** A reason is a code with parameters; the web app renders the sentence. */
export type Reason = { criterion: Criterion; score?: number; code: string; params?: Record<string, number | string> };

/**
 * A legal step or fact for the counsellor to act on, never a verdict: "apply for the ABH's
 * permission now", "§ 60c window opens on …". `dueDate` is the day to act by (ISO), where there is one.
 */
export type Flag = { code: string; dueDate?: string; params?: Record<string, number | string> };

export type Weights = Record<"occupation" | "commute" | "german" | "school" | "start" | "legal", number>;

export const defaultWeights: Weights = { occupation: 3, commute: 2, german: 2, school: 1, start: 1, legal: 1 };

/** Scores are quantised once, at the source, to this many units: every view of a pair shows one number. */
export const SCORE_UNITS = 10_000;

export type OfferSuggestion = { offerId: string; score: number; reasons: Reason[]; flags: Flag[] };
export type CandidateSuggestion = { candidateId: string; score: number; reasons: Reason[]; flags: Flag[] };

export type AssignmentResult = {
  /** The sum of the assignments' scores, added in units (exact), then divided. */
  totalScore: number;
  assignments: { candidateId: string; offerId: string; score: number }[];
  unassigned: { candidateId: string; reasons: Reason[] }[];
};
