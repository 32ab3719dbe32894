import { Badge, Button, Center, EmptyState, Group, Loader, Select, Stack, Table, Text } from "@mantine/core";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatDay, todayIso } from "../../ui/days";
import { LoadMore } from "../../ui/load-more";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { fromSearch, toSearch } from "../../ui/search-params";
import { TableScroll } from "../../ui/table-scroll";
import { useMyDistricts } from "../matching/use-my-districts";
import { useAllTemplates, useRuns } from "./api";
import { type RunFilters, runFilterKeys } from "./constants";
import { ChainRunLink, ChainViews } from "./links";

function useRunSearch() {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const filters: RunFilters = fromSearch(search, runFilterKeys);
  const update = (patch: RunFilters) => navigate({ to: ".", search: toSearch({ ...filters, ...patch }) as never, replace: true });
  return { filters, update };
}

const half = { base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 180 };

/** The runs of the person's districts (one per match): progress, overdue steps and the next deadline. */
export function ChainRunsPage() {
  const { t, i18n } = useTranslation();
  const { filters, update } = useRunSearch();
  const { districts } = useMyDistricts();
  const templates = useAllTemplates();
  const list = useRuns(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = Object.keys(filters).length > 0;
  const lang = i18n.language;
  const today = todayIso();
  const clear = () => update(Object.fromEntries(runFilterKeys.map((k) => [k, undefined])));
  const templateOptions = (templates.data?.items ?? [])
    .filter((tpl) => tpl.status !== "draft" || tpl.runCount > 0)
    .map((tpl) => ({ value: tpl.id, label: t("chains.runs.templateOption", { name: tpl.name, version: tpl.version }) }));

  return (
    <Stack gap="sm">
      <PageHeader title={t("chains.runs.title")} intro={t("chains.runs.intro")} />
      <ChainViews current="runs" />
      <Group gap="xs" role="group" aria-label={t("chains.filters.label")} align="flex-end">
        <Select
          label={t("chains.filters.district")}
          data={districts.map((d) => ({ value: d.ags, label: d.name }))}
          value={filters.district ?? null}
          onChange={(v) => update({ district: v ?? undefined })}
          clearable
          size="xs"
          w={half}
        />
        <Select
          label={t("chains.filters.template")}
          data={templateOptions}
          value={filters.templateId ?? null}
          onChange={(v) => update({ templateId: v ?? undefined })}
          clearable
          size="xs"
          w={{ base: "100%", xs: 280 }}
        />
        <Select
          label={t("chains.filters.overdue")}
          data={[
            { value: "true", label: t("chains.filters.overdueOnly") },
            { value: "false", label: t("chains.filters.notOverdue") },
          ]}
          value={filters.overdue ?? null}
          onChange={(v) => update({ overdue: v ?? undefined })}
          clearable
          size="xs"
          w={half}
        />
        <Select
          label={t("chains.filters.finished")}
          data={[
            { value: "false", label: t("chains.filters.running") },
            { value: "true", label: t("chains.filters.finishedOnly") },
          ]}
          value={filters.finished ?? null}
          onChange={(v) => update({ finished: v ?? undefined })}
          clearable
          size="xs"
          w={half}
        />
        {filtered && (
          <Button variant="subtle" size="xs" onClick={clear}>
            {t("chains.filters.clear")}
          </Button>
        )}
      </Group>
      <Text fw={600} aria-hidden>
        {list.data ? t("chains.runs.count", { count: total }) : "\u00a0"}
      </Text>
      <ProblemAlert error={list.error} />
      {list.isPending && (
        <Center mih={200}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {list.data && total === 0 ? (
        <EmptyState
          title={filtered ? t("chains.runs.noMatch") : t("chains.runs.empty")}
          description={filtered ? undefined : t("chains.runs.emptyHint")}
        >
          <EmptyState.Actions>
            {filtered ? (
              <Button variant="default" onClick={clear}>
                {t("chains.filters.clear")}
              </Button>
            ) : (
              <Button component={Link} to="/matching/board">
                {t("chains.runs.toBoard")}
              </Button>
            )}
          </EmptyState.Actions>
        </EmptyState>
      ) : list.data ? (
        <TableScroll label={t("common.tableOf", { title: t("chains.runs.title") })} minWidth={900}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("chains.runs.columns.person")}</Table.Th>
                <Table.Th>{t("chains.runs.columns.place")}</Table.Th>
                <Table.Th>{t("chains.runs.columns.start")}</Table.Th>
                <Table.Th>{t("chains.runs.columns.district")}</Table.Th>
                <Table.Th>{t("chains.runs.columns.progress")}</Table.Th>
                <Table.Th>{t("chains.runs.columns.nextDue")}</Table.Th>
                <Table.Th>{t("chains.runs.columns.template")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <ChainRunLink id={r.id} size="sm" fw={600}>
                      {r.candidateName}
                    </ChainRunLink>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.companyName}</Text>
                    <Text size="xs" c="dimmed">
                      {r.occupationName} · {t(`offers.kinds.${r.placeKind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDay(r.trainingStart, lang)}</Table.Td>
                  <Table.Td>{r.districtName ?? "–"}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                      {t("chains.runs.progressValue", { done: r.doneCount, total: r.stepCount })}
                    </Text>
                    {r.finishedAt && (
                      <Badge size="sm" variant="light" color="green">
                        {t("chains.runs.finished")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {r.overdueCount > 0 && (
                      <Badge size="sm" variant="filled" color="red.8" mr={4}>
                        {t("chains.runs.overdueCount", { count: r.overdueCount })}
                      </Badge>
                    )}
                    {r.nextDue ? (
                      <Text span size="sm" fw={r.nextDue < today ? 700 : 400}>
                        {formatDay(r.nextDue, lang)}
                      </Text>
                    ) : (
                      "–"
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t("chains.runs.templateOption", { name: r.templateName, version: r.templateVersion })}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {list.data && total > 0 && (
        <LoadMore
          label={t("chains.runs.shown", { shown: items.length, total })}
          moreLabel={t("chains.loadMore")}
          hasMore={Boolean(list.hasNextPage)}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
        />
      )}
    </Stack>
  );
}
