import { type SqlBool, sql } from "kysely";
import type { Db } from "../../lib/context.js";
import type { Role } from "../../lib/http/actor.js";
import type { Msg } from "../../lib/i18n/messages.js";
import type { ImportFormat, Mapping, RowAction } from "./schema.js";

export type Phase = "dry_run" | "commit";

export type ImportRecord = {
  id: string;
  createdBy: string | null;
  format: ImportFormat;
  fileName: string | null;
  fileSize: number;
  columns: string[];
  mapping: Mapping;
  mappingSource: "given" | "remembered" | "detected";
  layoutHash: string | null;
  rowCount: number | null;
  dryRunJobId: string | null;
  commitJobId: string | null;
  committedRows: number;
  createdAt: string;
};

/** Who may see an import: its creator, and coordinators and admins (all of them). */
export type Viewer = { id: string; role: Role };

const seesAll = (v: Viewer) => v.role === "admin" || v.role === "coordinator";

const columns = [
  "id",
  "created_by",
  "format",
  "file_name",
  "file_size",
  "columns",
  "mapping",
  "mapping_source",
  "layout_hash",
  "row_count",
  "dry_run_job_id",
  "commit_job_id",
  "committed_rows",
  "created_at",
] as const;

type Row = {
  id: string;
  created_by: string | null;
  format: ImportFormat;
  file_name: string | null;
  file_size: number;
  columns: string[];
  mapping: Record<string, string>;
  mapping_source: ImportRecord["mappingSource"];
  layout_hash: string | null;
  row_count: number | null;
  dry_run_job_id: string | null;
  commit_job_id: string | null;
  committed_rows: number;
  created_at: Date | string;
};

function toImport(r: Row): ImportRecord {
  return {
    id: r.id,
    createdBy: r.created_by,
    format: r.format,
    fileName: r.file_name,
    fileSize: r.file_size,
    columns: r.columns,
    mapping: r.mapping as Mapping,
    mappingSource: r.mapping_source,
    layoutHash: r.layout_hash,
    rowCount: r.row_count,
    dryRunJobId: r.dry_run_job_id,
    commitJobId: r.commit_job_id,
    committedRows: r.committed_rows,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function insertImport(
  db: Db,
  i: {
    createdBy: string | null;
    format: ImportFormat;
    fileName: string | null;
    content: Uint8Array;
    columns: string[];
    mapping: Mapping;
    mappingSource: ImportRecord["mappingSource"];
    layoutHash: string | null;
    now: Date;
  },
): Promise<string> {
  const { id } = await db
    .insertInto("data_import")
    .values({
      created_by: i.createdBy,
      format: i.format,
      file_name: i.fileName,
      file_size: i.content.byteLength,
      content: fromBase64(i.content),
      columns: JSON.stringify(i.columns),
      mapping: JSON.stringify(i.mapping),
      mapping_source: i.mappingSource,
      layout_hash: i.layoutHash,
      created_at: i.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** An import, if the viewer may see it (a viewer of null: the system, e.g. the job working on it). */
export async function findImport(db: Db, id: string, viewer: Viewer | null): Promise<ImportRecord | undefined> {
  let q = db.selectFrom("data_import").select(columns).where("id", "=", id);
  if (viewer && !seesAll(viewer)) q = q.where("created_by", "=", viewer.id);
  const row = await q.executeTakeFirst();
  return row && toImport(row as Row);
}

/**
 * The file goes to and comes from the database as base64 text, decoded there: PGlite's own bytea
 * parameters are hex-coded in JavaScript, seconds for a file of a few megabytes.
 */
const fromBase64 = (bytes: Uint8Array) =>
  sql<Uint8Array>`decode(${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64")}, 'base64')`;

export async function importContent(db: Db, id: string): Promise<Uint8Array> {
  const { content } = await db
    .selectFrom("data_import")
    .select(sql<string>`encode(content, 'base64')`.as("content"))
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return Buffer.from(content, "base64");
}

export async function setDryRunJob(db: Db, id: string, jobId: string): Promise<void> {
  await db.updateTable("data_import").set({ dry_run_job_id: jobId }).where("id", "=", id).execute();
}

/** Claims the commit for one job; false when a commit was asked for already (a second click). */
export async function setCommitJob(db: Db, id: string, jobId: string): Promise<boolean> {
  const res = await db
    .updateTable("data_import")
    .set({ commit_job_id: jobId })
    .where("id", "=", id)
    .where("commit_job_id", "is", null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function setRowCount(db: Db, id: string, rowCount: number): Promise<void> {
  await db.updateTable("data_import").set({ row_count: rowCount }).where("id", "=", id).execute();
}

/**
 * Moves the commit's checkpoint from `from` to `to`, in the batch's transaction. Fenced: when another
 * worker moved it meanwhile (this one's lease had run out), nothing changes and the batch is rolled back.
 */
export async function advanceCheckpoint(db: Db, id: string, from: number, to: number): Promise<boolean> {
  const res = await db
    .updateTable("data_import")
    .set({ committed_rows: to })
    .where("id", "=", id)
    .where("committed_rows", "=", from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** The uploaded file is not kept once it is written (the report per row stays). */
export async function dropContent(db: Db, id: string): Promise<void> {
  await db
    .updateTable("data_import")
    .set({ content: new Uint8Array(0) })
    .where("id", "=", id)
    .execute();
}

export type RowReport = { row: number; action: RowAction; reasons: Msg[] | null; cells: string[] | null };

export async function deleteRowReports(db: Db, id: string, phase: Phase): Promise<void> {
  await db.deleteFrom("data_import_row").where("import_id", "=", id).where("phase", "=", phase).execute();
}

export async function insertRowReports(db: Db, id: string, phase: Phase, rows: RowReport[]): Promise<void> {
  if (!rows.length) return;
  await sql`
    insert into data_import_row (import_id, phase, row_no, action, reasons, cells)
    select ${id}::uuid, ${phase}, v.row_no, v.action, v.reasons::jsonb, v.cells::jsonb
    from unnest(${rows.map((r) => r.row)}::int[], ${rows.map((r) => r.action)}::text[],
      ${rows.map((r) => (r.reasons ? JSON.stringify(r.reasons) : null))}::text[],
      ${rows.map((r) => (r.cells ? JSON.stringify(r.cells) : null))}::text[]) as v(row_no, action, reasons, cells)`.execute(db);
}

export async function countRowReports(db: Db, id: string, phase: Phase): Promise<{ created: number; updated: number; rejected: number }> {
  const rows = await db
    .selectFrom("data_import_row")
    .select(["action", (eb) => eb.fn.countAll<number>().as("n")])
    .where("import_id", "=", id)
    .where("phase", "=", phase)
    .groupBy("action")
    .execute();
  const n = (a: RowAction) => Number(rows.find((r) => r.action === a)?.n ?? 0);
  return { created: n("create"), updated: n("update"), rejected: n("reject") };
}

export async function findRowReports(
  db: Db,
  id: string,
  phase: Phase,
  page: { onlyRejected: boolean; offset: number; limit: number },
): Promise<{ rows: RowReport[]; total: number }> {
  let q = db.selectFrom("data_import_row").where("import_id", "=", id).where("phase", "=", phase);
  if (page.onlyRejected) q = q.where("action", "=", "reject");
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await q.select(["row_no", "action", "reasons", "cells"]).orderBy("row_no").offset(page.offset).limit(page.limit).execute();
  return {
    rows: rows.map((r) => ({
      row: r.row_no,
      action: r.action,
      reasons: (r.reasons as Msg[] | null) ?? null,
      cells: (r.cells as string[] | null) ?? null,
    })),
    total: Number(total),
  };
}

/** The rejected rows in order, a page at a time (the download). */
export async function* rejectedRowReports(db: Db, id: string, phase: Phase): AsyncGenerator<RowReport[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom("data_import_row")
      .select(["row_no", "action", "reasons", "cells"])
      .where("import_id", "=", id)
      .where("phase", "=", phase)
      .where("action", "=", "reject")
      .where(sql<SqlBool>`row_no > ${after}`)
      .orderBy("row_no")
      .limit(1000)
      .execute();
    if (!rows.length) return;
    yield rows.map((r) => ({
      row: r.row_no,
      action: r.action,
      reasons: (r.reasons as Msg[] | null) ?? null,
      cells: (r.cells as string[] | null) ?? null,
    }));
    after = rows[rows.length - 1]?.row_no ?? after;
  }
}

export async function rememberedMapping(db: Db, hash: string): Promise<Mapping | undefined> {
  const row = await db.selectFrom("import_layout").select("mapping").where("layout_hash", "=", hash).executeTakeFirst();
  return row?.mapping as Mapping | undefined;
}

export async function rememberMapping(
  db: Db,
  layout: { hash: string; format: ImportFormat; columns: string[]; mapping: Mapping; userId: string | null; now: Date },
): Promise<void> {
  const mapping = JSON.stringify(layout.mapping);
  await db
    .insertInto("import_layout")
    .values({
      layout_hash: layout.hash,
      format: layout.format,
      columns: JSON.stringify(layout.columns),
      mapping,
      updated_by: layout.userId,
      updated_at: layout.now,
    })
    .onConflict((oc) => oc.column("layout_hash").doUpdateSet({ mapping, updated_by: layout.userId, updated_at: layout.now }))
    .execute();
}
