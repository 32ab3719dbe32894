import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Consultation } from "../../../features/consultations/schema";
import { formatDay, todayIso } from "../../ui/days";
import { ProblemAlert } from "../../ui/problem-alert";
import { useCandidateConsultations } from "./api";
import { ReferralOutcomeSelect } from "./referral-outcome";

function ConsultationItem({ c }: { c: Consultation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const today = todayIso();
  const meta = [
    t(`consultations.channels.${c.channel}`),
    c.durationMinutes ? t("consultations.item.minutes", { count: c.durationMinutes }) : null,
    c.language,
    c.interpreter ? t("consultations.item.interpreter") : null,
    c.userName ? t("consultations.item.by", { name: c.userName }) : null,
  ].filter(Boolean);
  return (
    <Card withBorder component="article" aria-label={`${t(`consultations.kinds.${c.kind}`)} · ${formatDay(c.date, lang)}`} p="sm">
      <Text fw={700}>
        {t(`consultations.kinds.${c.kind}`)} · {formatDay(c.date, lang)}
      </Text>
      <Text size="xs" c="dimmed">
        {meta.join(" · ")}
      </Text>
      {c.topics.length > 0 && (
        <Group gap={4} mt={6}>
          {c.topics.map((k) => (
            <Badge key={k} size="sm" variant="light" color="gray">
              {t(`consultations.topics.${k}`)}
            </Badge>
          ))}
        </Group>
      )}
      {c.notes && (
        <Text size="sm" mt={6} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {c.notes}
        </Text>
      )}
      {c.outcome && (
        <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
          {t("consultations.item.outcome", { outcome: c.outcome })}
        </Text>
      )}
      {c.nextStep && c.nextStepDue && (
        <Group gap="xs" mt={4}>
          <Text size="sm" td={c.nextStepDone ? "line-through" : undefined}>
            {t("consultations.item.nextStep", { step: c.nextStep, date: formatDay(c.nextStepDue, lang) })}
          </Text>
          {c.nextStepDone && (
            <Badge size="sm" color="green" variant="light">
              {t("consultations.item.done")}
            </Badge>
          )}
        </Group>
      )}
      {c.referrals.length > 0 && (
        <Stack component="ul" gap="xs" mt="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {c.referrals.map((r) => {
            const overdue = (r.outcome === "in_progress" || r.outcome === "unknown") && r.followUpOn !== null && r.followUpOn < today;
            return (
              <Group component="li" key={r.id} justify="space-between" gap="xs" align="flex-start" wrap="wrap">
                <Stack gap={0} style={{ flex: "1 1 14rem", minWidth: 0 }}>
                  <Text size="sm" fw={600} style={{ overflowWrap: "anywhere" }}>
                    {t("consultations.item.referredTo", { name: r.partnerName, type: t(`consultations.partnerTypes.${r.partnerType}`) })}
                  </Text>
                  {r.reason && (
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {r.reason}
                    </Text>
                  )}
                  {r.followUpOn && (
                    <Text size="xs" c={overdue ? "red.8" : "dimmed"} fw={overdue ? 700 : undefined}>
                      {t("consultations.item.followUp", { date: formatDay(r.followUpOn, lang) })}
                      {overdue && ` · ${t("consultations.item.overdue")}`}
                    </Text>
                  )}
                </Stack>
                <ReferralOutcomeSelect referral={r} />
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

/** The consultations of one young person, newest first, each with its referrals (outcome set in place). */
export function CandidateConsultations({ candidateId, onRecord }: { candidateId: string; onRecord: () => void }) {
  const { t } = useTranslation();
  const list = useCandidateConsultations(candidateId);
  const items = list.data?.items ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="consultations-heading">
      <Group justify="space-between">
        <Title order={2} size="h4" id="consultations-heading">
          {t("consultations.title")}
        </Title>
        <Button size="xs" onClick={onRecord}>
          {t("consultations.record")}
        </Button>
      </Group>
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("consultations.empty")}
        </Text>
      )}
      {items.map((c) => (
        <ConsultationItem key={c.id} c={c} />
      ))}
    </Stack>
  );
}
