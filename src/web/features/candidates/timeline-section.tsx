import { Card, Text, Timeline, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TimelineEntry } from "../../../features/candidates/schema";
import { formatDay, formatDayOf } from "../../ui/days";
import { formatDateTime } from "../../ui/format";
import { ProblemAlert } from "../../ui/problem-alert";
import { useTimeline } from "./api";

const colors: Record<TimelineEntry["kind"], string> = {
  consultation: "blue",
  referral: "cyan",
  document: "gray",
  consent: "teal",
  consent_withdrawn: "red",
  status: "violet",
  share: "orange",
};

/** "Verlauf": everything that happened, newest first; titles as the server records them (German). */
export function TimelineSection({ candidateId }: { candidateId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const timeline = useTimeline(candidateId);
  const items = [...(timeline.data?.items ?? [])].sort((a, b) =>
    b.at === a.at ? b.recordedAt.localeCompare(a.recordedAt) : b.at.localeCompare(a.at),
  );
  const dayOf = (at: string) => (at.length === 10 ? formatDay(at, lang) : formatDayOf(at, lang));
  return (
    <Card withBorder component="section" aria-labelledby="timeline-heading">
      <Title order={2} size="h4" id="timeline-heading" mb={4}>
        {t("candidates.timeline.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("candidates.timeline.intro")}
      </Text>
      <ProblemAlert error={timeline.error} />
      {timeline.data && items.length === 0 && <Text size="sm">{t("candidates.timeline.empty")}</Text>}
      {items.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} active={-1}>
          {items.map((e) => (
            <Timeline.Item
              key={`${e.kind}-${e.id}`}
              color={colors[e.kind]}
              title={
                <Text fw={600} size="sm">
                  {dayOf(e.at)} · <span lang="de">{e.title}</span>
                </Text>
              }
            >
              {e.detail && (
                <Text size="sm" lang="de" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                  {e.detail}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {[
                  e.userName ? t("candidates.timeline.by", { name: e.userName }) : null,
                  t("candidates.timeline.recordedAt", { date: formatDateTime(e.recordedAt, lang) }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
