import { Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { AuditPage as AuditPageData } from "../../../features/audit/schema";
import { api, toQuery } from "../../api/client";
import { formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/page-header";
import { Pager } from "../../ui/pager";
import { ProblemAlert } from "../../ui/problem-alert";

type Search = { actor?: string; entity?: string; action?: string; from?: string; to?: string; page?: number };

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const search = useSearch({ strict: false }) as Search;
  const navigate = useNavigate();
  const page = search.page ?? 1;
  const setSearch = (patch: Search) => navigate({ to: ".", search: { ...search, page: undefined, ...patch } as never, replace: true });
  const entries = useQuery({
    queryKey: ["audit", search],
    queryFn: () => api<AuditPageData>("GET", `/api/v1/audit${toQuery({ ...search, page })}`),
    placeholderData: keepPreviousData,
  });
  const filter = (key: keyof Search, label: string, type = "text") => (
    <TextInput
      label={label}
      type={type}
      defaultValue={(search[key] as string | undefined) ?? ""}
      onChange={(e) => setSearch({ [key]: e.currentTarget.value || undefined })}
      w={type === "date" ? 160 : 200}
    />
  );
  return (
    <Stack gap="sm">
      <PageHeader
        title={t("audit.title")}
        intro={t("audit.intro")}
        actions={
          <Button variant="default" component="a" href={`/api/v1/audit/export${toQuery({ ...search, page: undefined })}`}>
            {t("common.exportCsv")}
          </Button>
        }
      />
      <Group align="flex-end">
        {filter("actor", t("audit.actor"))}
        {filter("entity", t("audit.entity"))}
        {filter("action", t("audit.action"))}
        {filter("from", t("audit.from"), "date")}
        {filter("to", t("audit.to"), "date")}
      </Group>
      <ProblemAlert error={entries.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("audit.at")}</Table.Th>
            <Table.Th>{t("audit.actor")}</Table.Th>
            <Table.Th>{t("audit.entity")}</Table.Th>
            <Table.Th>{t("audit.action")}</Table.Th>
            <Table.Th>{t("audit.fields")}</Table.Th>
            <Table.Th>{t("audit.ip")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.data?.items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
              <Table.Td>{e.actorEmail ?? "–"}</Table.Td>
              <Table.Td>
                {e.entity}
                {e.entityId ? (
                  <Text size="xs" c="dimmed">
                    {e.entityId}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{e.action}</Table.Td>
              <Table.Td>{e.changedFields.join(", ")}</Table.Td>
              <Table.Td>{e.ip ?? ""}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {entries.data?.total === 0 && <Text c="dimmed">{t("common.noResults")}</Text>}
      {entries.data && (
        <Pager total={entries.data.total} page={page} pageSize={entries.data.pageSize} onPage={(p) => setSearch({ page: p })} />
      )}
    </Stack>
  );
}
