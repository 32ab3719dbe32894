import { ActionIcon, Button, Card, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Match } from "../../../features/matching/schema";
import { formatDay } from "../../ui/days";
import { ProblemAlert } from "../../ui/problem-alert";
import { useMatches } from "./api";
import { useMatchParam } from "./match-drawer";
import { daysSince, matchName } from "./match-text";
import { MatchStageBadge, MatchStageMenu, type MovableMatch, useMatchMove } from "./stage-move";

function MatchRow({
  match,
  side,
  onMove,
}: {
  match: Match;
  side: "candidate" | "offer";
  onMove: (m: MovableMatch, to: Match["stage"]) => void;
}) {
  const { t, i18n } = useTranslation();
  const { open } = useMatchParam();
  const movable: MovableMatch = { id: match.id, name: matchName(match), stage: match.stage };
  const title = side === "candidate" ? match.companyName : match.candidateName;
  return (
    <Paper component="li" withBorder p="xs" style={{ listStyle: "none" }} data-match={match.id}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: "1 1 14rem" }}>
          <Text fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
            {title}
          </Text>
          {side === "candidate" && <Text size="sm">{match.occupationName}</Text>}
          <Text size="xs" c="dimmed">
            {t("matching.match.start", { date: formatDay(match.startDate, i18n.language) })} ·{" "}
            {t("matching.match.inStage", { count: daysSince(match.stageChangedAt) })}
          </Text>
        </Stack>
        <Group gap={6} wrap="nowrap">
          <MatchStageBadge stage={match.stage} />
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => open(match.id)}
            aria-label={t("matching.match.openFor", { name: title })}
          >
            {t("matching.match.open")}
          </Button>
          <MatchStageMenu
            match={movable}
            onMove={(to) => onMove(movable, to)}
            target={
              <ActionIcon variant="subtle" color="gray" aria-label={t("matching.move.menuFor", { name: movable.name })}>
                <span aria-hidden="true">⋮</span>
              </ActionIcon>
            }
          />
        </Group>
      </Group>
    </Paper>
  );
}

/** The matches of one person or one place: stage, days in it, open the match, move it by the menu. */
export function MatchList({ filter, side }: { filter: { candidateId?: string; offerId?: string }; side: "candidate" | "offer" }) {
  const { t } = useTranslation();
  const matches = useMatches(filter);
  const mover = useMatchMove();
  const items = matches.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="matches-heading">
      <Title order={2} size="h4" id="matches-heading" mb="xs">
        {t("matching.matches.title")}
        {matches.data ? ` (${items.length})` : ""}
      </Title>
      <ProblemAlert error={matches.error} />
      {matches.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(side === "candidate" ? "matching.matches.noneForCandidate" : "matching.matches.noneForOffer")}
        </Text>
      )}
      <Stack component="ul" gap="xs" p={0} m={0}>
        {items.map((m) => (
          <MatchRow key={m.id} match={m} side={side} onMove={mover.request} />
        ))}
      </Stack>
      {mover.dialog}
    </Card>
  );
}
