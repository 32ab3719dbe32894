import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PostcodeInfo } from "../../../features/geo/schema";
import type { Occupation } from "../../../features/occupations/schema";
import { api, toQuery } from "../../api/client";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";

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
      <Title order={3} size="h5" mb="xs">
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

export function OccupationsPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as { q?: string };
  const navigate = useNavigate();
  const [q, setQ] = useState(search.q ?? "");
  const [debounced] = useDebouncedValue(q, 200);
  const result = useQuery({
    queryKey: ["occupations", debounced],
    queryFn: () => api<Occupation[]>("GET", `/api/v1/occupations${toQuery({ q: debounced, limit: 50 })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="sm">
      <PageHeader title={t("occupations.title")} intro={t("occupations.intro")} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Stack style={{ gridColumn: "span 2" }}>
          <TextInput
            label={t("occupations.search")}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              void navigate({ to: ".", search: { q: e.currentTarget.value || undefined } as never, replace: true });
            }}
          />
          <ProblemAlert error={result.error} />
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
              {result.data?.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.name}</Table.Td>
                  <Table.Td>{t("occupations.monthsValue", { count: o.months })}</Table.Td>
                  <Table.Td>{o.chamber === "other" ? t("occupations.other") : o.chamber}</Table.Td>
                  <Table.Td>{o.kldb}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.data?.length === 0 && <Text c="dimmed">{t("common.noResults")}</Text>}
        </Stack>
        <Group align="flex-start">
          <PostcodeLookup />
        </Group>
      </SimpleGrid>
    </Stack>
  );
}
