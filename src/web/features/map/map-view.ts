import { geoCentroid, geoMercator, geoPath } from "d3-geo";
import type { DistrictShape } from "./districts-geo";

const padding = 12;

/**
 * The projection of the map: the whole region fits the width (its height follows); a chosen
 * district is shown as large as that frame allows.
 */
export function mapView(shapes: DistrictShape[], width: number, zoomed: string | null) {
  if (shapes.length === 0) return null;
  const region = { type: "FeatureCollection" as const, features: shapes };
  const whole = geoMercator().fitWidth(width - 2 * padding, region);
  const [[, top], [, bottom]] = geoPath(whole).bounds(region);
  const height = Math.ceil(bottom - top + 2 * padding);
  const focus = shapes.find((f) => f.properties.ags === zoomed);
  const frame: [[number, number], [number, number]] = [
    [padding, padding],
    [width - padding, height - padding],
  ];
  let projection = geoMercator().fitExtent(frame, focus ?? region);
  // A small district (a city) is enlarged at most threefold: its neighbours stay in sight, and the
  // simplified borders are not blown up into coarse polygons.
  const most = geoMercator().fitExtent(frame, region).scale() * 3;
  if (focus && projection.scale() > most) {
    projection = geoMercator()
      .center(geoCentroid(focus))
      .scale(most)
      .translate([width / 2, height / 2]);
  }
  return { projection, path: geoPath(projection), height };
}
