import { Accordion, Box, Button, Card, Grid, Group, List, Stack, Text, Textarea, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppModal } from "../../ui/app-modal";
import { notify } from "../../ui/notify";
import { ProblemAlert } from "../../ui/problem-alert";
import { useCommuteCheck, useCreateMatch } from "./api";
import { commuteLimits } from "./constants";
import { type Flag, FlagList } from "./flag-list";
import { useMatchParam } from "./match-drawer";
import { type Reason, ScoreBadge, ScoreBars } from "./score-bars";

/** One ranked suggestion: rank, who or which place, the overall fit, the bars per criterion, the legal flags, the actions. */
export function SuggestionCard({
  rank,
  heading,
  details,
  score,
  reasons,
  flags,
  actions,
}: {
  rank: number;
  heading: ReactNode;
  details: ReactNode;
  score: number;
  reasons: Reason[];
  flags: Flag[];
  actions: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `suggestion-${rank}`;
  return (
    <Card component="li" withBorder padding="sm" aria-labelledby={headingId} style={{ listStyle: "none" }}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
        <Group gap="xs" align="baseline" wrap="nowrap" style={{ minWidth: 0, flex: "1 1 16rem" }}>
          <Text fw={700} c="dimmed" aria-hidden="true">
            {rank}.
          </Text>
          <Box style={{ minWidth: 0 }}>
            <Title order={3} size="h5" id={headingId} style={{ overflowWrap: "anywhere" }}>
              {heading}
            </Title>
            {details}
          </Box>
        </Group>
        <ScoreBadge score={score} />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: flags.length ? 7 : 12 }}>
          <ScoreBars reasons={reasons} label={t("matching.score.criteriaOf", { rank })} />
        </Grid.Col>
        {flags.length > 0 && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Text size="sm" fw={600} mb={4}>
              {t("matching.flags.title")}
            </Text>
            <FlagList flags={flags} label={t("matching.flags.listOf", { rank })} />
          </Grid.Col>
        )}
      </Grid>
      <Group gap="xs" mt="sm">
        {actions}
      </Group>
    </Card>
  );
}

/** "Match anlegen" for a pair without one (then the match opens), "Match öffnen" for a pair with one. */
export function MatchAction({
  candidateId,
  offerId,
  matchId,
  name,
}: {
  candidateId: string;
  offerId: string;
  matchId: string | null;
  name: string;
}) {
  const { t } = useTranslation();
  const { open } = useMatchParam();
  const create = useCreateMatch();
  if (matchId) {
    return (
      <Button size="xs" variant="light" onClick={() => open(matchId)} aria-label={t("matching.suggestions.openMatchFor", { name })}>
        {t("matching.suggestions.openMatch")}
      </Button>
    );
  }
  return (
    <Button
      size="xs"
      loading={create.isPending}
      aria-label={t("matching.suggestions.createMatchFor", { name })}
      onClick={() =>
        create.mutate(
          { candidateId, offerId },
          {
            onSuccess: (m) => {
              notify({ color: "green", message: t("matching.suggestions.created", { name }) });
              open(m.id);
            },
            onError: (e) => notify({ color: "red", title: t("error.title"), message: e.message }),
          },
        )
      }
    >
      {t("matching.suggestions.createMatch")}
    </Button>
  );
}

/**
 * "Weg von Hand geprüft": where a commute limit rules a pair out or keeps its score low (the railway
 * data know no buses), a counsellor who checked the way lifts the limit for this pair; and can take it back.
 */
export function CommuteCheckAction({
  candidateId,
  offerId,
  reasons,
  name,
}: {
  candidateId: string;
  offerId: string;
  reasons: Reason[];
  name: string;
}) {
  const { t } = useTranslation();
  const check = useCommuteCheck();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState("");
  const checked = reasons.some((r) => r.code === "commute.checked_by_hand");
  const limited = reasons.some((r) => commuteLimits.includes(r.code) && (r.score === undefined || r.score < limitedBelow));
  if (!checked && !limited) return null;
  if (checked) {
    return (
      <Button
        size="xs"
        variant="subtle"
        loading={check.isPending}
        aria-label={t("matching.commute.undoFor", { name })}
        onClick={() =>
          check.mutate(
            { candidateId, offerId, checked: false },
            {
              onSuccess: () => notify({ color: "green", message: t("matching.commute.undone") }),
              onError: (e) => notify({ color: "red", title: t("error.title"), message: e.message }),
            },
          )
        }
      >
        {t("matching.commute.undo")}
      </Button>
    );
  }
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          check.reset();
          setAsking(true);
        }}
        aria-label={t("matching.commute.checkFor", { name })}
      >
        {t("matching.commute.check")}
      </Button>
      <AppModal opened={asking} onClose={() => setAsking(false)} title={t("matching.commute.title")}>
        <Stack gap="sm">
          <Text size="sm">{t("matching.commute.intro", { name })}</Text>
          <Textarea
            label={t("matching.commute.note")}
            description={t("matching.commute.noteHint")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
          <ProblemAlert error={check.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t("common.cancel")}
            </Button>
            <Button
              loading={check.isPending}
              onClick={() =>
                check.mutate(
                  { candidateId, offerId, checked: true, ...(note.trim() ? { note: note.trim() } : {}) },
                  {
                    onSuccess: () => {
                      setAsking(false);
                      setNote("");
                      notify({ color: "green", message: t("matching.commute.done", { name }) });
                    },
                  },
                )
              }
            >
              {t("matching.commute.confirm")}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}

/** A commute part score below this keeps a pair's rank low enough that a check by hand is worth offering. */
const limitedBelow = 0.75;

export type Excluded = { key: string; heading: ReactNode; details?: ReactNode; reasons: Reason[]; action?: ReactNode };

/** The pairs a hard limit rules out, collapsed: "12 Plätze ausgeschlossen", each with its reasons. */
export function InfeasibleList({ items, label }: { items: Excluded[]; label: string }) {
  if (items.length === 0) return null;
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="infeasible">
        <Accordion.Control>{label}</Accordion.Control>
        <Accordion.Panel>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {items.map((i) => (
              <Box component="li" key={i.key} pb="xs" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
                <Text fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
                  {i.heading}
                </Text>
                {i.details}
                <List size="sm" spacing={2} mt={4}>
                  {i.reasons.map((r) => (
                    <List.Item key={r.code}>{r.message}</List.Item>
                  ))}
                </List>
                {i.action && <Box mt={6}>{i.action}</Box>}
              </Box>
            ))}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
