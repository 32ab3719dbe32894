import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runMatchingBench } from "./matching.js";

/**
 * npm run bench [-- matching] [--quick] [--only B1,B3]
 * Each figure is printed beside its anchor, measured in the same run, and written to bench/results/.
 */
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyArg = args.find((a) => a.startsWith("--only"));
const only = onlyArg ? (onlyArg.includes("=") ? onlyArg.split("=")[1] : args[args.indexOf(onlyArg) + 1])?.split(",") : undefined;
const suites = args.filter((a) => !a.startsWith("--") && !(only ?? []).join(",").includes(a));
const run = suites.length ? suites : ["matching"];

for (const suite of run) {
  if (suite !== "matching") {
    console.error(`Unbekannte Benchmark-Suite: ${suite} (vorhanden: matching)`);
    process.exit(1);
  }
  console.log(`== ${suite}${quick ? " (quick)" : ""}`);
  const rows = runMatchingBench({ quick, only });
  const out = path.resolve(import.meta.dirname, "results", quick ? "matching-quick.json" : "matching.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`written: ${path.relative(process.cwd(), out)}`);
  if (rows.some((r) => !r.verified)) {
    console.error("A result failed its verification.");
    process.exitCode = 1;
  }
}
