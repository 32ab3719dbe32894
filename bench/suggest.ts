import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { type CandidateInput, createMatcher, type OfferInput, seededRandom } from "../src/engine/index.js";
import type { BenchRow } from "./matching.js";

const root = path.resolve(import.meta.dirname, "..");

function places(): { lat: number; lon: number }[] {
  const rows = parse(readFileSync(path.join(root, "data/plz-de.csv")), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ({ lat: Number(r.latitude), lon: Number(r.longitude) }));
}

function occupations(): { id: string; kldb: string }[] {
  return (JSON.parse(readFileSync(path.join(root, "data/occupations.json"), "utf8")) as { occupations: { id: string; kldb: string }[] })
    .occupations;
}

/** B4: suggestOffers over a national snapshot of offers placed at real postcodes. */
export function offerSnapshotBench(quick: boolean): BenchRow[] {
  const random = seededRandom(5);
  const pts = places();
  const occ = occupations();
  const n = quick ? 50_000 : 500_000;
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T;
  const levels = ["A2", "B1", "B2"] as const;
  const offers: OfferInput[] = Array.from({ length: n }, (_, i) => {
    const p = pick(pts);
    return {
      id: `o${i}`,
      kind: random() < 0.8 ? "training" : "entry_qualification",
      occupation: pick(occ),
      places: 1 + Math.floor(random() * 3),
      startDate: random() < 0.5 ? "2027-08-01" : "2027-09-01",
      lat: p.lat + (random() - 0.5) * 0.02,
      lon: p.lon + (random() - 0.5) * 0.03,
      stationKm: random() * 8,
      requirements: { minGermanLevel: pick([null, ...levels]), minSchoolCertificate: null, drivingLicence: random() < 0.1 },
    };
  });
  const candidates: CandidateInput[] = Array.from({ length: 200 }, (_, i) => {
    const p = pick(pts);
    return {
      id: `c${i}`,
      lat: p.lat,
      lon: p.lon,
      stationKm: random() * 4,
      germanLevel: pick(["A2", "B1", "B2"] as const),
      schoolCertificate: "intermediate",
      desiredOccupations: [pick(occ), pick(occ), pick(occ)],
      openToRelatedFields: true,
      hasDrivingLicence: true,
      hasCar: true,
      maxCommuteKm: 50,
      availableFrom: "2027-06-01",
      residence: { status: "permit_work_allowed", workPermission: "allowed" },
    };
  });

  const t0 = performance.now();
  const matcher = createMatcher({ today: "2026-11-24", offers, candidates });
  const buildMs = performance.now() - t0;

  // Warm-up: one pass over the same queries, so the measured pass is steady state (optimised code).
  for (let q = 0; q < 200; q++) matcher.suggestOffers(`c${q}`, 20);
  const times: number[] = [];
  for (let q = 0; q < 200; q++) {
    const t = performance.now();
    matcher.suggestOffers(`c${q}`, 20);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95) - 1] as number;
  const p50 = times[Math.floor(times.length * 0.5)] as number;

  // Verification: for ten queries, a plain scan scores every offer within 60 km pair by pair
  // (explainPair) and must give the same top 20 scores.
  let verified = true;
  for (let q = 0; q < 10; q++) {
    const c = candidates[q] as CandidateInput;
    const cos = Math.cos((c.lat * Math.PI) / 180);
    const plain = offers
      .filter((o) => Math.hypot((o.lat - c.lat) * 111.2, (o.lon - c.lon) * 111.2 * cos) < 60)
      .map((o) => matcher.explainPair(c.id, o.id).score)
      .filter((x): x is number => x !== null)
      .sort((a, b) => b - a)
      .slice(0, 20);
    const fast = matcher.suggestOffers(c.id, 20).items.map((i) => i.score);
    if (JSON.stringify(plain) !== JSON.stringify(fast)) verified = false;
  }
  const label = quick ? "50k" : "500k";
  return [
    {
      id: `B4 build ${label} offers`,
      ms: buildMs,
      anchor: "target 3000 ms",
      anchorMs: 3000,
      ratio: buildMs / 3000,
      target: "≤ 3 s",
      verified: true,
      note: buildMs <= 3000 ? "target met" : "TARGET MISSED",
    },
    {
      id: `B4 suggestOffers p95`,
      ms: p95,
      anchor: "target 2 ms",
      anchorMs: 2,
      ratio: p95 / 2,
      target: "p95 ≤ 2 ms",
      verified,
      note: `200 queries after a warm-up pass, k = 20, 50 km; p50 ${p50.toFixed(2)} ms, max ${(times[times.length - 1] as number).toFixed(2)} ms; top 20 scores equal to a plain scan of every pair within 60 km in 10 queries: ${verified}${p95 <= 2 ? ", target met" : ", TARGET MISSED"}`,
    },
  ];
}
