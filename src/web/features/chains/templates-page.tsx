import { Badge, Button, Center, EmptyState, Group, Loader, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDay } from "../../ui/days";
import { LoadMore } from "../../ui/load-more";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { fromSearch, toSearch } from "../../ui/search-params";
import { TableScroll } from "../../ui/table-scroll";
import { useDistricts } from "../companies/api";
import { useTemplates } from "./api";
import { useChainText } from "./chain-text";
import { type TemplateFilters, templateFilterKeys, templateStatusColors, templateStatuses } from "./constants";
import { IndicatorsPanel } from "./indicators-panel";
import { ChainViews, TemplateLink } from "./links";

function useTemplateSearch() {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const filters: TemplateFilters = fromSearch(search, templateFilterKeys);
  const update = (patch: TemplateFilters) => navigate({ to: ".", search: toSearch({ ...filters, ...patch }) as never, replace: true });
  return { filters, update };
}

const half = { base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 180 };

/** The chain templates of every district (Halle's worked-out chain and its variants), with the section's figures. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const { filters, update } = useTemplateSearch();
  const [q, setQ] = useState(filters.q ?? "");
  const changeQ = useDebouncedCallback((v: string) => update({ q: v.trim() || undefined }), 250);
  const districts = useDistricts();
  const list = useTemplates(filters);
  const text = useChainText();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = Object.keys(filters).length > 0;
  const lang = i18n.language;
  const clear = () => {
    setQ("");
    update(Object.fromEntries(templateFilterKeys.map((k) => [k, undefined])));
  };

  return (
    <Stack gap="sm">
      <PageHeader title={t("chains.templates.title")} intro={t("chains.templates.intro")} />
      <ChainViews current="templates" />
      <TextInput
        label={t("chains.templates.search")}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          changeQ(e.currentTarget.value);
        }}
      />
      <Group gap="xs" role="group" aria-label={t("chains.filters.label")} align="flex-end">
        <Select
          label={t("chains.filters.district")}
          data={(districts.data ?? []).map((d) => ({ value: d.ags, label: d.name }))}
          value={filters.district ?? null}
          onChange={(v) => update({ district: v ?? undefined })}
          clearable
          size="xs"
          w={half}
        />
        <Select
          label={t("chains.filters.status")}
          data={templateStatuses.map((s) => ({ value: s, label: t(`chains.templateStatuses.${s}`) }))}
          value={filters.status ?? null}
          onChange={(v) => update({ status: v ?? undefined })}
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
        {list.data ? t("chains.templates.count", { count: total }) : "\u00a0"}
      </Text>
      <ProblemAlert error={list.error} />
      {list.isPending && (
        <Center mih={200}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {list.data && total === 0 ? (
        <EmptyState title={filtered ? t("chains.templates.noMatch") : t("chains.templates.empty")}>
          {filtered && (
            <EmptyState.Actions>
              <Button variant="default" onClick={clear}>
                {t("chains.filters.clear")}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      ) : list.data ? (
        <TableScroll label={t("common.tableOf", { title: t("chains.templates.title") })} minWidth={860}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("chains.templates.columns.name")}</Table.Th>
                <Table.Th>{t("chains.templates.columns.districts")}</Table.Th>
                <Table.Th>{t("chains.templates.columns.version")}</Table.Th>
                <Table.Th>{t("chains.templates.columns.status")}</Table.Th>
                <Table.Th>{t("chains.templates.columns.steps")}</Table.Th>
                <Table.Th>{t("chains.templates.columns.toCheck")}</Table.Th>
                <Table.Th>{t("chains.templates.columns.runs")}</Table.Th>
                <Table.Th>{t("chains.templates.columns.validFrom")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((tpl) => (
                <Table.Tr key={tpl.id}>
                  <Table.Td>
                    <TemplateLink id={tpl.id} size="sm" fw={600}>
                      {tpl.name}
                    </TemplateLink>
                    {tpl.sourceName && (
                      <Text size="xs" c="dimmed">
                        {t("chains.templates.fromSource", { name: tpl.sourceName })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{text.districts(tpl.districtNames, tpl.districts)}</Table.Td>
                  <Table.Td>{tpl.version}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={templateStatusColors[tpl.status]}>
                      {t(`chains.templateStatuses.${tpl.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{tpl.stepCount}</Table.Td>
                  <Table.Td>
                    {tpl.toCheckCount > 0 ? (
                      <Text span size="sm" fw={700} c="orange.9">
                        {tpl.toCheckCount}
                      </Text>
                    ) : (
                      "–"
                    )}
                  </Table.Td>
                  <Table.Td>{tpl.runCount}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {formatDay(tpl.validFrom, lang)}
                    {tpl.validTo ? ` – ${formatDay(tpl.validTo, lang)}` : ""}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {list.data && total > 0 && (
        <LoadMore
          label={t("chains.templates.shown", { shown: items.length, total })}
          moreLabel={t("chains.loadMore")}
          hasMore={Boolean(list.hasNextPage)}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
        />
      )}
      <IndicatorsPanel district={filters.district} />
    </Stack>
  );
}
