import { type Expression, type SqlBool, sql } from "kysely";

/**
 * The search of a list's field "q": a part of the name (`like`, from the trigram index), a name with a
 * typo (`%`, pg_trgm similarity), or the exact postcode. Lower case and without accents on both sides.
 */
export function matchesSearch(
  columns: { searchText: Expression<string>; postalCode: Expression<string | null> },
  q: string,
): Expression<SqlBool> {
  const term = q.toLowerCase();
  const like = `%${term.replace(/[%_\\]/g, "\\$&")}%`;
  return sql<SqlBool>`(${columns.searchText} like lower(unaccent(${like})) or ${columns.searchText} % lower(unaccent(${term})) or ${columns.postalCode} = ${term})`;
}
