import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { notify } from "../../ui/notify";
import { ProblemAlert } from "../../ui/problem-alert";
import { useMe } from "../auth/use-me";
import type { MatchStage } from "../matching/constants";
import { useRunOfMatch, useStartRun } from "./api";
import { chainStages } from "./constants";

/**
 * The process chain of a match, in the match drawer: from the contract on, "Prozesskette starten" (the
 * published chain of the place's district, dates from the training start); once it runs, a link to it.
 */
export function MatchChain({ match }: { match: { id: string; stage: MatchStage } }) {
  const { t } = useTranslation();
  const eligible = chainStages.includes(match.stage);
  const run = useRunOfMatch(match.id, eligible);
  const start = useStartRun();
  const me = useMe();
  if (!eligible) return null;
  const existing = run.data;
  const begin = () =>
    start.mutate(match.id, {
      onSuccess: (r) => notify({ color: "green", message: t("chains.match.started", { count: r.steps.length }) }),
    });
  // The drawer keeps this component when it switches to another match: only this match's start counts.
  const started = start.data?.matchId === match.id ? start.data : undefined;
  const runId = existing?.id ?? started?.id;
  return (
    <Stack gap={6} component="section" aria-labelledby={`match-chain-${match.id}`}>
      <Title order={3} size="h5" id={`match-chain-${match.id}`}>
        {t("chains.match.title")}
      </Title>
      {runId ? (
        <Group gap="xs">
          <Button size="xs" variant="light" renderRoot={(root) => <Link {...root} to="/prozessketten/laeufe/$id" params={{ id: runId }} />}>
            {t("chains.match.open")}
          </Button>
          {existing && (
            <Text size="sm">
              {t("chains.runs.progressValue", { done: existing.doneCount, total: existing.stepCount })}
              {existing.overdueCount > 0 ? ` · ${t("chains.runs.overdueCount", { count: existing.overdueCount })}` : ""}
            </Text>
          )}
        </Group>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t(me.data?.mayReadResidence === false ? "chains.match.noRight" : "chains.match.hint")}
          </Text>
          <Group hidden={me.data?.mayReadResidence === false}>
            <Button size="xs" onClick={begin} loading={start.isPending} disabled={run.isPending}>
              {t("chains.match.start")}
            </Button>
          </Group>
        </>
      )}
      <ProblemAlert error={(start.variables === match.id ? start.error : null) ?? run.error} />
    </Stack>
  );
}
