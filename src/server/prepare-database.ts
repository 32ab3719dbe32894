import type { Kysely } from "kysely";
import { type DemoPlace, demoDistricts } from "../db/demo-region.js";
import { seedDemoData } from "../db/factories.js";
import type { Database } from "../db/types.js";
import { demoChains } from "../features/chains/demo.js";
import { syncChainReference } from "../features/chains/reference.js";
import { geoReference } from "../features/geo/reference-data.js";
import { findPostcode } from "../features/geo/service.js";
import { demoMatchingEngine } from "../features/matching/demo-run.js";
import { syncOccupationCatalogue } from "../features/occupations/service.js";

/** Postcodes that name an organisation (large-customer postcodes), not a place: no demo company sits there. */
const organisation =
  /gmbh|mbh|\bag\b|\bkg\b|\bco\.|agentur|amtsgericht|kasse|versicherung|^landkreis|^stadt |universit|klinik|bibliothek|finanz|jobcenter|apotheke|pharma|deutsche post|huk|bkk|aok|renten|^ihk|medien|envia|datenverarbeitung|regierungspr|douglas/i;

/**
 * The real postcodes of the demo districts, each placed as the geo service places it (primary place:
 * district, coordinates) with the names of its places in that district.
 */
export function demoRegionPlaces(districts: readonly string[] = demoDistricts.map((d) => d.ags)): Map<string, DemoPlace[]> {
  const byDistrict = new Map<string, DemoPlace[]>();
  for (const [postcode, rows] of [...geoReference().places.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!rows.some((r) => districts.includes(r.ags))) continue;
    const info = findPostcode(postcode);
    if (!info || !districts.includes(info.primary.ags)) continue;
    const places = [...new Set(rows.filter((r) => r.ags === info.primary.ags).map((r) => r.name))];
    if (places.some((name) => organisation.test(name))) continue;
    const list = byDistrict.get(info.primary.ags) ?? [];
    list.push({ postcode, ags: info.primary.ags, lat: info.primary.lat, lon: info.primary.lon, places });
    byDistrict.set(info.primary.ags, list);
  }
  return byDistrict;
}

/**
 * What a database needs besides its migrations: reference data, and demo data when asked for (the
 * demo accounts, the demo region with its young people and matches, and a finished region run of the
 * matching engine; the dates relative to `now`).
 */
export async function prepareNewDatabase(db: Kysely<Database>, demo: boolean, now = new Date()): Promise<void> {
  await syncOccupationCatalogue(db);
  await syncChainReference(db, now);
  if (demo) await seedDemoData(db, { region: { now, places: demoRegionPlaces() }, engine: demoMatchingEngine, chains: demoChains });
}
