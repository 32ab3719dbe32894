import type {
  activityKinds as serverActivityKinds,
  chambers as serverChambers,
  declinedReasons as serverDeclinedReasons,
  mayTrainStates as serverMayTrainStates,
  sizeClasses as serverSizeClasses,
} from "../../../features/companies/schema";

// The enumerations of src/features/companies/schema.ts, repeated so that zod stays out of the
// browser bundle; `typeof` keeps each list equal to the server's.
export const sizeClasses: typeof serverSizeClasses = ["1-9", "10-49", "50-249", "250+"];
export const chambers: typeof serverChambers = ["ihk", "hwk", "other"];
export const mayTrainStates: typeof serverMayTrainStates = ["unknown", "checking", "authorised", "not_authorised"];
export const declinedReasons: typeof serverDeclinedReasons = [
  "no_need",
  "no_capacity",
  "no_trainer",
  "language_concerns",
  "bad_experience",
  "other",
];
export const activityKinds: typeof serverActivityKinds = ["call", "visit", "email", "letter", "event", "note"];

/** The filters of the list, the board, the map and the export alike (the API's `companyFiltersSchema`). */
export const filterKeys = [
  "q",
  "district",
  "stage",
  "migrantLed",
  "sizeClass",
  "chamber",
  "mayTrain",
  "responsible",
  "occupationId",
  "tag",
] as const;
export type FilterKey = (typeof filterKeys)[number];
export type Filters = Partial<Record<FilterKey, string>>;
export const sortKeys = ["name", "created", "stage_changed"] as const;
export type SortKey = (typeof sortKeys)[number];
