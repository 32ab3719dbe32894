import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { parse } from "csv-parse/sync";
import pino from "pino";
import { openDatabase } from "../src/db/connection.js";
import { demoAccounts, insertAccount } from "../src/db/factories.js";
import { seededRandom } from "../src/engine/index.js";
import { commitImport, startImport } from "../src/features/imports/service.js";
import { createJobRunner } from "../src/features/jobs/runner.js";
import { syncOccupationCatalogue } from "../src/features/occupations/service.js";
import { loadConfig } from "../src/lib/config.js";
import { type Ctx, systemContext } from "../src/lib/context.js";

/**
 * The import figure: a CSV of 50,000 companies with one training place each (real postcodes of the
 * service region, real occupation ids), dry run and commit through the job handlers on a PGlite data
 * directory, as the app runs them. Target: ≤ 30 s for both together, memory flat: the live JS heap grows
 * only by the file itself and a hashed key per planned company (compare 10000 with 50000 rows); RSS also
 * holds PGlite's page cache, which grows with the database, not with the import.
 *
 *   npx tsx bench/imports.ts [rows]          (exit code 1 when a check or the target fails)
 *   runImportsBench({ rows, print })         (for bench/run.ts)
 */

const root = path.resolve(import.meta.dirname, "..");
const targetSeconds = 30;

export type ImportsBenchResult = {
  rows: number;
  fileMb: number;
  dryRunSeconds: number;
  commitSeconds: number;
  seconds: number;
  targetSeconds: number;
  baselineRssMb: number;
  peakRssMb: number;
  /** The import's own memory: the live JS heap at its peak (after a collection, every 10th batch). */
  peakHeapMb: number;
  /** CPU seconds of this process (user + system): the work, apart from what other processes take from it. */
  cpuSeconds: number;
  created: number;
  verified: boolean;
};

/** Real postcodes of the service region (the places of data/plz-de.csv in its districts). */
function regionPostcodes(region: string[]): { postcode: string; place: string }[] {
  const rows = parse(readFileSync(path.join(root, "data/plz-de.csv")), { columns: true }) as Record<string, string>[];
  const seen = new Map<string, string>();
  for (const r of rows) {
    const code = r.zipcode as string;
    if (region.includes(r.community_code as string) && !seen.has(code) && !/gmbh|\bag\b|kasse|versicherung/i.test(r.place as string)) {
      seen.set(code, r.place as string);
    }
  }
  return [...seen].map(([postcode, place]) => ({ postcode, place }));
}

function occupationIds(): string[] {
  const file = JSON.parse(readFileSync(path.join(root, "data/occupations.json"), "utf8")) as {
    occupations: { id: string; validUntil?: string }[];
  };
  return file.occupations.filter((o) => !o.validUntil || o.validUntil >= "2027-08-01").map((o) => o.id);
}

/** The file: German headers, semicolons, a BOM, as a spreadsheet program writes it. */
export function importBenchCsv(rows: number, region: string[]): Uint8Array {
  const random = seededRandom(2026);
  const places = regionPostcodes(region);
  const occupations = occupationIds();
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T;
  const sizes = ["1-9", "10-49", "50-249", "250+"];
  const lines = ["\uFEFFExterne ID;Name;Straße;PLZ;Ort;Branche;Größe;Beruf;Plätze;Beginn"];
  for (let i = 1; i <= rows; i++) {
    const p = pick(places);
    const start = `01.0${8 + Math.floor(random() * 2)}.202${7 + Math.floor(random() * 2)}`;
    lines.push(
      [
        `B-${i}`,
        `Bench-Betrieb ${i} GmbH`,
        `Hauptstraße ${1 + (i % 120)}`,
        p.postcode,
        p.place,
        pick(["Handwerk", "Handel", "Pflege", "Gastronomie", "Logistik"]),
        pick(sizes),
        pick(occupations),
        String(1 + Math.floor(random() * 3)),
        start,
      ].join(";"),
    );
  }
  return new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export async function runImportsBench(options: { rows?: number; print?: (line: string) => void } = {}): Promise<ImportsBenchResult> {
  const rows = options.rows ?? 50_000;
  const print = options.print ?? ((line: string) => console.log(line));
  const dir = mkdtempSync(path.join(tmpdir(), "lotse-bench-imports-"));
  const config = loadConfig({ DATA_DIR: path.join(dir, "db"), LOG_LEVEL: "silent" });
  const log = pino({ level: "silent" });
  const handle = await openDatabase({ dataDir: config.dataDir, prepareNew: (db) => syncOccupationCatalogue(db).then(() => undefined) });
  try {
    const spec = demoAccounts.find((a) => a.role === "coordinator");
    if (!spec) throw new Error("no coordinator in the demo accounts");
    const userId = await insertAccount(handle.db, spec);
    const ctx: Ctx = {
      ...systemContext({ db: handle.db, config, log }, "bench"),
      actor: {
        id: userId,
        email: spec.email,
        displayName: spec.displayName,
        role: "coordinator",
        districts: [],
        organisation: null,
        mustChangePassword: false,
        totpEnabled: false,
        secondFactorPending: false,
        sessionTokenHash: "",
      },
      scope: { districts: "all", organisation: null },
    };
    const file = importBenchCsv(rows, config.serviceRegion);
    // The live heap (after a collection) is what the import keeps; without one, the peak counts garbage.
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    gc();
    const base = process.memoryUsage();
    let peak = base.rss;
    let peakHeap = base.heapUsed;
    let batches = 0;
    // Sampled after batches: PGlite answers in microtasks, so a timer would not run during a job.
    const sample = () => {
      const collect = batches++ % 10 === 0;
      if (collect) gc();
      const m = process.memoryUsage();
      peak = Math.max(peak, m.rss);
      if (collect) peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const runner = createJobRunner({ db: handle.db, config, log, onProgress: sample });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { id } = await startImport(ctx, { format: "csv", fileName: "bench.csv", bytes: file });
    await runner.drainJobs();
    const t1 = performance.now();
    await commitImport(ctx, id);
    await runner.drainJobs();
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    batches = 0;
    sample();

    const job = await handle.db
      .selectFrom("data_import")
      .innerJoin("job", "job.id", "data_import.commit_job_id")
      .select(["job.status", "job.result"])
      .where("data_import.id", "=", id)
      .executeTakeFirstOrThrow();
    const result = job.result as { created: number; updated: number; rejected: number } | null;
    const count = async (table: "company" | "offer") =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [companies, offers] = [await count("company"), await count("offer")];
    const out: ImportsBenchResult = {
      rows,
      fileMb: mb(file.byteLength),
      dryRunSeconds: Math.round(t1 - t0) / 1000,
      commitSeconds: Math.round(t2 - t1) / 1000,
      seconds: Math.round(t2 - t0) / 1000,
      targetSeconds,
      baselineRssMb: mb(base.rss),
      peakRssMb: mb(peak),
      peakHeapMb: mb(peakHeap),
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
      created: result?.created ?? 0,
      verified: job.status === "done" && result?.created === rows && result.rejected === 0 && companies === rows && offers === rows,
    };
    print(
      `Import ${rows} Zeilen (${out.fileMb} MB CSV, PGlite): Probe ${out.dryRunSeconds} s + Übernahme ${out.commitSeconds} s = ${out.seconds} s (Ziel ≤ ${targetSeconds} s; CPU ${out.cpuSeconds} s)`,
    );
    print(
      `  RSS: vorher ${out.baselineRssMb} MB, Spitze ${out.peakRssMb} MB (+${mb(peak - base.rss)} MB, darin PGlites Seiten-Cache im WebAssembly-Speicher)`,
    );
    print(`  JS-Heap (lebend): vorher ${mb(base.heapUsed)} MB, Spitze ${out.peakHeapMb} MB (Ziel: flach, wächst nicht mit der Datei)`);
    print(`  geschrieben: ${companies} Betriebe, ${offers} Plätze; ${out.verified ? "geprüft" : "FEHLER: Zahlen stimmen nicht"}`);
    return out;
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? 50_000);
  const result = await runImportsBench({ rows });
  if (!result.verified || result.seconds > targetSeconds) process.exitCode = 1;
}
