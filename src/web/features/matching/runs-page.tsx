import { Badge, Button, Center, Loader, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RunList } from "../../../features/matching/schema";
import { AppModal } from "../../ui/app-modal";
import { formatDateTime, formatNumber } from "../../ui/format";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { TableScroll } from "../../ui/table-scroll";
import { useRuns } from "./api";
import { RunLink } from "./links";
import { MatchingViews } from "./matching-views";
import { RunForm } from "./run-form";
import { formatTotal } from "./run-summary";
import { useMyDistricts } from "./use-my-districts";

type RunItem = RunList["items"][number];
export const runStatusColors: Record<RunItem["status"], string> = { queued: "gray", running: "blue", done: "green", failed: "red" };

/** "Ganze Region" or the districts' names. */
export function useScopeText() {
  const { t } = useTranslation();
  const { nameOf } = useMyDistricts();
  return (districts: string[] | null) => (districts ? districts.map(nameOf).join(", ") : t("matching.runs.wholeRegion"));
}

/** The matching runs in the person's scope, newest first, and "Neuer Lauf". */
export function RunsPage() {
  const { t, i18n } = useTranslation();
  const runs = useRuns();
  const [starting, setStarting] = useState(false);
  const scopeText = useScopeText();
  const items = runs.data?.items ?? [];
  const lang = i18n.language;
  return (
    <Stack gap="sm">
      <PageHeader
        title={t("matching.runs.title")}
        intro={t("matching.runs.intro")}
        actions={<Button onClick={() => setStarting(true)}>{t("matching.runs.new")}</Button>}
      />
      <MatchingViews current="runs" />
      <ProblemAlert error={runs.error} />
      {runs.isPending && (
        <Center mih={200}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {runs.data && items.length === 0 && (
        <Stack gap="xs" align="flex-start">
          <Text>{t("matching.runs.empty")}</Text>
          <Button onClick={() => setStarting(true)}>{t("matching.runs.new")}</Button>
        </Stack>
      )}
      {items.length > 0 && (
        <TableScroll label={t("common.tableOf", { title: t("matching.runs.title") })} minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("matching.runs.columns.started")}</Table.Th>
                <Table.Th>{t("matching.runs.columns.mode")}</Table.Th>
                <Table.Th>{t("matching.runs.columns.scope")}</Table.Th>
                <Table.Th>{t("matching.runs.columns.status")}</Table.Th>
                <Table.Th>{t("matching.runs.columns.placesFilled")}</Table.Th>
                <Table.Th>{t("matching.runs.columns.totalScore")}</Table.Th>
                <Table.Th>{t("matching.runs.columns.by")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <RunLink id={r.id} size="sm">
                      {formatDateTime(r.createdAt, lang)}
                    </RunLink>
                  </Table.Td>
                  <Table.Td>{t(`matching.runs.modes.${r.mode}`)}</Table.Td>
                  <Table.Td>{scopeText(r.districts)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={runStatusColors[r.status]}>
                      {t(`matching.runs.statuses.${r.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.placesFilled === null ? "–" : formatNumber(r.placesFilled)}</Table.Td>
                  <Table.Td>{r.totalScore === null ? "–" : formatTotal(r.totalScore, lang)}</Table.Td>
                  <Table.Td>{r.requestedBy ?? "–"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <AppModal opened={starting} onClose={() => setStarting(false)} title={t("matching.runs.new")} size="lg">
        {starting && <RunForm onCancel={() => setStarting(false)} />}
      </AppModal>
    </Stack>
  );
}
