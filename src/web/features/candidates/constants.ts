import type {
  candidateLanguages as serverCandidateLanguages,
  candidateStatuses as serverCandidateStatuses,
  documentKinds as serverDocumentKinds,
  germanLevelSources as serverGermanLevelSources,
  germanLevels as serverGermanLevels,
  messengers as serverMessengers,
  recognitionStates as serverRecognitionStates,
  residenceStatuses as serverResidenceStatuses,
  schoolCertificates as serverSchoolCertificates,
  supportNeeds as serverSupportNeeds,
  workPermissions as serverWorkPermissions,
} from "../../../features/candidates/schema";
import type {
  consentForms as serverConsentForms,
  consentGivers as serverConsentGivers,
  consentPurposes as serverConsentPurposes,
} from "../../../features/privacy/schema";
import type { Me } from "../../../features/users/schema";

// The enumerations of the candidate and privacy schemas, repeated so that zod stays out of the browser
// bundle; `typeof` keeps each list equal to the server's.
export const candidateStatuses: typeof serverCandidateStatuses = ["new", "active", "placed", "paused", "closed"];
export type CandidateStatus = (typeof candidateStatuses)[number];
export const germanLevels: typeof serverGermanLevels = ["A1", "A2", "B1", "B2", "C1", "C2"];
export const germanLevelSources: typeof serverGermanLevelSources = ["certificate", "placement_test", "counsellor", "self"];
export const schoolCertificates: typeof serverSchoolCertificates = ["none", "lower_secondary", "intermediate", "upper_secondary"];
export const recognitionStates: typeof serverRecognitionStates = ["none", "applied", "partial", "full"];
export const supportNeeds: typeof serverSupportNeeds = ["language_course", "asa", "bab", "childcare", "housing", "other"];
export const messengers: typeof serverMessengers = ["none", "whatsapp", "signal", "telegram", "other"];
export const candidateLanguages: typeof serverCandidateLanguages = ["de", "en", "ar", "uk", "fa"];
export const residenceStatuses: typeof serverResidenceStatuses = [
  "citizen",
  "permit_work_allowed",
  "gestattung",
  "duldung",
  "ausbildungsduldung",
  "permit_16g",
  "other",
];
export const workPermissions: typeof serverWorkPermissions = ["allowed", "needs_approval", "forbidden"];
export const documentKinds: typeof serverDocumentKinds = ["cv", "certificate", "other"];
export const consentPurposes: typeof serverConsentPurposes = ["counselling", "matching", "share_with_company", "share_with_partner"];
export const consentForms: typeof serverConsentForms = ["paper", "online"];
export const consentGivers: typeof serverConsentGivers = ["self", "guardian"];

export const statusColors: Record<CandidateStatus, string> = {
  new: "blue",
  active: "teal",
  placed: "green",
  paused: "orange",
  closed: "gray",
};

/**
 * The roles that see the residence section by default (RESIDENCE_ROLES on the server). The detail
 * answer is the authority: it carries `residence` only for permitted roles; this decides where the app
 * offers to record one before any exists.
 */
export const residenceRoles: readonly Me["role"][] = ["admin", "counsellor"];

/** The filters of the list and the export alike (the API's `candidateFiltersSchema`). */
export const filterKeys = [
  "q",
  "district",
  "status",
  "germanLevel",
  "matchingConsent",
  "responsible",
  "supportNeed",
  "occupationId",
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Partial<Record<FilterKey, string>>;
export const sortKeys = ["name", "created"] as const;
export type SortKey = (typeof sortKeys)[number];

/** Full years between a birth date ("2007-03-12") and today. */
export function ageOf(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  if (!by || !bm || !bd || !ty || !tm || !td) return 0;
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
