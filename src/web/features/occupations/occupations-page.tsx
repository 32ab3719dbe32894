import { Badge, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PostcodeInfo } from "../../../features/geo/schema";
import type { Occupation, OccupationPage } from "../../../features/occupations/schema";
import { api, toQuery } from "../../api/client";
import { PageHeader } from "../../ui/page-header";
import { Pager } from "../../ui/pager";
import { ProblemAlert } from "../../ui/problem-alert";
import { TableScroll } from "../../ui/table-scroll";

function PostcodeLookup() {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  const info = useQuery({
    queryKey: ["postcode", code],
    queryFn: () => api<PostcodeInfo>("GET", `/api/v1/geo/postcodes/${code}`),
    enabled: /^\d{5}$/.test(code),
    retry: false,
  });
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="xs">
        {t("occupations.postcodeTitle")}
      </Title>
      <TextInput
        label={t("occupations.postcode")}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value.trim())}
        maxLength={5}
        inputMode="numeric"
        w={160}
      />
      <ProblemAlert error={info.error} />
      {info.data && (
        <Stack gap={2} mt="xs" role="status">
          <Text fw={600}>
            {info.data.postcode} {info.data.primary.name}
          </Text>
          <Text size="sm">
            {t("occupations.district")}: {info.data.primary.district} ({info.data.primary.ags}){" "}
            <Badge size="xs" color={info.data.inServiceRegion ? "green" : "gray"}>
              {info.data.inServiceRegion ? t("occupations.inRegion") : t("occupations.outsideRegion")}
            </Badge>
          </Text>
          {info.data.nearestStation && (
            <Text size="sm">
              {t("occupations.station")}: {info.data.nearestStation.name} (
              {info.data.nearestStation.km.toLocaleString("de-DE", { maximumFractionDigits: 1 })} km)
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

const pageSize = 50;
const chambers = ["IHK", "HWK", "other"] as const;
type Search = { q?: string; chamber?: (typeof chambers)[number]; page?: number };

/** "2026-07-31" in the reader's language, without a time zone shift. */
function formatDay(iso: string, lang: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(lang === "de" ? "de-DE" : "en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

export function OccupationsPage() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ strict: false }) as Search;
  const navigate = useNavigate();
  const [q, setQ] = useState(search.q ?? "");
  const [debounced] = useDebouncedValue(q, 200);
  const page = search.page ?? 1;
  const setSearch = (patch: Search) => navigate({ to: ".", search: { ...search, page: undefined, ...patch } as never, replace: true });
  const result = useQuery({
    queryKey: ["occupations", debounced, search.chamber, page],
    queryFn: () => api<OccupationPage>("GET", `/api/v1/occupations${toQuery({ q: debounced, chamber: search.chamber, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
  const chamberLabel = (c: Occupation["chamber"]) => (c === "other" ? t("occupations.other") : c);
  return (
    <Stack gap="sm">
      <PageHeader title={t("occupations.title")} intro={t("occupations.intro")} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Stack style={{ gridColumn: "span 2" }}>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t("occupations.search")}
              value={q}
              style={{ flex: 1, minWidth: 240 }}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                void setSearch({ q: e.currentTarget.value || undefined });
              }}
            />
            <Select
              label={t("occupations.chamberFilter")}
              w={180}
              data={[{ value: "", label: t("occupations.allChambers") }, ...chambers.map((c) => ({ value: c, label: chamberLabel(c) }))]}
              value={search.chamber ?? ""}
              onChange={(v) => void setSearch({ chamber: (v || undefined) as Search["chamber"] })}
              allowDeselect={false}
            />
          </Group>
          {result.data && (
            <Text fw={600} aria-hidden>
              {t("occupations.count", { count: result.data.total })}
            </Text>
          )}
          <ProblemAlert error={result.error} />
          <TableScroll label={t("common.tableOf", { title: t("occupations.title") })} minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("occupations.name")}</Table.Th>
                  <Table.Th>{t("occupations.months")}</Table.Th>
                  <Table.Th>{t("occupations.chamber")}</Table.Th>
                  <Table.Th>{t("occupations.kldb")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.data?.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      {o.name}
                      {o.formerNames.map((f) => (
                        <Text key={f.name} size="xs" c="dimmed">
                          {t("occupations.formerly", { date: formatDay(f.validUntil, i18n.language), name: f.name })}
                        </Text>
                      ))}
                      {o.validFrom && (
                        <Text size="xs" c="dimmed">
                          {t("occupations.since", { date: formatDay(o.validFrom, i18n.language) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t("occupations.monthsValue", { count: o.months })}</Table.Td>
                    <Table.Td>{o.chambers.map(chamberLabel).join(", ")}</Table.Td>
                    <Table.Td>{o.kldb5 ?? o.kldb}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {result.data?.items.length === 0 && <Text c="dimmed">{t("common.noResults")}</Text>}
          {result.data && (
            <Pager total={result.data.total} page={page} pageSize={result.data.pageSize} onPage={(p) => void setSearch({ page: p })} />
          )}
        </Stack>
        <Group align="flex-start">
          <PostcodeLookup />
        </Group>
      </SimpleGrid>
    </Stack>
  );
}
