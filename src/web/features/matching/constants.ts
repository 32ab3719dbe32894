import type {
  MatchStageName,
  criteria as serverCriteria,
  declinedBy as serverDeclinedBy,
  declineReasons as serverDeclineReasons,
  endableStages as serverEndableStages,
  endReasons as serverEndReasons,
  matchStages as serverMatchStages,
} from "../../../features/matching/schema";

// The enumerations of src/features/matching/schema.ts, repeated so that zod stays out of the browser
// bundle; `typeof` keeps each list equal to the server's.
export const matchStages: typeof serverMatchStages = [
  "suggested",
  "proposed",
  "interview",
  "internship",
  "entry_qualification",
  "contract",
  "registered",
  "started",
  "completed",
  "declined",
  "ended_early",
];
export type MatchStage = MatchStageName;
export const endableStages: typeof serverEndableStages = ["internship", "entry_qualification", "contract", "registered", "started"];
export const declinedByOptions: typeof serverDeclinedBy = ["company", "candidate", "service_point"];
export const declineReasons: typeof serverDeclineReasons = [
  "company_chose_other",
  "not_interested",
  "german_level",
  "commute",
  "residence",
  "no_show",
  "place_filled",
  "other",
];
export const endReasons: typeof serverEndReasons = ["candidate_quit", "company_terminated", "mutual", "residence_ended", "moved", "other"];
export const criteria: typeof serverCriteria = ["legal", "occupation", "commute", "german", "school", "start", "requirements"];

export const isMatchStage = (v: unknown): v is MatchStage => typeof v === "string" && (matchStages as readonly string[]).includes(v);

/** One colour per stage, for badges and board columns: the path forward in cool colours, the two exits warm. */
export const matchStageColors: Record<MatchStage, string> = {
  suggested: "gray",
  proposed: "blue",
  interview: "cyan",
  internship: "teal",
  entry_qualification: "indigo",
  contract: "violet",
  registered: "grape",
  started: "green",
  completed: "lime",
  declined: "red",
  ended_early: "orange",
};

/**
 * Whether the server accepts a move from one stage to another: an early end only of a running
 * internship, EQ or training; "completed" only after "started". Every other move is allowed.
 */
export function mayMove(from: MatchStage, to: MatchStage): boolean {
  if (from === to) return false;
  if (to === "ended_early") return (endableStages as readonly string[]).includes(from);
  if (to === "completed") return from === "started";
  return true;
}

/** The fields of the profile a company receives (src/features/matching/proposal.ts `profileRows`). */
export const profileFields = [
  "name",
  "city",
  "desiredOccupations",
  "germanLevel",
  "otherLanguages",
  "schoolCertificate",
  "mobility",
  "availableFrom",
] as const;

/** Commute reasons that rule a pair out or keep its score low, where a check by hand (a bus) helps. */
export const commuteLimits = [
  "commute.too_far_without_car",
  "commute.beyond_max",
  "commute.no_public_transport",
  "commute.public_transport",
];

/** A flag is "due" when its date is within this many days (or past). */
export const dueSoonDays = 14;
