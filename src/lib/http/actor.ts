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

/**
 * What case data a user may see. `districts`: "all" or the AGS codes whose rows match;
 * `organisation`: for partner users, the organisation that data must be addressed to (partners see
 * nothing by district). Every repository function that reads case data takes a Scope.
 */
export type Scope = { readonly districts: "all" | readonly string[]; readonly organisation: string | null };

/** No case data at all: anonymous requests. */
export const noScope: Scope = Object.freeze({ districts: Object.freeze([]) as readonly string[], organisation: null });

/**
 * Coordinators and admins see all districts; counsellors their assigned ones; partners none by
 * district, only what is addressed to their organisation.
 */
export function scopeOf(actor: Pick<Actor, "role" | "districts" | "organisation"> | null): Scope {
  if (!actor) return noScope;
  if (actor.role === "admin" || actor.role === "coordinator") return { districts: "all", organisation: null };
  if (actor.role === "counsellor") return { districts: [...actor.districts], organisation: null };
  return { districts: [], organisation: actor.organisation };
}

/**
 * Everything, for code paths that act for the system rather than a person (start-up, the admin
 * command line, jobs). Never for a request: requests use the actor's scope.
 */
/** Whether a role may see residence facts (RESIDENCE_ROLES; a partner never). */
export const roleSeesResidence = (role: Role | undefined, residenceRoles: readonly string[]): boolean =>
  role !== undefined && role !== "partner" && residenceRoles.includes(role);

export const systemScope: Scope = Object.freeze({ districts: "all", organisation: null });
