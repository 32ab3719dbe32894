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
