import { type Compilable, sql } from "kysely";
import type { Db } from "../lib/context.js";

/** Rows per packed chunk: one JSON array of this many rows crosses the wire as one value. */
const chunkRows = 20_000;

/**
 * Reads a large result (hundreds of thousands of rows) as a few JSON arrays instead of one message per
 * row: the database packs the rows into chunks (`json_agg`), the client parses each chunk at once.
 * PGlite decodes every row of a plain result in JavaScript, field by field; packed, the snapshot's
 * reads take a fraction of the time there, and PostgreSQL sends fewer, larger messages.
 *
 * The columns are read by name and in this order from the query's rows; values arrive as JSON (numbers,
 * booleans, strings, null), so dates must be selected as text (to_char) and numbers as numeric types.
 */
export async function selectPacked<Row extends Record<string, unknown>>(
  db: Db,
  query: Compilable<unknown>,
  columns: readonly (keyof Row & string)[],
  rowsPerChunk = chunkRows,
): Promise<Row[]> {
  const fields = sql.join(columns.map((c) => sql.ref(`q.${c}`)));
  const chunks = await sql<{ rows: unknown[][] | string }>`
    select json_agg(json_build_array(${fields})) as rows
    from (select q.*, (row_number() over ()) / ${sql.lit(Math.max(1, Math.floor(rowsPerChunk)))} as chunk from (${query}) as q) as q
    group by q.chunk`.execute(db);
  const out: Row[] = [];
  for (const chunk of chunks.rows) {
    const rows = typeof chunk.rows === "string" ? (JSON.parse(chunk.rows) as unknown[][]) : chunk.rows;
    for (const values of rows) {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) row[columns[i] as string] = values[i];
      out.push(row as Row);
    }
  }
  return out;
}
