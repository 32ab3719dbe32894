import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
// The district shapes of Germany (about 200 kB): imported as text into the map page's own chunk, so
// only the map loads them; no tile server, works offline.
import kreise from "../../../../data/kreise-de.topojson?raw";

export type DistrictProps = { ags: string; name: string; kind: string };
export type DistrictShape = Feature<Geometry, DistrictProps>;

let parsed: FeatureCollection<Geometry, DistrictProps> | null = null;

/** Every German district as GeoJSON (parsed once). */
export function allDistricts(): FeatureCollection<Geometry, DistrictProps> {
  if (!parsed) {
    const topology = JSON.parse(kreise) as Topology;
    const object = Object.values(topology.objects)[0] as GeometryCollection<DistrictProps>;
    parsed = feature(topology, object);
  }
  return parsed;
}

/** The shapes of the given districts (the service region), in the order of `ags`. */
export function districtShapes(ags: string[]): DistrictShape[] {
  const byAgs = new Map(allDistricts().features.map((f) => [f.properties.ags, f]));
  return ags.flatMap((a) => {
    const shape = byAgs.get(a);
    return shape ? [shape] : [];
  });
}
