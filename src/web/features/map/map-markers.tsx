import { Group, Text } from "@mantine/core";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { CompanyMap } from "../../../features/companies/schema";
import type { OfferMap } from "../../../features/offers/schema";
import { stageFill, stages } from "../../ui/stages";
import type { Cluster } from "./cluster";

export type CompanyPoint = CompanyMap["items"][number];
export type OfferPoint = OfferMap["items"][number];
export type Item = { kind: "company"; company: CompanyPoint } | { kind: "offer"; offer: OfferPoint };

/** Enter and Space press an SVG element that acts as a button. */
export const onActivate = (action: () => void) => (e: KeyboardEvent) => {
  if (e.key === "Enter" || e.key === " ") {
    e.preventDefault();
    action();
  }
};

/** What the colours and shapes of the markers mean. */
export function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" aria-label={t("map.legend")} role="group">
      {stages.map((s) => (
        <Group key={s} gap={4} wrap="nowrap">
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="6" style={{ fill: stageFill(s) }} stroke="white" />
          </svg>
          <Text size="xs">{t(`stages.${s}`)}</Text>
        </Group>
      ))}
      <Group gap={4} wrap="nowrap">
        <svg width="14" height="14" aria-hidden="true">
          <rect
            x="3"
            y="3"
            width="8"
            height="8"
            transform="rotate(45 7 7)"
            style={{ fill: "var(--mantine-color-dark-7)" }}
            stroke="white"
          />
        </svg>
        <Text size="xs">{t("map.offerMarker")}</Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        <svg width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r="7" style={{ fill: "var(--mantine-color-blue-9)" }} />
        </svg>
        <Text size="xs">{t("map.clusterMarker")}</Text>
      </Group>
    </Group>
  );
}

/** One marker: a company (coloured by stage), an open place (a diamond) or a cluster with its count. */
export function Marker({ cluster, onSelect }: { cluster: Cluster<Item>; onSelect: () => void }) {
  const { t } = useTranslation();
  const companies = cluster.items.filter((i) => i.kind === "company");
  const offers = cluster.items.filter((i) => i.kind === "offer");
  const first = cluster.items[0];
  const label =
    cluster.items.length === 1 && first
      ? first.kind === "company"
        ? t("map.companyMarkerLabel", { name: first.company.name, stage: t(`stages.${first.company.stage}`) })
        : t("map.offerMarkerLabel", { occupation: first.offer.occupationName, name: first.offer.companyName })
      : t("map.clusterLabel", {
          companies: t("map.companiesCount", { count: companies.length }),
          offers: t("map.placeOffersCount", { count: offers.length }),
        });
  // A marker of the SVG map is a button (SVG has no <button>): role, focus, Enter and Space.
  const common = {
    className: "marker",
    role: "button",
    tabIndex: 0,
    "aria-label": label,
    onClick: onSelect,
    onKeyDown: onActivate(onSelect),
    "data-ids": cluster.items.map((i) => (i.kind === "company" ? i.company.id : i.offer.id)).join(" "),
  };
  if (cluster.items.length === 1 && first) {
    return first.kind === "company" ? (
      <g {...common}>
        <title>{label}</title>
        <circle
          className="marker-shape"
          cx={cluster.x}
          cy={cluster.y}
          r={7}
          style={{ fill: stageFill(first.company.stage) }}
          stroke="white"
          strokeWidth={1.5}
        />
      </g>
    ) : (
      <g {...common}>
        <title>{label}</title>
        <rect
          className="marker-shape"
          x={cluster.x - 5}
          y={cluster.y - 5}
          width={10}
          height={10}
          transform={`rotate(45 ${cluster.x} ${cluster.y})`}
          style={{ fill: "var(--mantine-color-dark-7)" }}
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
