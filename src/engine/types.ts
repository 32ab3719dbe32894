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
  requirements: { minSchoolCertificate?: SchoolCertificate | null; minGermanLevel?: CefrLevel | null; drivingLicence?: boolean };
};

export type CandidateInput = {
  id: string;
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
  residence: { status: ResidenceStatus; workPermission: WorkPermission; validUntil?: string | null; safeCountryOfOrigin?: boolean };
};

export type Criterion = "legal" | "occupation" | "commute" | "german" | "school" | "start" | "requirements";

/** A reason is a code with parameters; the web app renders the sentence. */
export type Reason = { criterion: Criterion; score?: number; code: string; params?: Record<string, number | string> };

export type Weights = Record<"occupation" | "commute" | "german" | "school" | "start" | "legal", number>;

export const defaultWeights: Weights = { occupation: 3, commute: 2, german: 2, school: 1, start: 1, legal: 1 };

export type OfferSuggestion = { offerId: string; score: number; reasons: Reason[] };
export type CandidateSuggestion = { candidateId: string; score: number; reasons: Reason[] };

export type AssignmentResult = {
  totalScore: number;
  assignments: { candidateId: string; offerId: string; score: number }[];
  unassigned: { candidateId: string; reasons: Reason[] }[];
};
