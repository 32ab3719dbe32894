import { type Expression, type SqlBool, sql } from "kysely";

type SearchColumns = { searchText: Expression<string>; postalCode: Expression<string | null> };

/**
 * The search of a list's field "q": a part of the name (`like`, from the trigram index), a name with a
 * typo (`%`, pg_trgm similarity), or the exact postcode. Lower case and without accents on both sides.
 */
export function matchesSearch(columns: SearchColumns, q: string): Expression<SqlBool> {
  return sql<SqlBool>`(${matchesPart(columns, q)} or ${matchesTypo(columns, q)})`;
}

/** A part of the name or the exact postcode: what large lists search first (the planner estimates it well). */
export function matchesPart(columns: SearchColumns, q: string): Expression<SqlBool> {
  const term = q.toLowerCase();
  const like = `%${term.replace(/[%_\\]/g, "\\$&")}%`;
  // `(select …)`: the term is normalised once per statement (an init plan), not once per row a filter reads.
  return sql<SqlBool>`(${columns.searchText} like (select lower(unaccent(${like}))) or ${columns.postalCode} = ${term})`;
}

/** A name with a typo (pg_trgm similarity): the fallback when no name contains the term. */
export function matchesTypo(columns: SearchColumns, q: string): Expression<SqlBool> {
  return sql<SqlBool>`${columns.searchText} % (select lower(unaccent(${q.toLowerCase()})))`;
}
