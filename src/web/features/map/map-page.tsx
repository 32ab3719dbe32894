import "./map.css";
import { Box, Button, Checkbox, Chip, Grid, Group, Loader, Select, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedCallback, useElementSize } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompanyMap } from "../../../features/companies/schema";
import type { District } from "../../../features/geo/schema";
import type { OfferMap } from "../../../features/offers/schema";
import { api, toQuery } from "../../api/client";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { fromSearch, toSearch } from "../../ui/search-params";
import { stages } from "../../ui/stages";
import { useMe } from "../auth/use-me";
import { clusterPoints } from "./cluster";
import { allDistricts, districtShapes } from "./districts-geo";
import { type Item, Legend, Marker, onActivate } from "./map-markers";
import { type DistrictInfo, DistrictTable, type Selection, SelectionPanel } from "./map-panel";
import { mapView } from "./map-view";

const searchKeys = ["q", "stage", "responsible"] as const;
const cell = 30;

/**
 * The service region on a map of its own: districts drawn from the federal shapes with d3-geo,
 * companies (coloured by stage) and open places as markers, clustered where they crowd. A district or
 * a marker, clicked or chosen by keyboard, shows its counts and leads to the filtered lists.
 */
export function MapPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = fromSearch(useSearch({ strict: false }) as Record<string, unknown>, searchKeys);
  const update = (patch: Partial<Record<(typeof searchKeys)[number], string>>) =>
    navigate({ to: ".", search: toSearch({ ...search, ...patch }) as never, replace: true });
  const [q, setQ] = useState(search.q ?? "");
  const changeQ = useDebouncedCallback((v: string) => update({ q: v.trim() || undefined }), 250);
  const [layers, setLayers] = useState({ companies: true, offers: true });
  const [selection, setSelection] = useState<Selection>(null);
  const [zoomed, setZoomed] = useState<string | null>(null);
  const me = useMe();
  // A counsellor sees the companies of their own districts only: the others are marked, not counted as 0.
  const visible = (ags: string) => me.data?.role !== "counsellor" || me.data.districts.includes(ags);
  const chooseDistrict = (ags: string) => {
    setSelection({ kind: "district", ags });
    setZoomed(ags);
  };
  const { ref, width: measured } = useElementSize();
  const width = Math.max(280, Math.round(measured || 640));

  const districts = useQuery({
    queryKey: ["districts"],
    queryFn: () => api<District[]>("GET", "/api/v1/geo/districts"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const companies = useQuery({
    queryKey: ["map", "companies", search],
    queryFn: () => api<CompanyMap>("GET", `/api/v1/companies/map${toQuery(search)}`),
    placeholderData: keepPreviousData,
  });
  const offers = useQuery({
    queryKey: ["map", "offers", search.q],
    queryFn: () => api<OfferMap>("GET", `/api/v1/offers/map${toQuery({ q: search.q, status: "open" })}`),
    placeholderData: keepPreviousData,
  });

  const regionAgs = useMemo(() => (districts.data ?? []).map((d) => d.ags), [districts.data]);
  const shapes = useMemo(() => districtShapes(regionAgs), [regionAgs]);
  const context = useMemo(() => {
    const region = new Set(regionAgs);
    return allDistricts().features.filter((f) => !region.has(f.properties.ags));
  }, [regionAgs]);
  const selectedAgs = selection?.kind === "district" ? selection.ags : null;
  // The whole region fits the width; a chosen district is shown as large as that frame allows.
  const view = useMemo(() => mapView(shapes, width, zoomed), [shapes, width, zoomed]);

  // The places follow the company filters: with a stage or "only mine" set, only the places of those companies.
  const shownCompanies = new Set((companies.data?.items ?? []).map((c) => c.id));
  const companyFiltered = Boolean(search.stage || search.responsible);
  const shownOffers = (offers.data?.items ?? []).filter((o) => !companyFiltered || shownCompanies.has(o.companyId));
  const items: Item[] = [
    ...(layers.companies ? (companies.data?.items ?? []).map((c) => ({ kind: "company" as const, company: c })) : []),
    ...(layers.offers ? shownOffers.map((o) => ({ kind: "offer" as const, offer: o })) : []),
  ];
  const clusters = view
    ? clusterPoints(
        items.flatMap((item) => {
          const p = item.kind === "company" ? item.company : item.offer;
          const xy = view.projection([p.lon, p.lat]);
          return xy ? [{ x: xy[0], y: xy[1], item }] : [];
        }),
        cell,
      )
    : [];

  const counts = new Map<string, { companies: number; places: number }>();
  for (const c of companies.data?.items ?? []) {
    if (!c.ags) continue;
    const n = counts.get(c.ags) ?? { companies: 0, places: 0 };
    n.companies += 1;
    counts.set(c.ags, n);
  }
  for (const o of shownOffers) {
    if (!o.ags) continue;
    const n = counts.get(o.ags) ?? { companies: 0, places: 0 };
    n.places += o.places;
    counts.set(o.ags, n);
  }
  const countOf = (ags: string) => counts.get(ags) ?? { companies: 0, places: 0 };
  const districtInfo: DistrictInfo[] = (districts.data ?? []).map((d) => ({
    ags: d.ags,
    name: d.name,
    visible: visible(d.ags),
    ...countOf(d.ags),
  }));
  const nameOf = (ags: string) => districts.data?.find((d) => d.ags === ags)?.name ?? ags;
  const districtLabel = (ags: string) =>
    !visible(ags)
      ? t("map.notMine", { name: nameOf(ags) })
      : t("map.districtLabel", {
          name: nameOf(ags),
          companies: t("map.companiesCount", { count: countOf(ags).companies }),
          places: t("map.placesCount", { count: countOf(ags).places }),
        });

  return (
    <Stack gap="sm">
      <PageHeader title={t("map.title")} intro={t("map.intro")} />
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t("map.search")}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            changeQ(e.currentTarget.value);
          }}
          style={{ flex: "1 1 14rem" }}
        />
        <Select
          label={t("map.stage")}
          data={stages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          value={search.stage ?? null}
          onChange={(v) => update({ stage: v ?? undefined })}
          clearable
          w={{ base: "100%", xs: 200 }}
        />
        <Chip
          checked={search.responsible === "me"}
          onChange={(on) => update({ responsible: on ? "me" : undefined })}
          variant="outline"
          mb={6}
        >
          {t("map.mine")}
        </Chip>
      </Group>
      <Group gap="md" justify="space-between">
        <Group gap="md" role="group" aria-label={t("map.layers")}>
          <Checkbox
            label={t("map.showCompanies")}
            checked={layers.companies}
            onChange={(e) => setLayers((l) => ({ ...l, companies: e.currentTarget.checked }))}
          />
          <Checkbox
            label={t("map.showOffers")}
            checked={layers.offers}
            onChange={(e) => setLayers((l) => ({ ...l, offers: e.currentTarget.checked }))}
          />
        </Group>
        {(companies.isFetching || offers.isFetching) && <Loader size="sm" aria-label={t("common.loading")} />}
        {zoomed && (
          <Button variant="default" size="xs" onClick={() => setZoomed(null)}>
            {t("map.wholeRegion")}
          </Button>
        )}
      </Group>
      <ProblemAlert error={districts.error ?? companies.error ?? offers.error} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }} style={{ minWidth: 0 }}>
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
                aria-label={t("map.svgLabel")}
                style={{ display: "block", maxWidth: "100%" }}
              >
                {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: decorative shapes and labels, nothing in them takes the focus */}
                <g aria-hidden="true">
                  {context.map((f) => (
                    <path
                      key={f.properties.ags}
                      d={view.path(f) ?? ""}
                      fill="var(--mantine-color-gray-2)"
                      stroke="var(--mantine-color-gray-4)"
                      strokeWidth={0.8}
                    />
                  ))}
                </g>
                <g>
                  {shapes.map((f) => (
                    // biome-ignore lint/a11y/useSemanticElements: a district of the SVG map; SVG has no <button>
                    <path
                      key={f.properties.ags}
                      className="district"
                      d={view.path(f) ?? ""}
                      role="button"
                      tabIndex={0}
                      aria-label={districtLabel(f.properties.ags)}
                      aria-pressed={selectedAgs === f.properties.ags}
                      data-ags={f.properties.ags}
                      fill={
                        selectedAgs === f.properties.ags
                          ? "var(--mantine-color-yellow-1)"
                          : visible(f.properties.ags)
                            ? "var(--mantine-color-white)"
                            : "var(--mantine-color-gray-1)"
                      }
                      stroke="var(--mantine-color-gray-7)"
                      strokeWidth={1.2}
                      onClick={() => chooseDistrict(f.properties.ags)}
                      onKeyDown={onActivate(() => chooseDistrict(f.properties.ags))}
                    />
                  ))}
                </g>
                {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: decorative shapes and labels, nothing in them takes the focus */}
                <g aria-hidden="true">
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
                    <Marker key={c.key} cluster={c} onSelect={() => setSelection({ kind: "points", items: c.items })} />
                  ))}
                </g>
              </svg>
            )}
          </Box>
          <Text size="xs" c="dimmed" mt={4}>
            {t("map.attribution")}
          </Text>
          {companies.data && companies.data.withoutLocation > 0 && (
            <Text size="xs" c="dimmed">
              {t("map.withoutLocation", { count: companies.data.withoutLocation })}
            </Text>
          )}
          <Box mt="xs">
            <Legend />
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <SelectionPanel selection={selection} districts={districtInfo} search={search} />
        </Grid.Col>
      </Grid>
      <DistrictTable districts={districtInfo} search={search} />
    </Stack>
  );
}
