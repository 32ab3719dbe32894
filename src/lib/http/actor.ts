export const roles = ["admin", "coordinator", "counsellor", "partner"] as const;
export type Role = (typeof roles)[number];

/** The signed-in user as every feature sees them: who, which role, which districts. */
export type Actor = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  districts: string[];
  organisation: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  secondFactorPending: boolean;
  sessionTokenHash: string;
};

/** Where a request came from, for the audit log. */
export type RequestMeta = { requestId: string; ip: string };

export type DistrictScope = { kind: "all" } | { kind: "districts"; ags: string[] };

/**
 * Which districts' rows a user may see. Coordinators and admins see all districts; counsellors their
 * assigned ones; partners none (they only see what is addressed to their organisation).
 */
export function districtScope(actor: Pick<Actor, "role" | "districts">): DistrictScope {
  if (actor.role === "admin" || actor.role === "coordinator") return { kind: "all" };
  if (actor.role === "counsellor") return { kind: "districts", ags: [...actor.districts] };
  return { kind: "districts", ags: [] };
}
