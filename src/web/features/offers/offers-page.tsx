import { Badge, Button, Center, EmptyState, Group, Loader, Select, Stack, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { District } from "../../../features/geo/schema";
import type { Offer, OfferPage } from "../../../features/offers/schema";
import { api, toQuery } from "../../api/client";
import { CompanyLink } from "../../ui/company-link";
import { DateField, isIsoDay } from "../../ui/date-field";
import { formatDay } from "../../ui/days";
import { LoadMore } from "../../ui/load-more";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { fromSearch, toSearch } from "../../ui/search-params";
import { TableScroll } from "../../ui/table-scroll";
import { type OfferFilters, offerFilterKeys, offerKinds, offerStatuses, statusColors } from "./constants";
import { OccupationSelect } from "./occupation-select";
import { OfferDialog } from "./offer-dialog";

const pageSize = 50;

function useOfferSearch() {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const filters: OfferFilters = fromSearch(search, offerFilterKeys);
  const occupationName = fromSearch(search, ["occupationName"]).occupationName;
  const update = (patch: OfferFilters & { occupationName?: string }) =>
    navigate({ to: ".", search: toSearch({ ...filters, occupationName, ...patch }) as never, replace: true });
  return { filters, occupationName, update };
}

/** Places across all companies of the person's districts: filter, page by cursor, export exactly what is filtered. */
export function OffersPage() {
  const { t, i18n } = useTranslation();
  const { filters, occupationName, update } = useOfferSearch();
  const [q, setQ] = useState(filters.q ?? "");
  const changeQ = useDebouncedCallback((v: string) => update({ q: v.trim() || undefined }), 250);
  const [editing, setEditing] = useState<Offer | "new" | null>(null);
  const districts = useQuery({
    queryKey: ["districts"],
    queryFn: () => api<District[]>("GET", "/api/v1/geo/districts"),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const list = useInfiniteQuery({
    queryKey: ["offers", "list", filters],
    queryFn: ({ pageParam }) =>
      api<OfferPage>("GET", `/api/v1/offers${toQuery({ ...filters, limit: pageSize, cursor: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = Object.keys(filters).length > 0;
  const lang = i18n.language;
  const exportHref = (format: string) => `/api/v1/offers/export${toQuery({ ...filters, format })}`;
  const clear = () => {
    setQ("");
    update(Object.fromEntries([...offerFilterKeys, "occupationName"].map((k) => [k, undefined])));
  };

  return (
    <Stack gap="sm">
      <PageHeader
        title={t("offers.title")}
        intro={t("offers.intro")}
        actions={<Button onClick={() => setEditing("new")}>{t("offers.new")}</Button>}
      />
      <TextInput
        label={t("offers.search")}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          changeQ(e.currentTarget.value);
        }}
      />
      <Group gap="xs" role="group" aria-label={t("offers.filters.label")} align="flex-end">
        <Select
          label={t("offers.filters.district")}
          data={(districts.data ?? []).map((d) => ({ value: d.ags, label: d.name }))}
          value={filters.district ?? null}
          onChange={(v) => update({ district: v ?? undefined })}
          clearable
          size="xs"
          w={{ base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 160 }}
        />
        <Select
          label={t("offers.filters.kind")}
          data={offerKinds.map((k) => ({ value: k, label: t(`offers.kinds.${k}`) }))}
          value={filters.kind ?? null}
          onChange={(v) => update({ kind: v ?? undefined })}
          clearable
          size="xs"
          w={{ base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 140 }}
        />
        <Select
          label={t("offers.filters.status")}
          data={offerStatuses.map((s) => ({ value: s, label: t(`offers.statuses.${s}`) }))}
          value={filters.status ?? null}
          onChange={(v) => update({ status: v ?? undefined })}
          clearable
          size="xs"
          w={{ base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 140 }}
        />
        <OccupationSelect
          label={t("offers.filters.occupation")}
          value={filters.occupationId ?? null}
          selectedName={occupationName}
          onChange={(id, name) => update({ occupationId: id ?? undefined, occupationName: name ?? undefined })}
          clearable
          size="xs"
          w={{ base: "100%", xs: 240 }}
        />
        <DateField
          label={t("offers.filters.startFrom")}
          value={filters.startFrom ?? ""}
          onChange={(v) => (v === "" || isIsoDay(v) ? update({ startFrom: v || undefined }) : undefined)}
          size="xs"
          w={{ base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 130 }}
        />
        <DateField
          label={t("offers.filters.startTo")}
          value={filters.startTo ?? ""}
          onChange={(v) => (v === "" || isIsoDay(v) ? update({ startTo: v || undefined }) : undefined)}
          size="xs"
          w={{ base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 130 }}
        />
        {filtered && (
          <Button variant="subtle" size="xs" onClick={clear}>
            {t("offers.filters.clear")}
          </Button>
        )}
      </Group>
      <Group justify="space-between" gap="xs">
        <Text fw={600} aria-hidden>
          {list.data ? t("offers.count", { count: total }) : "\u00a0"}
        </Text>
        <Group gap="xs">
          <Button component="a" href={exportHref("csv")} variant="default" size="xs">
            {t("offers.exportCsv")}
          </Button>
          <Button component="a" href={exportHref("xlsx")} variant="default" size="xs">
            {t("offers.exportXlsx")}
          </Button>
        </Group>
      </Group>
      <ProblemAlert error={list.error} />
      {list.isPending && (
        <Center mih={200}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {list.data && total === 0 ? (
        <EmptyState title={filtered ? t("offers.noMatch") : t("offers.empty")} description={filtered ? undefined : t("offers.emptyHint")}>
          <EmptyState.Actions>
            {filtered ? (
              <Button variant="default" onClick={clear}>
                {t("offers.filters.clear")}
              </Button>
            ) : (
              <Button onClick={() => setEditing("new")}>{t("offers.new")}</Button>
            )}
          </EmptyState.Actions>
        </EmptyState>
      ) : list.data ? (
        <TableScroll label={t("common.tableOf", { title: t("offers.title") })} minWidth={900}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("offers.columns.occupation")}</Table.Th>
                <Table.Th>{t("offers.columns.company")}</Table.Th>
                <Table.Th>{t("offers.columns.kind")}</Table.Th>
                <Table.Th>{t("offers.columns.places")}</Table.Th>
                <Table.Th>{t("offers.columns.start")}</Table.Th>
                <Table.Th>{t("offers.columns.place")}</Table.Th>
                <Table.Th>{t("offers.columns.status")}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {o.occupationName}
                    </Text>
                    {o.title && (
                      <Text size="xs" c="dimmed">
                        {o.title}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <CompanyLink id={o.companyId} size="sm">
                      {o.companyName}
                    </CompanyLink>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {t(`offers.kinds.${o.kind}`)}
                    {o.eqMonths ? ` (${t("offers.eqMonthsValue", { count: o.eqMonths })})` : ""}
                  </Table.Td>
                  <Table.Td>{o.places}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDay(o.startDate, lang)}</Table.Td>
                  <Table.Td>
                    {[o.postalCode, o.city].filter(Boolean).join(" ")}
                    {o.districtName && (
                      <Text size="xs" c="dimmed">
                        {o.districtName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={statusColors[o.status]}>
                      {t(`offers.statuses.${o.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {o.status === "open" && (
                      <Button
                        renderRoot={(root) => <Link {...root} to="/ausbildungsplaetze/$id/matching" params={{ id: o.id }} />}
                        size="compact-xs"
                        variant="subtle"
                        mr={4}
                        aria-label={t("matching.offer.linkFor", { name: `${o.occupationName}, ${o.companyName}` })}
                      >
                        {t("matching.offer.link")}
                      </Button>
                    )}
                    <Button
                      size="compact-xs"
                      variant="light"
                      onClick={() => setEditing(o)}
                      aria-label={`${t("common.edit")}: ${o.occupationName}, ${o.companyName}`}
                    >
                      {t("common.edit")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {list.data && total > 0 && (
        <LoadMore
          label={t("offers.shown", { shown: items.length, total })}
          moreLabel={t("offers.loadMore")}
          hasMore={Boolean(list.hasNextPage)}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
        />
      )}
      <OfferDialog opened={editing !== null} offer={editing && editing !== "new" ? editing : undefined} onClose={() => setEditing(null)} />
    </Stack>
  );
}
