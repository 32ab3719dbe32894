import type {
  Candidate,
  CandidateCreate,
  ResidenceInput,
  companyTiedStatuses as serverCompanyTiedStatuses,
} from "../../../features/candidates/schema";

export type ResidenceValues = {
  status: string | null;
  workPermission: string | null;
  validUntil: string;
  safeCountryOfOrigin: boolean;
  immigrationOffice: string;
  heldSince: string;
  identityClarified: boolean;
  hasPassport: boolean;
  tiedCompanyId: string | null;
  /** Shown next to the choice; not sent. */
  tiedCompanyName: string | null;
};

/** The statuses that a training company is tied to (repeated so that zod stays out of the browser bundle). */
export const companyTiedStatuses: typeof serverCompanyTiedStatuses = ["ausbildungsduldung", "permit_16g"];
export const isCompanyTied = (status: string | null | undefined) => (companyTiedStatuses as readonly string[]).includes(status ?? "");
/** The statuses whose Duldung has a "since" (§ 60c counts 3 months of it). */
export const hasHeldSince = (status: string | null | undefined) => status === "duldung" || status === "ausbildungsduldung";

/** What the form holds: text as typed, choices as codes (null: none). */
export type CandidateValues = {
  firstName: string;
  lastName: string;
  birthDate: string;
  postalCode: string;
  phone: string;
  email: string;
  messenger: string | null;
  preferredLanguage: string;
  germanLevel: string | null;
  germanLevelOn: string;
  germanLevelSource: string | null;
  otherLanguages: string[];
  schoolCertificate: string | null;
  schoolCountry: string;
  schoolRecognition: string;
  occupations: { id: string; name: string }[];
  openToRelatedFields: boolean;
  hasDrivingLicence: boolean;
  hasCar: boolean;
  maxCommuteKm: string;
  availableFrom: string;
  schoolObligationUntil: string;
  j1ExaminedOn: string;
  supportNeeds: string[];
  supportNote: string;
  residence: ResidenceValues;
};

export function residenceValuesOf(r?: Candidate["residence"] | null): ResidenceValues {
  return {
    status: r?.status ?? null,
    workPermission: r?.workPermission ?? null,
    validUntil: r?.validUntil ?? "",
    safeCountryOfOrigin: r?.safeCountryOfOrigin ?? false,
    immigrationOffice: r?.immigrationOffice ?? "",
    heldSince: r?.heldSince ?? "",
    identityClarified: r?.identityClarified ?? false,
    hasPassport: r?.hasPassport ?? false,
    tiedCompanyId: r?.tiedCompanyId ?? null,
    tiedCompanyName: r?.tiedCompanyName ?? null,
  };
}

export function valuesOf(c?: Candidate): CandidateValues {
  return {
    firstName: c?.firstName ?? "",
    lastName: c?.lastName ?? "",
    birthDate: c?.birthDate ?? "",
    postalCode: c?.postalCode ?? "",
    phone: c?.phone ?? "",
    email: c?.email ?? "",
    messenger: c?.messenger ?? null,
    preferredLanguage: c?.preferredLanguage ?? "de",
    germanLevel: c?.germanLevel ?? null,
    germanLevelOn: c?.germanLevelOn ?? "",
    germanLevelSource: c?.germanLevelSource ?? null,
    otherLanguages: c?.otherLanguages ?? [],
    schoolCertificate: c?.schoolCertificate ?? null,
    schoolCountry: c?.schoolCountry ?? "",
    schoolRecognition: c?.schoolRecognition ?? "none",
    occupations: c?.desiredOccupations ?? [],
    openToRelatedFields: c?.openToRelatedFields ?? false,
    hasDrivingLicence: c?.hasDrivingLicence ?? false,
    hasCar: c?.hasCar ?? false,
    maxCommuteKm: c?.maxCommuteKm === null || c?.maxCommuteKm === undefined ? "" : String(c.maxCommuteKm),
    availableFrom: c?.availableFrom ?? "",
    schoolObligationUntil: c?.schoolObligationUntil ?? "",
    j1ExaminedOn: c?.j1ExaminedOn ?? "",
    supportNeeds: c?.supportNeeds ?? [],
    supportNote: c?.supportNote ?? "",
    residence: residenceValuesOf(c?.residence),
  };
}

const text = (s: string) => s.trim() || null;

/** The whole section (it replaces the stored one); "since" and the tied company only where the status has them. */
export function residencePayloadOf(r: ResidenceValues): ResidenceInput | null {
  if (!r.status || !r.workPermission) return null;
  return {
    status: r.status as ResidenceInput["status"],
    workPermission: r.workPermission as ResidenceInput["workPermission"],
    validUntil: r.validUntil || null,
    safeCountryOfOrigin: r.safeCountryOfOrigin,
    immigrationOffice: text(r.immigrationOffice),
    heldSince: hasHeldSince(r.status) ? r.heldSince || null : null,
    identityClarified: r.identityClarified,
    hasPassport: r.hasPassport,
    tiedCompanyId: isCompanyTied(r.status) ? r.tiedCompanyId : null,
  };
}

/** The values as the API takes them: empty text is "no value" (null); the residence only where asked for. */
export function payloadOf(v: CandidateValues, withResidence: boolean): CandidateCreate {
  const km = v.maxCommuteKm.trim();
  const residence = withResidence ? residencePayloadOf(v.residence) : null;
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    birthDate: v.birthDate,
    postalCode: v.postalCode.trim(),
    phone: text(v.phone),
    email: text(v.email),
    messenger: v.messenger as CandidateCreate["messenger"],
    preferredLanguage: v.preferredLanguage as CandidateCreate["preferredLanguage"],
    germanLevel: v.germanLevel as CandidateCreate["germanLevel"],
    germanLevelOn: v.germanLevel ? v.germanLevelOn || null : null,
    germanLevelSource: v.germanLevel ? (v.germanLevelSource as CandidateCreate["germanLevelSource"]) : null,
    otherLanguages: v.otherLanguages,
    schoolCertificate: v.schoolCertificate as CandidateCreate["schoolCertificate"],
    schoolCountry: text(v.schoolCountry),
    schoolRecognition: v.schoolRecognition as CandidateCreate["schoolRecognition"],
    desiredOccupationIds: v.occupations.map((o) => o.id),
    openToRelatedFields: v.openToRelatedFields,
    hasDrivingLicence: v.hasDrivingLicence,
    hasCar: v.hasCar,
    maxCommuteKm: km === "" ? null : Number(km),
    availableFrom: v.availableFrom || null,
    schoolObligationUntil: v.schoolObligationUntil || null,
    j1ExaminedOn: v.j1ExaminedOn || null,
    supportNeeds: v.supportNeeds as CandidateCreate["supportNeeds"],
    supportNote: text(v.supportNote),
    ...(residence ? { residence } : {}),
  };
}
