import { Card, Text, Timeline, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";
import { ProblemAlert } from "../../ui/problem-alert";
import { isStage, stageColors } from "../../ui/stages";
import { useStageHistory } from "./api";

/** Every stage change, newest first, with who made it and why. */
export function StageHistory({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation();
  const history = useStageHistory(companyId);
  const reason = (r: string) => t(`companies.declinedReasons.${r}`, { defaultValue: r }) as string;
  return (
    <Card withBorder component="section" aria-labelledby="history-heading">
      <Title order={2} size="h4" id="history-heading" mb="xs">
        {t("companies.history.title")}
      </Title>
      <ProblemAlert error={history.error} />
      <Timeline bulletSize={12} lineWidth={2} active={-1}>
        {(history.data?.items ?? []).map((h) => (
          <Timeline.Item
            key={h.id}
            color={stageColors[h.toStage]}
            title={
              <Text size="sm" fw={600}>
                {h.fromStage && isStage(h.fromStage)
                  ? t("companies.history.moved", { from: t(`stages.${h.fromStage}`), to: t(`stages.${h.toStage}`) })
                  : t("companies.history.created", { to: t(`stages.${h.toStage}`) })}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(h.at, i18n.language)}
              {h.userName ? ` · ${h.userName}` : ""}
            </Text>
            {h.reason && <Text size="sm">{t("companies.history.reason", { reason: reason(h.reason) })}</Text>}
            {h.note && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {h.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
