import { Badge, Button, Center, EmptyState, Group, Loader, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Company, CompanyPage } from "../../../features/companies/schema";
import { api } from "../../api/client";
import { CompanyLink } from "../../ui/company-link";
import { formatDay, formatDayOf } from "../../ui/days";
import { LoadMore } from "../../ui/load-more";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { StageBadge } from "../../ui/stages";
import { TableScroll } from "../../ui/table-scroll";
import { CompanyFilters } from "./company-filters";
import { CompanyViews } from "./company-views";
import type { SortKey } from "./constants";
import { useCompanySearch } from "./use-company-search";

const pageSize = 50;

/** A column header that sorts the list; the server knows one direction per key. */
function SortHeader({ label, by, sort, onSort }: { label: string; by: SortKey; sort: SortKey; onSort: (s: SortKey) => void }) {
  const { t } = useTranslation();
  const active = sort === by;
  return (
    <Table.Th aria-sort={active ? (by === "name" ? "ascending" : "descending") : undefined}>
      <UnstyledButton
        onClick={() => onSort(by)}
        fw={700}
        fz="sm"
        aria-label={t("companies.sortBy", { column: label })}
        style={{ whiteSpace: "nowrap" }}
      >
        {label} <span aria-hidden="true">{active ? (by === "name" ? "▲" : "▼") : "↕"}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

export function CompaniesPage() {
  const { t, i18n } = useTranslation();
  const { filters, sort, update, query } = useCompanySearch();
  const list = useInfiniteQuery({
    queryKey: ["companies", "list", filters, sort],
    queryFn: ({ pageParam }) =>
      api<CompanyPage>("GET", `/api/v1/companies${query({ sort, limit: String(pageSize), cursor: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  // "1.284 Betriebe, 37 gefiltert": the count of all companies in reach, next to the filtered one.
  const all = useQuery({
    queryKey: ["companies", "total"],
    queryFn: () => api<CompanyPage>("GET", "/api/v1/companies?limit=1"),
    enabled: Object.keys(filters).length > 0,
  });
  const items: Company[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = Object.keys(filters).length > 0;
  const lang = i18n.language;

  return (
    <Stack gap="sm">
      <PageHeader
        title={t("companies.title")}
        intro={t("companies.intro")}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/betriebe/neu">
              {t("companies.new")}
            </Button>
          </Group>
        }
      />
      <CompanyViews current="list" filters={filters} />
      <CompanyFilters filters={filters} onChange={update} />
      <Group justify="space-between" gap="xs">
        <Text fw={600} aria-hidden>
          {!list.data
            ? "\u00a0"
            : filtered && all.data
              ? t("companies.countFiltered", { count: all.data.total, filtered: total })
              : t("companies.count", { count: total })}
        </Text>
        <Group gap="xs">
          <Button component={Link} to="/betriebe/import" variant="default" size="xs">
            {t("imports.open")}
          </Button>
          <Button component="a" href={`/api/v1/companies/export${query({ format: "csv" })}`} variant="default" size="xs">
            {t("companies.exportCsv")}
          </Button>
          <Button component="a" href={`/api/v1/companies/export${query({ format: "xlsx" })}`} variant="default" size="xs">
            {t("companies.exportXlsx")}
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
        <EmptyState
          title={filtered ? t("companies.noMatch") : t("companies.empty")}
          description={filtered ? t("companies.noMatchHint") : t("companies.emptyHint")}
        >
          <EmptyState.Actions>
            {filtered ? (
              <Button variant="default" onClick={() => update(Object.fromEntries(Object.keys(filters).map((k) => [k, undefined])))}>
                {t("companies.filters.clear")}
              </Button>
            ) : (
              <Button component={Link} to="/betriebe/neu">
                {t("companies.new")}
              </Button>
            )}
          </EmptyState.Actions>
        </EmptyState>
      ) : list.data ? (
        <TableScroll label={t("common.tableOf", { title: t("companies.title") })} minWidth={860}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <SortHeader label={t("companies.columns.name")} by="name" sort={sort} onSort={(s) => update({ sort: s })} />
                <Table.Th>{t("companies.columns.district")}</Table.Th>
                <Table.Th>{t("companies.columns.stage")}</Table.Th>
                <SortHeader label={t("companies.columns.stageSince")} by="stage_changed" sort={sort} onSort={(s) => update({ sort: s })} />
                <Table.Th>{t("companies.columns.openPlaces")}</Table.Th>
                <Table.Th>{t("companies.columns.nextStep")}</Table.Th>
                <Table.Th>{t("companies.columns.responsible")}</Table.Th>
                <SortHeader label={t("companies.columns.created")} by="created" sort={sort} onSort={(s) => update({ sort: s })} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <CompanyLink id={c.id} fw={600}>
                      {c.name}
                    </CompanyLink>
                    <Group gap={4}>
                      <Text size="xs" c="dimmed">
                        {[c.postalCode, c.city].filter(Boolean).join(" ")}
                      </Text>
                      {c.migrantLed && (
                        <Badge size="xs" variant="outline" color="grape">
                          {t("companies.migrantLedBadge")}
                        </Badge>
                      )}
                      {!c.inServiceRegion && (
                        <Badge size="xs" variant="outline" color="gray">
                          {t("companies.outsideRegion")}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.districtName ?? "–"}</Table.Td>
                  <Table.Td>
                    <StageBadge stage={c.stage} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDayOf(c.stageChangedAt, lang)}</Table.Td>
                  <Table.Td>{c.openPlaces}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{c.nextStepDue ? formatDay(c.nextStepDue, lang) : "–"}</Table.Td>
                  <Table.Td>{c.responsibleName ?? "–"}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDayOf(c.createdAt, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {list.data && total > 0 && (
        <LoadMore
          label={t("companies.shown", { shown: items.length, total })}
          moreLabel={t("companies.loadMore")}
          hasMore={Boolean(list.hasNextPage)}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
        />
      )}
    </Stack>
  );
}
