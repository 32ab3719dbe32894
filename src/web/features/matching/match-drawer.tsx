import { Button, Center, Drawer, Group, Loader, Stack, Text, Timeline, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MatchDetail } from "../../../features/matching/schema";
import { CompanyLink } from "../../ui/company-link";
import { formatDay } from "../../ui/days";
import { formatDateTime } from "../../ui/format";
import { ProblemAlert } from "../../ui/problem-alert";
import { MatchChain } from "../chains/match-chain";
import { useMatch } from "./api";
import { isMatchStage, matchStageColors } from "./constants";
import { OfferMatchingLink, PersonMatchingLink } from "./links";
import { daysSince, matchName } from "./match-text";
import { ProposalDialog } from "./proposal-dialog";
import { formatScore } from "./score-bars";
import { MatchStageBadge, MatchStageMenu, type MovableMatch, useMatchMove } from "./stage-move";

/**
 * The match shown in the drawer is kept in the address (`?match=<id>`), so every page that lists
 * matches can open one, the back button closes it, and a link to it can be shared.
 */
export function useMatchParam() {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const id = typeof search.match === "string" ? search.match : null;
  const set = (next: string | null) =>
    navigate({ to: ".", search: { ...search, match: next ?? undefined } as never, replace: next === null });
  return { id, open: (matchId: string) => set(matchId), close: () => set(null) };
}

/** The reason a history entry names, in the reader's language (the codes of both lists). */
function useReasonLabel() {
  const { t } = useTranslation();
  return (to: string, reason: string) =>
    to === "ended_early"
      ? t(`matching.endReasons.${reason}`, { defaultValue: reason })
      : t(`matching.declineReasons.${reason}`, { defaultValue: reason });
}

function History({ match }: { match: MatchDetail }) {
  const { t, i18n } = useTranslation();
  const reasonLabel = useReasonLabel();
  const stage = (s: string) => (isMatchStage(s) ? t(`matching.stages.${s}`) : s);
  // Newest first, as every history of the app.
  const entries = [...match.history].reverse();
  return (
    <section aria-labelledby="match-history-heading">
      <Title order={3} size="h5" id="match-history-heading" mb="xs">
        {t("matching.match.history")}
      </Title>
      <Timeline bulletSize={12} lineWidth={2} active={-1}>
        {entries.map((h) => (
          <Timeline.Item
            key={`${h.at}-${h.to}`}
            color={isMatchStage(h.to) ? matchStageColors[h.to] : "gray"}
            title={
              <Text size="sm" fw={600}>
                {h.from
                  ? t("matching.match.moved", { from: stage(h.from), to: stage(h.to) })
                  : t("matching.match.created", { to: stage(h.to) })}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(h.at, i18n.language)}
              {h.userName ? ` · ${h.userName}` : ""}
            </Text>
            {h.reason && <Text size="sm">{t("matching.match.reason", { reason: reasonLabel(h.to, h.reason) })}</Text>}
            {h.note && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {h.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}

/** One match: who and which place, the stage with its details, the proposal, the moves and the history. */
export function MatchView({ match }: { match: MatchDetail }) {
  const { t, i18n } = useTranslation();
  const [proposing, setProposing] = useState(false);
  const mover = useMatchMove();
  const reasonLabel = useReasonLabel();
  const movable: MovableMatch = { id: match.id, name: matchName(match), stage: match.stage };
  const lang = i18n.language;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <PersonMatchingLink id={match.candidateId} fw={600}>
          {match.candidateName}
        </PersonMatchingLink>
        <Text size="sm">
          <CompanyLink id={match.companyId} size="sm">
            {match.companyName}
          </CompanyLink>
        </Text>
        <Text size="sm">
          {match.occupationName}
          {match.offerTitle ? ` – ${match.offerTitle}` : ""}
        </Text>
        <Text size="sm" c="dimmed">
          {t(`offers.kinds.${match.offerKind}`, { defaultValue: match.offerKind })} ·{" "}
          {t("matching.match.start", { date: formatDay(match.startDate, lang) })}
          {match.score !== null ? ` · ${t("matching.score.overall", { value: formatScore(match.score, lang, 1) })}` : ""}
        </Text>
        <OfferMatchingLink id={match.offerId} size="sm">
          {t("matching.match.toPlace")}
        </OfferMatchingLink>
      </Stack>
      <Group gap="xs">
        <MatchStageBadge stage={match.stage} size="lg" />
        <Text size="sm" c="dimmed">
          {t("matching.match.inStage", { count: daysSince(match.stageChangedAt) })}
        </Text>
      </Group>
      {match.stage === "declined" && match.declinedBy && (
        <Text size="sm">
          {t("matching.match.declinedDetail", {
            by: t(`matching.declinedBy.${match.declinedBy}`),
            reason: match.declinedReason ? reasonLabel("declined", match.declinedReason) : "–",
          })}
        </Text>
      )}
      {match.stage === "ended_early" && match.endedOn && (
        <Text size="sm">
          {t("matching.match.endedDetail", {
            date: formatDay(match.endedOn, lang),
            reason: match.endedReason ? reasonLabel("ended_early", match.endedReason) : "–",
          })}
        </Text>
      )}
      {match.proposedAt && <Text size="sm">{t("matching.match.proposedAt", { date: formatDateTime(match.proposedAt, lang) })}</Text>}
      <Group gap="xs">
        <Button onClick={() => setProposing(true)} variant={match.stage === "suggested" ? "filled" : "light"}>
          {t("matching.proposal.open")}
        </Button>
        <MatchStageMenu
          match={movable}
          onMove={(to) => mover.request(movable, to)}
          target={
            <Button variant="default" loading={mover.pending}>
              {t("matching.move.button")}
            </Button>
          }
        />
      </Group>
      <MatchChain match={match} />
      <History match={match} />
      <ProposalDialog match={match} opened={proposing} onClose={() => setProposing(false)} />
      {mover.dialog}
    </Stack>
  );
}

/** The drawer for the match named in the address; on a phone it takes the whole screen. */
export function MatchDrawer() {
  const { t } = useTranslation();
  const { id, close } = useMatchParam();
  const phone = useMediaQuery("(max-width: 48em)");
  const match = useMatch(id);
  return (
    <Drawer
      opened={id !== null}
      onClose={close}
      position="right"
      size={phone ? "100%" : "md"}
      title={match.data ? t("matching.match.titleOf", { name: matchName(match.data) }) : t("matching.match.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
      attributes={{ header: { role: "presentation" } }}
    >
      <ProblemAlert error={match.error} />
      {match.isPending && id !== null && (
        <Center mih={200}>
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {match.data && <MatchView match={match.data} />}
    </Drawer>
  );
}
