import { type Expression, type SqlBool, sql } from "kysely";
import type { Scope } from "../lib/http/actor.js";

/**
 * The district part of a scope as a WHERE condition on an AGS column: every repository applies it to
 * lists, detail by id, search and exports alike, so a row outside the user's districts never matches.
 */
export function inDistrictScope(agsColumn: Expression<string | null>, scope: Scope): Expression<SqlBool> {
  if (scope.districts === "all") return sql<SqlBool>`true`;
  if (scope.districts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${agsColumn} in (${sql.join([...scope.districts])})`;
}

/**
 * The whole scope as a WHERE condition for case data: a row matches when its district is in the
 * user's districts, or (for partner users) when it is addressed to the user's organisation. Features
 * whose rows can be addressed to a partner pass that column; the others pass only the district.
 */
export function inScope(
  columns: { ags: Expression<string | null>; addressedTo?: Expression<string | null> },
  scope: Scope,
): Expression<SqlBool> {
  const byDistrict = inDistrictScope(columns.ags, scope);
  if (!scope.organisation || !columns.addressedTo) return byDistrict;
  return sql<SqlBool>`(${byDistrict} or ${columns.addressedTo} = ${scope.organisation})`;
}
