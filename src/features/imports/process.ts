import { type Ctx, withWrite } from "../../lib/context.js";
import { DomainError } from "../../lib/errors.js";
import { type Msg, msg } from "../../lib/i18n/messages.js";
import { type CompanyPlan, type PlannedCompanies, planImportCompanies, writeImportCompanies } from "../companies/import-upsert.js";
import type { ReportProgress } from "../jobs/registry.js";
import type { Job } from "../jobs/schema.js";
import { type ImportOfferItem, type OfferPlan, type PlannedOffers, planImportOffers, writeImportOffers } from "../offers/import-upsert.js";
import { jobsuchePostings, jobsucheRow } from "./jobsuche.js";
import { columnIndexes, valuesOf } from "./mapping.js";
import { type OccupationMatcher, occupationMatcher } from "./occupation-match.js";
import {
  advanceCheckpoint,
  countRowReports,
  deleteRowReports,
  dropContent,
  findImport,
  type ImportRecord,
  importContent,
  insertRowReports,
  type RowReport,
  setRowCount,
} from "./repository.js";
import { type CheckedRow, checkRow, type SourceRow } from "./rows.js";
import { estimateRows, sheetRows } from "./sheets.js";

/**
 * The two jobs of an import. The dry run reads the file and records per row what a commit would do,
 * writing nothing else. The commit reads it again and writes batch by batch: each batch's companies,
 * places, row reports, audit entries and the checkpoint go in one transaction, so a crash leaves whole
 * batches or none, and the next attempt goes on after the checkpoint.
 */

export type ImportJobPayload = { importId: string; batchSize?: number };

const dryRunBatch = 1000;
const commitBatch = 1000;

async function* sourceRows(imp: ImportRecord, bytes: Uint8Array): AsyncGenerator<SourceRow> {
  if (imp.format === "jobsuche") {
    const postings = jobsuchePostings(bytes);
    for (let i = 0; i < postings.length; i++) {
      const { values, cells } = jobsucheRow(postings[i] ?? {});
      yield { row: i + 1, cells, values, source: "jobsuche" };
    }
    return;
  }
  const indexes = columnIndexes(imp.columns, imp.mapping);
  let header = true;
  for await (const r of sheetRows(imp.format, bytes)) {
    if (header) {
      header = false;
      continue;
    }
    yield { row: r.row, cells: r.cells, values: valuesOf(r.cells, indexes), source: "import" };
  }
}

async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** What earlier rows of the file plan to create, by key (external id, name + postcode, …). */
type Seen = { get: (key: string) => string | undefined; set: (key: string, value: string) => void };

/** cyrb53: a 53-bit hash of a string (collisions at 10⁵ keys: about one in a million files). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The dry run remembers the whole file's plans by hashed key, so memory stays small for a big file. The
 * ids are kept as flat copies: Node's `randomUUID()` answers a string of some 20 concatenated pieces.
 */
function hashedSeen(): Seen {
  const map = new Map<number, string>();
  const flat = (id: string) => Buffer.from(id, "latin1").toString("latin1");
  return { get: (key) => map.get(hash53(key)), set: (key, value) => void map.set(hash53(key), flat(value)) };
}

/** Entries planned in this batch stay apart until the batch is settled (a row rejected late plans nothing). */
function layer(base: Seen) {
  const local = new Map<string, string>();
  return {
    get: (key: string) => local.get(key) ?? base.get(key),
    set: (key: string, value: string) => local.set(key, value),
    keep: () => {
      for (const [k, v] of local) base.set(k, v);
    },
  };
}

type Plan = {
  reports: RowReport[];
  companies: { list: Parameters<typeof writeImportCompanies>[1]; plans: CompanyPlan[] };
  offers: { list: ImportOfferItem[]; plans: OfferPlan[] };
};

/**
 * What a batch of checked rows does, against the database as it is. A row whose place is refused (its
 * reference belongs elsewhere) is rejected whole, and the batch is planned again without it, so nothing of
 * it (not even its company) is written.
 */
async function planBatch(ctx: Ctx, checked: CheckedRow[], companiesSeen: Seen, offersSeen: Seen): Promise<Plan> {
  const late = new Map<number, Msg[]>();
  for (;;) {
    const rows = checked.filter((r): r is Extract<CheckedRow, { ok: true }> => r.ok && !late.has(r.row));
    const companyLayer = layer(companiesSeen);
    const offerLayer = layer(offersSeen);
    const companyPlans = await planImportCompanies(
      ctx,
      rows.map((r) => r.company),
      companyLayer satisfies PlannedCompanies,
    );
    const withOffer: { index: number; item: ImportOfferItem }[] = [];
    rows.forEach((r, i) => {
      const p = companyPlans[i];
      if (r.offer && p && p.action !== "reject") {
        withOffer.push({ index: i, item: { offer: r.offer, companyId: p.id, companyInDb: p.action === "update" && !p.planned } });
      }
    });
    const offerPlans = await planImportOffers(
      ctx,
      withOffer.map((o) => o.item),
      offerLayer satisfies PlannedOffers,
    );
    const refused = withOffer.filter((_, j) => offerPlans[j]?.action === "reject");
    if (refused.length) {
      for (const o of refused) {
        const p = offerPlans[withOffer.indexOf(o)];
        late.set(rows[o.index]?.row ?? -1, p?.action === "reject" ? p.reasons : []);
      }
      continue;
    }
    companyLayer.keep();
    offerLayer.keep();
    const offerOf = new Map(withOffer.map((o, j) => [o.index, offerPlans[j]]));
    const byRow = new Map(rows.map((r, i) => [r.row, i]));
    const reports: RowReport[] = checked.map((r) => {
      if (!r.ok) return { row: r.row, action: "reject", reasons: r.reasons, cells: r.cells };
      const lateReasons = late.get(r.row);
      if (lateReasons) return { row: r.row, action: "reject", reasons: lateReasons, cells: r.cells };
      const i = byRow.get(r.row) as number;
      const c = companyPlans[i] as CompanyPlan;
      if (c.action === "reject") return { row: r.row, action: "reject", reasons: c.reasons, cells: r.cells };
      const o = offerOf.get(i);
      return { row: r.row, action: c.action === "create" || o?.action === "create" ? "create" : "update", reasons: null, cells: null };
    });
    return {
      reports,
      companies: { list: rows.map((r) => r.company), plans: companyPlans },
      offers: { list: withOffer.map((o) => o.item), plans: offerPlans },
    };
  }
}

async function load(ctx: Ctx, job: Job) {
  const payload = job.payload as ImportJobPayload;
  const imp = await findImport(ctx.db, payload.importId, null);
  if (!imp) throw new DomainError("not_found", "Der Import existiert nicht mehr.");
  return { imp, payload, bytes: await importContent(ctx.db, imp.id) };
}

async function checkAll(rows: SourceRow[], occupations: OccupationMatcher): Promise<CheckedRow[]> {
  const out: CheckedRow[] = [];
  for (const r of rows) out.push(await checkRow(r, occupations));
  return out;
}

/** The dry run: every row checked and planned against the database; only the report is written. */
export async function dryRunImport(ctx: Ctx, job: Job, report: ReportProgress) {
  const { imp, payload, bytes } = await load(ctx, job);
  await report(0, "Die Datei wird gelesen");
  const total = imp.format === "jobsuche" ? jobsuchePostings(bytes).length : await estimateRows(imp.format, bytes);
  const occupations = await occupationMatcher(ctx);
  await deleteRowReports(ctx.db, imp.id, "dry_run");
  const companiesSeen = hashedSeen();
  const offersSeen = hashedSeen();
  let done = 0;
  for await (const batch of inBatches(sourceRows(imp, bytes), payload.batchSize ?? dryRunBatch)) {
    const plan = await planBatch(ctx, await checkAll(batch, occupations), companiesSeen, offersSeen);
    await insertRowReports(ctx.db, imp.id, "dry_run", plan.reports);
    done += batch.length;
    await report(Math.min(0.99, done / total), msg("Zeile {done} von {total} geprüft", { done, total: Math.max(done, total) }));
  }
  await setRowCount(ctx.db, imp.id, done);
  return countRowReports(ctx.db, imp.id, "dry_run");
}

class CheckpointMoved extends Error {}

/** One batch written whole: companies, places, row reports, audit and the checkpoint in one transaction. */
async function writeBatch(ctx: Ctx, importId: string, checked: CheckedRow[], from: number): Promise<number> {
  const to = checked[checked.length - 1]?.row ?? from;
  await withWrite(ctx, async (w) => {
    const plan = await planBatch(w, checked, new Map(), new Map());
    await writeImportCompanies(w, plan.companies.list, plan.companies.plans);
    await writeImportOffers(w, plan.offers.list, plan.offers.plans);
    await insertRowReports(w.db, importId, "commit", plan.reports);
    if (!(await advanceCheckpoint(w.db, importId, from, to))) throw new CheckpointMoved();
  });
  return to;
}

/**
 * The commit: batch after batch from the checkpoint on. A batch the database refuses (a constraint no
 * check foresaw) is written again row by row, and the row that is refused is reported as rejected.
 */
export async function commitImport(ctx: Ctx, job: Job, report: ReportProgress) {
  const { imp, payload, bytes } = await load(ctx, job);
  // The file is emptied only after the last batch: a retry after that (a crash before the job was marked
  // done) finds the work done.
  if (bytes.byteLength === 0 && imp.committedRows > 0) return countRowReports(ctx.db, imp.id, "commit");
  const occupations = await occupationMatcher(ctx);
  const total = imp.rowCount ?? 1;
  let checkpoint = imp.committedRows;
  let done = 0;
  await report(0, "Die Datei wird gelesen");
  for await (const batch of inBatches(sourceRows(imp, bytes), payload.batchSize ?? commitBatch)) {
    done += batch.length;
    const pending = batch.filter((r) => r.row > checkpoint);
    if (!pending.length) continue;
    const checked = await checkAll(pending, occupations);
    try {
      checkpoint = await writeBatch(ctx, imp.id, checked, checkpoint);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      for (const row of checked) {
        try {
          checkpoint = await writeBatch(ctx, imp.id, [row], checkpoint);
        } catch (rowError) {
          if (!(rowError instanceof DomainError)) throw rowError;
          const refused: CheckedRow = { row: row.row, cells: row.cells, ok: false, reasons: [rowError.detail] };
          checkpoint = await writeBatch(ctx, imp.id, [refused], checkpoint);
        }
      }
    }
    await report(Math.min(0.99, done / total), msg("Zeile {done} von {total} übernommen", { done, total: Math.max(done, total) }));
  }
  await dropContent(ctx.db, imp.id);
  return countRowReports(ctx.db, imp.id, "commit");
}
