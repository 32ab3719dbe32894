import { Button, Center, Checkbox, EmptyState, Group, Loader, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CandidatePage, CandidateRow } from "../../../features/candidates/schema";
import { api } from "../../api/client";
import { LoadMore } from "../../ui/load-more";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { useMe } from "../auth/use-me";
import { CandidateCards } from "./candidate-cards";
import { CandidateFilters } from "./candidate-filters";
import { CandidateTable } from "./candidate-table";
import { residenceRoles } from "./constants";
import { RetentionPanel } from "./retention-panel";
import { useCandidateSearch } from "./use-candidate-search";

const pageSize = 50;

/** "Jugendliche": search and filters in the address, the table, load more, export of exactly what is filtered. */
export function CandidatesPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { filters, sort, update, query } = useCandidateSearch();
  const [withResidence, setWithResidence] = useState(false);
  // On a phone the rows become cards (the same break as the navigation drawer).
  const phone = useMediaQuery("(max-width: 48em)");
  const list = useInfiniteQuery({
    queryKey: ["candidates", "list", filters, sort],
    queryFn: ({ pageParam }) =>
      api<CandidatePage>("GET", `/api/v1/candidates${query({ sort, limit: String(pageSize), cursor: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const filtered = Object.keys(filters).length > 0;
  // "1.284 Jugendliche, 37 gefiltert": the count of everybody in reach next to the filtered one.
  const all = useQuery({
    queryKey: ["candidates", "total"],
    queryFn: () => api<CandidatePage>("GET", "/api/v1/candidates?limit=1"),
    enabled: filtered,
  });
  const items: CandidateRow[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const capped = (page?: CandidatePage) => page?.totalCapped === true;
  const mayExportResidence = me ? residenceRoles.includes(me.role) : false;
  const exportHref = (format: string) =>
    `/api/v1/candidates/export${query({ format, includeResidence: mayExportResidence && withResidence ? "true" : undefined })}`;
  const newButton = (
    <Button component={Link} to="/jugendliche/neu">
      {t("candidates.new")}
    </Button>
  );

  return (
    <Stack gap="sm">
      <PageHeader title={t("candidates.title")} intro={t("candidates.intro")} actions={newButton} />
      <CandidateFilters filters={filters} onChange={update} />
      <Group justify="space-between" gap="xs">
        <Text fw={600} aria-hidden>
          {!list.data
            ? "\u00a0"
            : capped(list.data.pages[0]) || (filtered && capped(all.data))
              ? t("candidates.countMore", { count: total })
              : filtered && all.data
                ? t("candidates.countFiltered", { count: all.data.total, filtered: total })
                : t("candidates.count", { count: total })}
        </Text>
        <Group gap="xs" role="group" aria-label={t("candidates.exportLabel")}>
          {mayExportResidence && (
            <Checkbox
              size="xs"
              label={t("candidates.withResidence")}
              title={t("candidates.withResidenceHint")}
              checked={withResidence}
              onChange={(e) => setWithResidence(e.currentTarget.checked)}
            />
          )}
          <Button component="a" href={exportHref("csv")} variant="default" size="xs">
            {t("candidates.exportCsv")}
          </Button>
          <Button component="a" href={exportHref("xlsx")} variant="default" size="xs">
            {t("candidates.exportXlsx")}
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
          title={filtered ? t("candidates.noMatch") : t("candidates.empty")}
          description={filtered ? t("candidates.noMatchHint") : t("candidates.emptyHint")}
        >
          <EmptyState.Actions>
            {filtered ? (
              <Button variant="default" onClick={() => update(Object.fromEntries(Object.keys(filters).map((k) => [k, undefined])))}>
                {t("candidates.filters.clear")}
              </Button>
            ) : (
              newButton
            )}
          </EmptyState.Actions>
        </EmptyState>
      ) : list.data ? (
        phone ? (
          <CandidateCards items={items} />
        ) : (
          <CandidateTable items={items} sort={sort} onSort={(s) => update({ sort: s })} />
        )
      ) : null}
      {list.data && total > 0 && (
        <LoadMore
          label={t("candidates.shown", { shown: items.length, total })}
          moreLabel={t("candidates.loadMore")}
          hasMore={Boolean(list.hasNextPage)}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
        />
      )}
      {me?.role === "admin" && <RetentionPanel />}
    </Stack>
  );
}
