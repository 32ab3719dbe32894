import { Alert, Badge, Button, Center, Group, List, Loader, Paper, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { ImportRowView, ImportView, RowAction } from "../../../features/imports/schema";
import { api, toQuery } from "../../api/client";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { TableScroll } from "../../ui/table-scroll";

/** Rows fetched per view; the rejected ones come first, the rest after them. */
const rowsLimit = 1000;
const running = (v: ImportView | undefined) => !v || v.status === "queued" || v.status === "running";
const actionColor: Record<RowAction, string> = { create: "green", update: "blue", reject: "red" };

function RowsTable({ rows }: { rows: ImportRowView[] }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t("common.tableOf", { title: t("imports.rowsTitle") })} minWidth={480}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("imports.columns.row")}</Table.Th>
            <Table.Th>{t("imports.columns.action")}</Table.Th>
            <Table.Th>{t("imports.columns.reasons")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={actionColor[r.action]}>
                  {t(`imports.actions.${r.action}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.reasons?.length ? (
                  <List size="sm" spacing={2}>
                    {r.reasons.map((reason) => (
                      <List.Item key={reason}>{reason}</List.Item>
                    ))}
                  </List>
                ) : (
                  "–"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/**
 * One import: the progress of its dry run (polled every second), then what the file would do, row by
 * row with the rejected ones first, and "Übernehmen"; then the progress and the result of the commit.
 */
export function ImportDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: "/app/staff/betriebe/import/$id" });
  const queryClient = useQueryClient();
  // The state of the import, with its rejected rows; polled while a job of it is waiting or running.
  const detail = useQuery({
    queryKey: ["imports", id, "rejected"],
    queryFn: () => api<ImportView>("GET", `/api/v1/imports/${id}${toQuery({ rows: "rejected", rowsLimit })}`),
    refetchInterval: (q) => (q.state.error || !running(q.state.data) ? false : 1000),
  });
  const view = detail.data;
  const done = view?.status === "done";
  // All rows of the finished phase, for the ones not rejected.
  const all = useQuery({
    queryKey: ["imports", id, "all", view?.phase],
    queryFn: () => api<ImportView>("GET", `/api/v1/imports/${id}${toQuery({ rows: "all", rowsLimit })}`),
    enabled: done,
  });
  const commit = useMutation({
    mutationFn: () => api<{ id: string }>("POST", `/api/v1/imports/${id}/commit`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["imports", id] }),
  });

  const result = done ? view.result : null;
  const rejectedRows = result?.rows ?? [];
  const otherRows = all.data?.result?.rows.filter((r) => r.action !== "reject") ?? [];
  const rows = [...rejectedRows, ...otherRows];
  const totalRows = result ? result.created + result.updated + result.rejected : 0;
  const committed = Boolean(result?.committed);
  const title = view?.fileName ? t("imports.detailTitleFile", { name: view.fileName }) : t("imports.detailTitle");

  return (
    <Stack gap="md">
      <PageHeader
        title={title}
        actions={
          <Button component={Link} to="/betriebe" variant="default">
            {t("imports.back")}
          </Button>
        }
      />
      <ProblemAlert error={detail.error} />
      {detail.isPending && (
        <Center mih={200}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {view && running(view) && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text>{t(`imports.phase.${view.phase}`)}</Text>
            <Progress.Root size="xl">
              <Progress.Section value={Math.round(view.progress * 100)} aria-label={t("imports.progress")} animated>
                <Progress.Label>{Math.round(view.progress * 100)} %</Progress.Label>
              </Progress.Section>
            </Progress.Root>
            <Text size="sm" c="dimmed" role="status">
              {view.progressText ?? t("imports.waiting")}
            </Text>
          </Stack>
        </Paper>
      )}
      {view?.status === "failed" && (
        <Alert color="red" title={t("imports.failed")} role="alert">
          {view.error}
        </Alert>
      )}
      {result && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h3">
              {committed ? t("imports.committedDone") : t("imports.dryRunDone")}
            </Title>
            <Text fw={600} role="status">
              {t(committed ? "imports.committedSummary" : "imports.dryRunSummary", {
                created: result.created,
                updated: result.updated,
                rejected: result.rejected,
              })}
            </Text>
            {!committed && result.created + result.updated === 0 && <Alert color="yellow">{t("imports.nothingToWrite")}</Alert>}
            <ProblemAlert error={commit.error} />
            <Group gap="xs">
              {!committed && (
                <Button onClick={() => commit.mutate()} loading={commit.isPending} disabled={result.created + result.updated === 0}>
                  {t("imports.commit")}
                </Button>
              )}
              {committed && (
                <Button component={Link} to="/betriebe">
                  {t("imports.toCompanies")}
                </Button>
              )}
              {result.rejected > 0 && (
                <Button component="a" href={`/api/v1/imports/${id}/rejected`} variant="default">
                  {t("imports.downloadRejected")}
                </Button>
              )}
              {committed && (
                <Button component={Link} to="/betriebe/import" variant="default">
                  {t("imports.another")}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      )}
      {result && rows.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t("imports.rowsTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("imports.rowsShown", { shown: rows.length, total: totalRows })}
          </Text>
          <ProblemAlert error={all.error} />
          <RowsTable rows={rows} />
        </Stack>
      )}
    </Stack>
  );
}
