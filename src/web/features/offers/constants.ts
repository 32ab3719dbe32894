import type {
  germanLevels as serverGermanLevels,
  offerKinds as serverOfferKinds,
  offerStatuses as serverOfferStatuses,
  schoolCertificates as serverSchoolCertificates,
} from "../../../features/offers/schema";

// The enumerations of src/features/offers/schema.ts, repeated so that zod stays out of the browser
// bundle; `typeof` keeps each list equal to the server's.
export const offerKinds: typeof serverOfferKinds = ["training", "entry_qualification", "internship"];
export const offerStatuses: typeof serverOfferStatuses = ["draft", "open", "filled", "withdrawn"];
export const schoolCertificates: typeof serverSchoolCertificates = ["none", "lower_secondary", "intermediate", "upper_secondary"];
export const germanLevels: typeof serverGermanLevels = ["A1", "A2", "B1", "B2", "C1", "C2"];

export const statusColors: Record<(typeof offerStatuses)[number], string> = {
  draft: "gray",
  open: "green",
  filled: "blue",
  withdrawn: "red",
};

export const offerFilterKeys = ["q", "district", "occupationId", "kind", "status", "companyId", "startFrom", "startTo"] as const;
export type OfferFilters = Partial<Record<(typeof offerFilterKeys)[number], string>>;
