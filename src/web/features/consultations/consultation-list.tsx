import { Badge, Button, Center, EmptyState, Group, Loader, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsultationPage } from "../../../features/consultations/schema";
import { api, toQuery } from "../../api/client";
import { DateField, isIsoDay } from "../../ui/date-field";
import { formatDay } from "../../ui/days";
import { LoadMore } from "../../ui/load-more";
import { ProblemAlert } from "../../ui/problem-alert";
import { fromSearch, toSearch } from "../../ui/search-params";
import { TableScroll } from "../../ui/table-scroll";
import { CandidateLink } from "../candidates/candidate-link";
import { useDistricts } from "../companies/api";
import { consultationKinds } from "./constants";

const pageSize = 50;
const filterKeys = ["q", "kind", "from", "to", "district"] as const;
type Filters = Partial<Record<(typeof filterKeys)[number], string>>;

/** The consultations in reach, newest first: by kind, date range, district and name; each links to the person. */
export function ConsultationList() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const filters: Filters = fromSearch(search, filterKeys);
  const update = (patch: Filters) => navigate({ to: ".", search: toSearch({ ...filters, ...patch }) as never, replace: true });
  const districts = useDistricts();
  const [q, setQ] = useState(filters.q ?? "");
  const changeQ = useDebouncedCallback((v: string) => update({ q: v.trim() || undefined }), 250);
  // A half-typed date is not sent; the list keeps the last complete one.
  const sent = {
    ...filters,
    from: filters.from && isIsoDay(filters.from) ? filters.from : undefined,
    to: filters.to && isIsoDay(filters.to) ? filters.to : undefined,
  };
  const list = useInfiniteQuery({
    queryKey: ["consultations", "list", sent],
    queryFn: ({ pageParam }) =>
      api<ConsultationPage>("GET", `/api/v1/consultations${toQuery({ ...sent, limit: pageSize, cursor: pageParam ?? undefined })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const filtered = Object.keys(filters).length > 0;
  const lang = i18n.language;
  const clear = () => {
    setQ("");
    update(Object.fromEntries(filterKeys.map((k) => [k, undefined])));
  };

  return (
    <Stack gap="sm">
      <TextInput
        label={t("consultations.search")}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          changeQ(e.currentTarget.value);
        }}
      />
      <Group gap="xs" role="group" aria-label={t("consultations.filters.label")} align="flex-end">
        <Select
          label={t("consultations.filters.kind")}
          data={consultationKinds.map((k) => ({ value: k, label: t(`consultations.kinds.${k}`) }))}
          value={filters.kind ?? null}
          onChange={(v) => update({ kind: v ?? undefined })}
          clearable
          size="xs"
          w={{ base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 180 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t("consultations.filters.district")}
          data={(districts.data ?? []).map((d) => ({ value: d.ags, label: d.name }))}
          value={filters.district ?? null}
          onChange={(v) => update({ district: v ?? undefined })}
          clearable
          size="xs"
          w={{ base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 180 }}
          comboboxProps={{ withinPortal: true }}
        />
        <DateField
          label={t("consultations.filters.from")}
          value={filters.from ?? ""}
          onChange={(v) => update({ from: v || undefined })}
          size="xs"
          w={{ base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 140 }}
        />
        <DateField
          label={t("consultations.filters.to")}
          value={filters.to ?? ""}
          onChange={(v) => update({ to: v || undefined })}
          size="xs"
          w={{ base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 140 }}
        />
        {filtered && (
          <Button variant="subtle" size="xs" onClick={clear}>
            {t("consultations.filters.clear")}
          </Button>
        )}
      </Group>
      <Text fw={600} aria-hidden>
        {list.data ? t("consultations.count", { count: total }) : "\u00a0"}
      </Text>
      <ProblemAlert error={list.error} />
      {list.isPending && (
        <Center mih={160}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {list.data && total === 0 ? (
        <EmptyState title={t("consultations.emptyList")} description={t("consultations.emptyListHint")}>
          <EmptyState.Actions>
            {filtered ? (
              <Button variant="default" onClick={clear}>
                {t("consultations.filters.clear")}
              </Button>
            ) : (
              <Button component={Link} to="/jugendliche">
                {t("consultations.toCandidates")}
              </Button>
            )}
          </EmptyState.Actions>
        </EmptyState>
      ) : list.data ? (
        <TableScroll label={t("common.tableOf", { title: t("consultations.tabConsultations") })} minWidth={860}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("consultations.columns.date")}</Table.Th>
                <Table.Th>{t("consultations.columns.person")}</Table.Th>
                <Table.Th>{t("consultations.columns.kind")}</Table.Th>
                <Table.Th>{t("consultations.columns.channel")}</Table.Th>
                <Table.Th>{t("consultations.columns.topics")}</Table.Th>
                <Table.Th>{t("consultations.columns.by")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDay(c.date, lang)}</Table.Td>
                  <Table.Td>
                    <CandidateLink id={c.candidateId} fw={600}>
                      {c.candidateName}
                    </CandidateLink>
                  </Table.Td>
                  <Table.Td>
                    {t(`consultations.kinds.${c.kind}`)}
                    {c.referrals.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {c.referrals.map((r) => r.partnerName).join(", ")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`consultations.channels.${c.channel}`)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.topics.map((k) => (
                        <Badge key={k} size="xs" variant="light" color="gray" style={{ textTransform: "none" }}>
                          {t(`consultations.topics.${k}`)}
                        </Badge>
                      ))}
                      {c.topics.length === 0 && "–"}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.userName ?? "–"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
      {list.data && total > 0 && (
        <LoadMore
          label={t("consultations.shown", { shown: items.length, total })}
          moreLabel={t("consultations.loadMore")}
          hasMore={Boolean(list.hasNextPage)}
          loading={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
        />
      )}
    </Stack>
  );
}
