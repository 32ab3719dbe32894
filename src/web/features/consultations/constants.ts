import type {
  channels as serverChannels,
  consultationKinds as serverConsultationKinds,
  partnerTypes as serverPartnerTypes,
  referralOutcomes as serverReferralOutcomes,
  topics as serverTopics,
} from "../../../features/consultations/schema";

// The enumerations of src/features/consultations/schema.ts, repeated so that zod stays out of the
// browser bundle; `typeof` keeps each list equal to the server's.
export const consultationKinds: typeof serverConsultationKinds = ["first", "referral", "follow_up"];
export const channels: typeof serverChannels = ["in_person", "phone", "video", "messenger"];
export const topics: typeof serverTopics = [
  "occupation_choice",
  "application_documents",
  "residence_and_work_permit",
  "recognition",
  "language_course",
  "financial_support",
  "housing",
  "other",
];
export const partnerTypes: typeof serverPartnerTypes = [
  "employment_agency",
  "jobcenter",
  "immigration_office",
  "youth_migration_service",
  "migration_counselling_adults",
  "integration_coordination",
  "vocational_school",
  "language_course_provider",
  "asa_provider",
  "recognition_counselling",
  "chamber",
  "migrant_organisation",
  "welcome_guides",
  "other",
];
export const referralOutcomes: typeof serverReferralOutcomes = ["arrived", "not_arrived", "in_progress", "unknown"];
export type ReferralOutcome = (typeof referralOutcomes)[number];
export const outcomeColors: Record<ReferralOutcome, string> = {
  arrived: "green",
  not_arrived: "red",
  in_progress: "blue",
  unknown: "gray",
};
/** A referral is followed up this many days after the consultation unless a day is given (the server's default, too). */
export const followUpAfterDays = 14;
