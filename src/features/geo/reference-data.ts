import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import KDBush from "kdbush";
import { dataDir } from "../../lib/data-dir.js";

export type PlaceRow = { postcode: string; name: string; lat: number; lon: number; ags: string; district: string; stateCode: string };
export type DistrictRow = { ags: string; name: string; kind: string };
export type Stations = { names: string[]; lat: Float64Array; lon: Float64Array; index: KDBush };

export type GeoReference = {
  places: Map<string, PlaceRow[]>;
  districts: Map<string, DistrictRow>;
  stations: Stations;
};

let cached: GeoReference | undefined;

/** Loads postcodes, districts and stations once per process (about 25k rows, some 100 ms). */
export function geoReference(): GeoReference {
  if (cached) return cached;
  const plzRows = parse(readFileSync(path.join(dataDir, "plz-de.csv")), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const places = new Map<string, PlaceRow[]>();
  for (const r of plzRows) {
    const row: PlaceRow = {
      postcode: r.zipcode as string,
      name: r.place as string,
      lat: Number(r.latitude),
      lon: Number(r.longitude),
      ags: r.community_code as string,
      district: r.community as string,
      stateCode: r.state_code as string,
    };
    const list = places.get(row.postcode);
    if (list) list.push(row);
    else places.set(row.postcode, [row]);
  }

  const topo = JSON.parse(readFileSync(path.join(dataDir, "kreise-de.topojson"), "utf8")) as {
    objects: Record<string, { geometries: { properties: DistrictRow }[] }>;
  };
  const districts = new Map<string, DistrictRow>();
  for (const object of Object.values(topo.objects)) {
    for (const g of object.geometries)
      districts.set(g.properties.ags, { ags: g.properties.ags, name: g.properties.name, kind: g.properties.kind });
  }

  const stationRows = parse(readFileSync(path.join(dataDir, "stations-de.csv")), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const index = new KDBush(stationRows.length);
  const lat = new Float64Array(stationRows.length);
  const lon = new Float64Array(stationRows.length);
  const names: string[] = [];
  stationRows.forEach((r, i) => {
    lat[i] = Number(r.lat);
    lon[i] = Number(r.lon);
    names.push(r.name as string);
    index.add(lon[i] as number, lat[i] as number);
  });
  index.finish();
  cached = { places, districts, stations: { names, lat, lon, index } };
  return cached;
}
