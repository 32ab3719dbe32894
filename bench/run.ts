import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCandidatesBench } from "./candidates.js";
import { runCompaniesBench } from "./companies.js";
import { runMatchingBench } from "./matching.js";
import { runMatchingDailyBench } from "./matching-daily.js";

/**
 * npm run bench [-- matching] [-- companies] [-- candidates] [-- matching-daily] [--quick] [--only B1,B3]
 * Each figure is printed beside its anchor or target, measured in the same run, and written to bench/results/.
 */
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyArg = args.find((a) => a.startsWith("--only"));
const only = onlyArg ? (onlyArg.includes("=") ? onlyArg.split("=")[1] : args[args.indexOf(onlyArg) + 1])?.split(",") : undefined;
const suites = args.filter((a) => !a.startsWith("--") && !(only ?? []).join(",").includes(a));
const run = suites.length ? suites : ["matching"];
const known = ["matching", "companies", "candidates", "matching-daily"];

const write = (name: string, text: string) => {
  const out = path.resolve(import.meta.dirname, "results", name);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
  const shown = path.relative(process.cwd(), out);
  console.log(`written: ${shown.startsWith("..") ? out : shown}`);
};

for (const suite of run) {
  if (!known.includes(suite)) {
    console.error(`Unbekannte Benchmark-Suite: ${suite} (vorhanden: ${known.join(", ")})`);
    process.exit(1);
  }
  console.log(`== ${suite}${quick ? " (quick)" : ""}`);
  if (suite === "companies") {
    const { rows, plans } = await runCompaniesBench({ quick });
    write(quick ? "companies-quick.json" : "companies.json", `${JSON.stringify(rows, null, 2)}\n`);
    // The quick run's plans go to the temporary directory (bench/results keeps the full run's).
    write(quick ? path.join(tmpdir(), "lotse-companies-plans-quick.txt") : "companies-plans.txt", plans);
    if (rows.some((r) => r.met === false)) {
      console.error("A target was missed (see the plans).");
      process.exitCode = 1;
    }
    continue;
  }
  if (suite === "candidates") {
    const { rows, plans } = await runCandidatesBench({ quick });
    // The quick run's figures and all plans go to the temporary directory (bench/results keeps the full run's figures).
    write(quick ? path.join(tmpdir(), "lotse-candidates-quick.json") : "candidates.json", `${JSON.stringify(rows, null, 2)}\n`);
    write(path.join(tmpdir(), quick ? "lotse-candidates-plans-quick.txt" : "lotse-candidates-plans.txt"), plans);
    if (rows.some((r) => !r.met)) {
      console.error("A target was missed (see the plans).");
      process.exitCode = 1;
    }
    continue;
  }
  if (suite === "matching-daily") {
    const { rows, plans } = await runMatchingDailyBench({ quick });
    // The quick run's figures and all plans go to the temporary directory (bench/results keeps the full run's figures).
    write(quick ? path.join(tmpdir(), "lotse-matching-daily-quick.json") : "matching-daily.json", `${JSON.stringify(rows, null, 2)}\n`);
    write(path.join(tmpdir(), quick ? "lotse-matching-daily-plans-quick.txt" : "lotse-matching-daily-plans.txt"), plans);
    if (rows.some((r) => r.met === false)) {
      console.error("A target was missed.");
      process.exitCode = 1;
    }
    continue;
  }
  const rows = runMatchingBench({ quick, only });
  write(quick ? "matching-quick.json" : "matching.json", `${JSON.stringify(rows, null, 2)}\n`);
  if (rows.some((r) => !r.verified)) {
    console.error("A result failed its verification.");
    process.exitCode = 1;
  }
}
