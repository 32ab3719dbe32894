import { around, distance } from "geokdbush";
import { fail } from "../../lib/errors.js";
import { msg } from "../../lib/i18n/messages.js";
import { geoReference, type PlaceRow } from "./reference-data.js";
import type { District, PostcodeInfo } from "./schema.js";

/** Great-circle distance in kilometres. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return distance(a.lon, a.lat, b.lon, b.lat);
}

export function nearestStation(point: { lat: number; lon: number }): { name: string; km: number } | null {
  const { stations } = geoReference();
  const [id] = around(stations.index, point.lon, point.lat, 1, 200);
  if (id === undefined) return null;
  return {
    name: stations.names[id] as string,
    km: distanceKm(point, { lat: stations.lat[id] as number, lon: stations.lon[id] as number }),
  };
}

/**
 * The point that stands for a postcode: the mean of its places in the district that holds most of
 * them (17 postcodes of Sachsen-Anhalt span two districts).
 */
function primaryPlace(rows: PlaceRow[]): PlaceRow {
  const byDistrict = new Map<string, PlaceRow[]>();
  for (const r of rows) byDistrict.set(r.ags, [...(byDistrict.get(r.ags) ?? []), r]);
  const main = [...byDistrict.values()].sort((a, b) => b.length - a.length)[0] as PlaceRow[];
  const lat = main.reduce((s, r) => s + r.lat, 0) / main.length;
  const lon = main.reduce((s, r) => s + r.lon, 0) / main.length;
  const first = main[0] as PlaceRow;
  return { ...first, lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 };
}

/** Postcodes are reference data: each is worked out once per process (it includes a nearest-station search). */
const postcodeCache = new Map<string, PostcodeInfo>();

export function findPostcode(postcode: string): PostcodeInfo | undefined {
  if (!/^\d{5}$/.test(postcode)) return undefined;
  const cached = postcodeCache.get(postcode);
  if (cached) return cached;
  const rows = geoReference().places.get(postcode);
  if (!rows?.length) return undefined;
  const primary = primaryPlace(rows);
  const toPlace = (r: PlaceRow) => ({ name: r.name, lat: r.lat, lon: r.lon, ags: r.ags, district: districtName(r.ags) ?? r.district });
  const info: PostcodeInfo = {
    postcode,
    primary: toPlace(primary),
    places: rows.map(toPlace),
    inServiceRegion: false,
    nearestStation: nearestStation(primary),
  };
  postcodeCache.set(postcode, info);
  return info;
}

/** Like findPostcode, but a malformed or unknown postcode is a clear 422 for the field. */
export function requirePostcode(postcode: string, field = "postcode", serviceRegion: string[] = []): PostcodeInfo {
  if (!/^\d{5}$/.test(postcode)) throw fail.invalid({ [field]: ["Eine Postleitzahl hat fünf Ziffern"] });
  const info = findPostcode(postcode);
  if (!info) throw fail.invalid({ [field]: [msg("Die Postleitzahl {postcode} ist nicht bekannt", { postcode })] });
  return { ...info, inServiceRegion: serviceRegion.includes(info.primary.ags) };
}

export function districtName(ags: string): string | undefined {
  return geoReference().districts.get(ags)?.name;
}

export function serviceRegionDistricts(serviceRegion: string[]): District[] {
  return serviceRegion.map((ags) => geoReference().districts.get(ags) ?? { ags, name: ags, kind: "unbekannt" });
}
