import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import type { DistrictScope } from "../lib/http/actor.js";

/**
 * The district scope as a WHERE condition on an AGS column: every repository applies it to lists,
 * detail by id, search and exports alike, so a row outside the user's districts never matches.
 */
export function inDistrictScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  agsColumn: Expression<string | null>,
  scope: DistrictScope,
): Expression<SqlBool> {
  if (scope.kind === "all") return sql<boolean>`true`;
  if (scope.ags.length === 0) return sql<boolean>`false`;
  return eb(agsColumn as never, "in", scope.ags as never) as unknown as Expression<SqlBool>;
}
