import { Button, Card, Group, List, Spoiler, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RetentionPreview } from "../../../features/privacy/schema";
import { api } from "../../api/client";
import { AppModal } from "../../ui/app-modal";
import { formatDay, formatDayOf } from "../../ui/days";
import { ProblemAlert } from "../../ui/problem-alert";
import { useRefreshCandidates } from "./api";
import { notify } from "./notify";

/** For administrators: who the retention period would anonymise next, and the run now. */
export function RetentionPanel() {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshCandidates();
  const [confirming, setConfirming] = useState(false);
  const preview = useQuery({
    queryKey: ["candidates", "retention"],
    queryFn: () => api<RetentionPreview>("GET", "/api/v1/privacy/retention"),
  });
  const run = useMutation({
    mutationFn: () => api<{ id: string }>("POST", "/api/v1/privacy/retention/run"),
    onSuccess: async () => {
      setConfirming(false);
      notify(t("candidates.retention.started"));
      await refresh();
    },
  });
  const p = preview.data;
  return (
    <Card withBorder component="section" aria-labelledby="retention-heading" mt="md">
      <Title order={2} size="h4" id="retention-heading" mb={4}>
        {t("candidates.retention.title")}
      </Title>
      <ProblemAlert error={preview.error} />
      {p && (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t("candidates.retention.summary", { count: p.items.length })}
          </Text>
          <Text size="sm" c="dimmed">
            {t("candidates.retention.rule", { date: formatDay(p.cutoff, i18n.language), months: p.months })}
          </Text>
          {p.items.length > 0 && (
            <Spoiler maxHeight={0} showLabel={t("candidates.retention.details")} hideLabel={t("common.close")}>
              <List size="sm" spacing={2}>
                {p.items.map((c) => (
                  <List.Item key={c.id}>
                    {c.name}
                    {c.districtName ? ` · ${c.districtName}` : ""} ·{" "}
                    {t("candidates.retention.closedOn", { date: formatDayOf(c.closedAt, i18n.language) })}
                  </List.Item>
                ))}
              </List>
            </Spoiler>
          )}
          {p.items.length > 0 && (
            <Group>
              <Button
                color="red"
                variant="light"
                size="xs"
                onClick={() => {
                  run.reset();
                  setConfirming(true);
                }}
              >
                {t("candidates.retention.run")}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      <AppModal opened={confirming} onClose={() => setConfirming(false)} title={t("candidates.retention.runTitle")}>
        <Stack gap="sm">
          <Text>{t("candidates.retention.runConfirm", { count: p?.items.length ?? 0 })}</Text>
          <ProblemAlert error={run.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </Button>
            <Button color="red" loading={run.isPending} onClick={() => run.mutate()}>
              {t("candidates.retention.run")}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Card>
  );
}
