import "../map/map.css";
import { Box, Group, Stack, Text, Title } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Run } from "../../../features/matching/schema";
import { useDistricts } from "../companies/api";
import { type Cluster, clusterPoints } from "../map/cluster";
import { districtShapes } from "../map/districts-geo";
import { onActivate } from "../map/map-markers";
import { mapView } from "../map/map-view";

type Pair = NonNullable<Run["result"]>["assignments"][number];
/** A place on the map with the people the run gave it; never a person's own location. */
type PlacePoint = { offerId: string; companyName: string; occupationName: string; lat: number; lon: number; people: number };

const cell = 30;

function PlaceMarker({ cluster, onSelect, selected }: { cluster: Cluster<PlacePoint>; onSelect: () => void; selected: boolean }) {
  const { t } = useTranslation();
  const people = cluster.items.reduce((s, p) => s + p.people, 0);
  const first = cluster.items[0];
  const label =
    cluster.items.length === 1 && first
      ? t("matching.runs.map.placeLabel", { company: first.companyName, occupation: first.occupationName, count: people })
      : t("matching.runs.map.clusterLabel", { places: cluster.items.length, count: people });
  const common = {
    className: "marker",
    role: "button",
    tabIndex: 0,
    "aria-label": label,
    "aria-pressed": selected,
    onClick: onSelect,
    onKeyDown: onActivate(onSelect),
  };
  if (cluster.items.length === 1) {
    return (
      <g {...common}>
        <title>{label}</title>
        <rect
          className="marker-shape"
          x={cluster.x - 6}
          y={cluster.y - 6}
          width={12}
          height={12}
          transform={`rotate(45 ${cluster.x} ${cluster.y})`}
          style={{ fill: "var(--mantine-color-teal-9)" }}
          stroke="white"
          strokeWidth={1.5}
        />
      </g>
    );
  }
  const r = 10 + Math.min(10, Math.sqrt(cluster.items.length) * 1.5);
  return (
    <g {...common}>
      <title>{label}</title>
      <circle
        className="marker-shape"
        cx={cluster.x}
        cy={cluster.y}
        r={r}
        style={{ fill: "var(--mantine-color-blue-9)" }}
        stroke="white"
        strokeWidth={2}
      />
      <text x={cluster.x} y={cluster.y} dy="0.35em" textAnchor="middle" fontSize={11} fontWeight={700} fill="white">
        {cluster.items.length}
      </text>
    </g>
  );
}

/**
 * The places of a run's proposed pairs on the offline map of the region (district shapes drawn with
 * d3-geo, no tile server): one diamond per place, clusters where they crowd. Only places: the people's
 * homes are never drawn. A marker chosen by click or keyboard lists its places below the map.
 */
export function RunMap({ pairs, districts }: { pairs: Pair[]; districts: string[] | null }) {
  const { t } = useTranslation();
  const region = useDistricts();
  const { ref, width: measured } = useElementSize();
  const width = Math.max(280, Math.round(measured || 640));
  const [selected, setSelected] = useState<string | null>(null);
  const ags = useMemo(() => districts ?? (region.data ?? []).map((d) => d.ags), [districts, region.data]);
  const shapes = useMemo(() => districtShapes(ags), [ags]);
  const view = useMemo(() => mapView(shapes, width, null), [shapes, width]);
  const places = useMemo(() => {
    const byOffer = new Map<string, PlacePoint>();
    for (const p of pairs) {
      if (p.lat === null || p.lon === null) continue;
      const known = byOffer.get(p.offerId);
      if (known) known.people += 1;
      else
        byOffer.set(p.offerId, {
          offerId: p.offerId,
          companyName: p.companyName,
          occupationName: p.occupationName,
          lat: p.lat,
          lon: p.lon,
          people: 1,
        });
    }
    return [...byOffer.values()];
  }, [pairs]);
  const clusters = view
    ? clusterPoints(
        places.flatMap((p) => {
          const xy = view.projection([p.lon, p.lat]);
          return xy ? [{ x: xy[0], y: xy[1], item: p }] : [];
        }),
        cell,
      )
    : [];
  const chosen = clusters.find((c) => c.key === selected);
  const nameOf = (a: string) => region.data?.find((d) => d.ags === a)?.name ?? a;
  return (
    <Stack gap="xs">
      <Box
        ref={ref}
        className="lotse-map"
        style={{
          border: "1px solid var(--mantine-color-default-border)",
          borderRadius: 4,
          background: "var(--mantine-color-gray-0)",
          overflow: "hidden",
        }}
      >
        {view && (
          // biome-ignore lint/a11y/useSemanticElements: an SVG map, a fieldset cannot hold it
          <svg
            width={width}
            height={view.height}
            viewBox={`0 0 ${width} ${view.height}`}
            role="group"
            aria-label={t("matching.runs.map.label")}
            style={{ display: "block", maxWidth: "100%" }}
          >
            {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: decorative shapes and labels, nothing in them takes the focus */}
            <g aria-hidden="true">
              {shapes.map((f) => (
                <path
                  key={f.properties.ags}
                  d={view.path(f) ?? ""}
                  fill="var(--mantine-color-white)"
                  stroke="var(--mantine-color-gray-7)"
                  strokeWidth={1.2}
                />
              ))}
              {shapes.map((f) => {
                const [x, y] = view.path.centroid(f);
                return (
                  <text
                    key={f.properties.ags}
                    className="label"
                    x={x}
                    y={y}
                    textAnchor="middle"
                    fontSize={12}
                    fill="var(--mantine-color-gray-8)"
                  >
                    {nameOf(f.properties.ags)}
                  </text>
                );
              })}
            </g>
            <g>
              {clusters.map((c) => (
                <PlaceMarker
                  key={c.key}
                  cluster={c}
                  selected={c.key === selected}
                  onSelect={() => setSelected(c.key === selected ? null : c.key)}
                />
              ))}
            </g>
          </svg>
        )}
      </Box>
      <Text size="xs" c="dimmed">
        {t("matching.runs.map.hint")} {t("map.attribution")}
      </Text>
      <Box aria-live="polite">
        {chosen && (
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t("matching.runs.map.here", { count: chosen.items.length })}
            </Title>
            <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: "none" }}>
              {chosen.items.map((p) => (
                <Group component="li" key={p.offerId} gap="xs" wrap="nowrap">
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {p.companyName} – {p.occupationName}: {t("matching.runs.map.people", { count: p.people })}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Stack>
        )}
      </Box>
    </Stack>
  );
}
