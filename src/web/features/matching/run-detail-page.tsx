import { Alert, Anchor, Badge, Button, Center, Group, Loader, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { LoadMore } from "../../ui/load-more";
import { notify } from "../../ui/notify";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { runIsRunning, useAcceptRun, useRunPairs, useRunStatus } from "./api";
import { MatchDrawer } from "./match-drawer";
import { RunMap } from "./run-map";
import { PairsTable, UnassignedTable } from "./run-pairs";
import { formatCount, RunSummary } from "./run-summary";
import { runStatusColors, useScopeText } from "./runs-page";

/**
 * One matching run: its progress while it waits or runs (polled every second), then the result: the
 * numbers, the proposed pairs in a table and on the map, each to take over one by one or all at once
 * (as matches at "Vorgeschlagen"), and who stayed without a place and why. Pairs load page by page.
 */
export function RunDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const status = useRunStatus(id);
  const run = status.data;
  const done = run?.status === "done";
  const pages = useRunPairs(id, done);
  const accept = useAcceptRun(id);
  const scopeText = useScopeText();
  const lang = i18n.language;
  const result = run?.result ?? null;
  const assignments = pages.data?.pages.flatMap((p) => p.result?.assignments ?? []) ?? [];
  const unassigned = pages.data?.pages.flatMap((p) => p.result?.unassigned ?? []) ?? [];
  // The totals of the latest page: they move when pairs are taken over.
  const latest = pages.data?.pages.at(-1)?.result ?? result;
  const open = latest ? latest.assignmentCount - latest.acceptedCount : 0;
  const acceptAll = () =>
    accept.mutate(undefined, {
      onSuccess: (r) =>
        notify({ color: "green", message: t("matching.runs.result.acceptedAll", { count: r.created, skipped: r.skipped }) }),
    });
  const progress = Math.round((run?.progress ?? 0) * 100);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/matching/laeufe" size="sm">
        {t("matching.runs.back")}
      </Anchor>
      <PageHeader
        title={run ? t("matching.runs.detailTitle", { date: formatDateTime(run.createdAt, lang) }) : t("matching.runs.detailTitleShort")}
      />
      <ProblemAlert error={status.error} />
      {status.isPending && (
        <Center mih={200}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {run && (
        <Group gap="xs" mt={-8}>
          <Badge variant="light" color={runStatusColors[run.status]}>
            {t(`matching.runs.statuses.${run.status}`)}
          </Badge>
          <Text size="sm">
            {t(`matching.runs.modes.${run.mode}`)} · {scopeText(run.districts)}
            {run.requestedBy ? ` · ${t("matching.runs.requestedBy", { name: run.requestedBy })}` : ""}
          </Text>
        </Group>
      )}
      {run && runIsRunning(run) && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text>{t(run.status === "queued" ? "matching.runs.progress.queued" : "matching.runs.progress.running")}</Text>
            <Progress.Root size="xl">
              <Progress.Section value={Math.max(progress, 2)} aria-label={t("matching.runs.progress.label")} animated>
                <Progress.Label>{progress} %</Progress.Label>
              </Progress.Section>
            </Progress.Root>
            <Text size="sm" c="dimmed" role="status">
              {run.progressText ?? t("matching.runs.progress.waiting")}
            </Text>
          </Stack>
        </Paper>
      )}
      {run?.status === "failed" && (
        <Alert color="red" title={t("matching.runs.failed")} role="alert">
          {run.error ?? t("matching.runs.failedHint")}
        </Alert>
      )}
      {run && result && latest && (
        <Stack gap="md">
          <Title order={2} size="h3">
            {t("matching.runs.result.title")}
          </Title>
          <Text role="status">
            {t("matching.runs.result.sentence", {
              assigned: formatCount(result.assignmentCount, lang),
              candidates: formatCount(result.candidates, lang),
              filled: formatCount(result.placesFilled, lang),
              places: formatCount(result.places, lang),
            })}
          </Text>
          <RunSummary run={run} result={latest} />
          <ProblemAlert error={accept.error} />
          <Group gap="xs">
            <Button onClick={acceptAll} loading={accept.isPending && accept.variables === undefined} disabled={open <= 0}>
              {open > 0 ? t("matching.runs.result.acceptAll", { count: open }) : t("matching.runs.result.allTaken")}
            </Button>
            <Text size="sm" c="dimmed">
              {t("matching.runs.result.acceptHint")}
            </Text>
          </Group>
          <ProblemAlert error={pages.error} />
          {result.assignmentCount > 0 && (
            <Stack gap="xs" maw={760}>
              <Title order={3} size="h4">
                {t("matching.runs.map.title")}
              </Title>
              <RunMap pairs={assignments} districts={run.districts} />
            </Stack>
          )}
          {result.assignmentCount > 0 && (
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t("matching.runs.result.pairsTitle")}
              </Title>
              <PairsTable runId={id} pairs={assignments} />
            </Stack>
          )}
          {result.unassignedCount > 0 && (
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t("matching.runs.result.unassignedTitle")}
              </Title>
              <UnassignedTable items={unassigned} />
            </Stack>
          )}
          {pages.data && (result.assignmentCount > 0 || result.unassignedCount > 0) && (
            <LoadMore
              label={t("matching.runs.result.shown", {
                pairs: formatCount(assignments.length, lang),
                assigned: formatCount(result.assignmentCount, lang),
                unassigned: formatCount(unassigned.length, lang),
                unassignedTotal: formatCount(result.unassignedCount, lang),
              })}
              moreLabel={t("matching.runs.result.loadMore")}
              hasMore={Boolean(pages.hasNextPage)}
              loading={pages.isFetchingNextPage}
              onMore={() => void pages.fetchNextPage()}
            />
          )}
          {pages.isPending && (
            <Center mih={120}>
              <Loader aria-label={t("common.loading")} />
            </Center>
          )}
        </Stack>
      )}
      <MatchDrawer />
    </Stack>
  );
}
