import { audit } from "../../lib/audit.js";
import { actorOf, type Ctx, withWrite } from "../../lib/context.js";
import { toGermanCsv } from "../../lib/csv.js";
import { DomainError, fail } from "../../lib/errors.js";
import { msg, translate } from "../../lib/i18n/messages.js";
import { registerJobHandler } from "../jobs/registry.js";
import type { Job } from "../jobs/schema.js";
import { enqueueJob, jobState, notifyJobRunners, readJob } from "../jobs/service.js";
import { jobsucheColumns, jobsuchePostings } from "./jobsuche.js";
import { layoutHash, resolveMapping } from "./mapping.js";
import { commitImport as commitJob, dryRunImport, type ImportJobPayload } from "./process.js";
import {
  countRowReports,
  findImport,
  findRowReports,
  type ImportRecord,
  insertImport,
  type Phase,
  rejectedRowReports,
  rememberedMapping,
  rememberMapping,
  setCommitJob,
  setDryRunJob,
} from "./repository.js";
import type { ImportField, ImportFormat, ImportQuery, ImportView, Mapping } from "./schema.js";
import { readColumns } from "./sheets.js";

export const dryRunKind = "import.dry_run";
export const commitKind = "import.commit";
registerJobHandler(dryRunKind, dryRunImport);
registerJobHandler(commitKind, commitJob);

/** The largest file an import takes (the API's general body limit does not apply to the upload). */
export const importLimitBytes = 20 * 1024 * 1024;

export type Upload = {
  format: ImportFormat;
  fileName: string | null;
  bytes: Uint8Array;
  mapping?: Partial<Record<ImportField, string | null>>;
};

export const tooLarge = () =>
  new DomainError("too_large", msg("Die Datei ist größer als {mb} MB. Bitte teilen Sie sie auf.", { mb: importLimitBytes / 1024 / 1024 }));

/** Imports are seen by whoever made them, and by coordinators and admins. */
async function requireImport(ctx: Ctx, id: string): Promise<ImportRecord> {
  const actor = actorOf(ctx);
  const found = await findImport(ctx.db, id, { id: actor.id, role: actor.role });
  if (!found) throw fail.notFound("Der Import");
  return found;
}

/**
 * Takes a file and starts its dry run (a job). What can be seen at once is checked at once (422 with the
 * reason): the format, the header row and its mapping, the Jobsuche shape. The mapping given for a file
 * layout is remembered for the next file with the same header row.
 */
export async function startImport(ctx: Ctx, upload: Upload, options: { batchSize?: number } = {}): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  if (upload.bytes.byteLength > importLimitBytes) throw tooLarge();
  let columns: string[];
  let mapping: Mapping = {};
  let mappingSource: ImportRecord["mappingSource"] = "detected";
  let hash: string | null = null;
  if (upload.format === "jobsuche") {
    if (jobsuchePostings(upload.bytes).length === 0)
      throw fail.invalid({ file: ["Die Datei enthält keine Stellen."] }, "Die Datei enthält keine Stellen.");
    columns = jobsucheColumns;
  } else {
    columns = await readColumns(upload.format, upload.bytes);
    hash = layoutHash(upload.format, columns);
    ({ mapping, source: mappingSource } = resolveMapping(columns, upload.mapping, await rememberedMapping(ctx.db, hash)));
  }
  const id = await withWrite(ctx, async (w) => {
    const id = await insertImport(w.db, {
      createdBy: actor.id,
      format: upload.format,
      fileName: upload.fileName,
      content: upload.bytes,
      columns,
      mapping,
      mappingSource,
      layoutHash: hash,
      now: w.now,
    });
    if (hash && mappingSource === "given") {
      await rememberMapping(w.db, { hash, format: upload.format, columns, mapping, userId: actor.id, now: w.now });
    }
    const payload: ImportJobPayload = { importId: id, ...(options.batchSize ? { batchSize: options.batchSize } : {}) };
    await setDryRunJob(w.db, id, await enqueueJob(w, { kind: dryRunKind, payload }));
    await audit(w, { entity: "import", action: "create", entityId: id, fields: [upload.format] });
    return id;
  });
  notifyJobRunners();
  return { id };
}

/** Writes what the dry run showed (a job); a second request, or one before the dry run is done, is a 409. */
export async function commitImport(ctx: Ctx, id: string): Promise<{ id: string }> {
  const imp = await requireImport(ctx, id);
  const dryRun = imp.dryRunJobId ? await readJob(ctx, imp.dryRunJobId) : undefined;
  if (imp.commitJobId) throw fail.conflict("Diese Datei wird bereits übernommen oder wurde schon übernommen.");
  if (dryRun?.status === "failed") throw fail.conflict("Die Probe ist fehlgeschlagen; diese Datei kann nicht übernommen werden.");
  if (dryRun?.status !== "done") throw fail.conflict("Die Probe läuft noch. Bitte warten Sie, bis sie fertig ist.");
  await withWrite(ctx, async (w) => {
    const payload: ImportJobPayload = { ...(dryRun.payload as ImportJobPayload), importId: id };
    const jobId = await enqueueJob(w, { kind: commitKind, payload });
    if (!(await setCommitJob(w.db, id, jobId))) throw fail.conflict("Diese Datei wird bereits übernommen oder wurde schon übernommen.");
    await audit(w, { entity: "import", action: "commit", entityId: id, fields: [] });
  });
  notifyJobRunners();
  return { id };
}

function phaseOf(imp: ImportRecord, dryRun: Job | undefined, commit: Job | undefined): { phase: Phase; job: Job | undefined } {
  return imp.commitJobId ? { phase: "commit", job: commit } : { phase: "dry_run", job: dryRun };
}

const missingJob = { status: "failed" as const, progress: 0, progressText: null, error: "Der Auftrag zu diesem Import fehlt." };

/** The import's state: the job of its current phase, the dry run's counts, and the report per row when done. */
export async function getImport(ctx: Ctx, id: string, query: ImportQuery): Promise<ImportView> {
  const imp = await requireImport(ctx, id);
  const dryRun = imp.dryRunJobId ? await readJob(ctx, imp.dryRunJobId) : undefined;
  const commit = imp.commitJobId ? await readJob(ctx, imp.commitJobId) : undefined;
  const { phase, job } = phaseOf(imp, dryRun, commit);
  let result: ImportView["result"] = null;
  if (job?.status === "done") {
    const counts = await countRowReports(ctx.db, id, phase);
    const page = await findRowReports(ctx.db, id, phase, {
      onlyRejected: query.rows === "rejected",
      offset: query.rowsOffset,
      limit: query.rowsLimit,
    });
    result = {
      ...counts,
      committed: phase === "commit",
      rows: page.rows.map((r) => ({
        row: r.row,
        action: r.action,
        ...(r.reasons ? { reasons: r.reasons.map((m) => translate(ctx.locale, m)) } : {}),
      })),
      rowsTotal: page.total,
    };
  }
  return {
    id: imp.id,
    format: imp.format,
    fileName: imp.fileName,
    createdAt: imp.createdAt,
    phase,
    ...(job ? jobState(ctx, job) : { ...missingJob, error: translate(ctx.locale, missingJob.error) }),
    columns: imp.columns,
    mapping: Object.fromEntries(Object.entries(imp.mapping).filter((e): e is [string, string] => typeof e[1] === "string")),
    mappingSource: imp.mappingSource,
    dryRun: dryRun?.status === "done" ? await countRowReports(ctx.db, id, "dry_run") : null,
    result,
  };
}

/** The rejected rows with their reasons (of the commit once it is done, else of the dry run) as CSV. */
export async function rejectedRowsCsv(ctx: Ctx, id: string): Promise<string> {
  const imp = await requireImport(ctx, id);
  const dryRun = imp.dryRunJobId ? await readJob(ctx, imp.dryRunJobId) : undefined;
  const commit = imp.commitJobId ? await readJob(ctx, imp.commitJobId) : undefined;
  const phase: Phase | null = commit?.status === "done" ? "commit" : dryRun?.status === "done" ? "dry_run" : null;
  if (!phase) throw fail.conflict("Die Probe ist noch nicht fertig.");
  const rows: (string | number)[][] = [];
  for await (const batch of rejectedRowReports(ctx.db, id, phase)) {
    for (const r of batch) {
      rows.push([r.row, (r.reasons ?? []).map((m) => translate(ctx.locale, m)).join("; "), ...(r.cells ?? [])]);
    }
  }
  const header = [translate(ctx.locale, "Zeile"), translate(ctx.locale, "Gründe"), ...imp.columns];
  return toGermanCsv(header, rows);
}
