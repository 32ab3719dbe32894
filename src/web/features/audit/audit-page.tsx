import { Button, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { AuditEntry, AuditPage as AuditPageData } from "../../../features/audit/schema";
import { api, toQuery } from "../../api/client";
import { de } from "../../i18n/de";
import { formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/page-header";
import { Pager } from "../../ui/pager";
import { ProblemAlert } from "../../ui/problem-alert";
import { TableScroll } from "../../ui/table-scroll";

type Search = { actor?: string; entity?: string; action?: string; from?: string; to?: string; page?: number };

/** Names for ids, where the server has them (older servers send neither field). */
type Entry = AuditEntry & { actorName?: string | null; entityLabel?: string | null };

const actionCodes = Object.keys(de.audit.actions);
const entityCodes = Object.keys(de.audit.entities);

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
  // Unknown codes (a newer server, an old link) are shown as they are.
  const actionLabel = (code: string) => t(`audit.actions.${code}`, { defaultValue: code });
  const entityLabel = (code: string) => t(`audit.entities.${code}`, { defaultValue: code });
  const options = (codes: string[], current: string | undefined, label: (c: string) => string) =>
    [...codes, ...(current && !codes.includes(current) ? [current] : [])]
      .map((c) => ({ value: c, label: label(c) }))
      .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const dateFilter = (key: "from" | "to", label: string) => (
    <TextInput
      label={label}
      type="date"
      defaultValue={search[key] ?? ""}
      onChange={(e) => setSearch({ [key]: e.currentTarget.value || undefined })}
      w={{ base: "calc(50% - var(--mantine-spacing-sm) / 2)", xs: 160 }}
    />
  );
  const items = (entries.data?.items ?? []) as Entry[];
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
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t("audit.actor")}
          defaultValue={search.actor ?? ""}
          onChange={(e) => setSearch({ actor: e.currentTarget.value || undefined })}
          w={{ base: "100%", xs: 220 }}
        />
        <Select
          label={t("audit.entity")}
          value={search.entity ?? null}
          onChange={(v) => setSearch({ entity: v ?? undefined })}
          data={options(entityCodes, search.entity, entityLabel)}
          clearable
          w={{ base: "100%", xs: 200 }}
        />
        <Select
          label={t("audit.action")}
          value={search.action ?? null}
          onChange={(v) => setSearch({ action: v ?? undefined })}
          data={options(actionCodes, search.action, actionLabel)}
          clearable
          searchable
          w={{ base: "100%", xs: 260 }}
        />
        {dateFilter("from", t("audit.from"))}
        {dateFilter("to", t("audit.to"))}
      </Group>
      <ProblemAlert error={entries.error} />
      <TableScroll label={t("common.tableOf", { title: t("audit.title") })} minWidth={820}>
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
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                <Table.Td>{e.actorName ?? e.actorEmail ?? "–"}</Table.Td>
                <Table.Td>
                  {entityLabel(e.entity)}
                  {(e.entityLabel ?? e.entityId) && (
                    <Text size="xs" c="dimmed">
                      {e.entityLabel ?? e.entityId}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{actionLabel(e.action)}</Table.Td>
                <Table.Td>{e.changedFields.join(", ")}</Table.Td>
                <Table.Td>{e.ip ?? ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {entries.data?.total === 0 && <Text c="dimmed">{t("common.noResults")}</Text>}
      {entries.data && (
        <Pager total={entries.data.total} page={page} pageSize={entries.data.pageSize} onPage={(p) => setSearch({ page: p })} />
      )}
    </Stack>
  );
}
