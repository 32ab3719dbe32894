import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Activity, ActivityInput } from "../../../features/companies/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { DateField, isIsoDay } from "../../ui/date-field";
import { formatDay, todayIso } from "../../ui/days";
import { useFormChecks } from "../../ui/form-checks";
import { notify } from "../../ui/notify";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { useActivities, useRefreshCompanies } from "./api";
import { activityKinds } from "./constants";

function ActivityForm({ companyId, onDone }: { companyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshCompanies();
  const [v, setV] = useState({ kind: "call", occurredOn: todayIso(), summary: "", outcome: "", nextStep: "", nextStepDue: "" });
  const set = (key: keyof typeof v, value: string) => setV((o) => ({ ...o, [key]: value }));
  const checks = useFormChecks({
    occurredOn: !v.occurredOn ? t("companies.log.dateRequired") : isIsoDay(v.occurredOn) ? undefined : t("companies.log.dateFormat"),
    summary: v.summary.trim().length < 2 ? t("companies.log.summaryRequired") : undefined,
    nextStep: !v.nextStep.trim() && v.nextStepDue ? t("companies.log.nextStepMissing") : undefined,
    nextStepDue:
      v.nextStepDue && !isIsoDay(v.nextStepDue)
        ? t("companies.log.dateFormat")
        : v.nextStep.trim() && !v.nextStepDue
          ? t("companies.log.dueMissing")
          : undefined,
  });
  const log = useMutation({
    mutationFn: (input: ActivityInput) => api<Activity>("POST", `/api/v1/companies/${companyId}/activities`, input),
    onSuccess: async () => {
      notify({ color: "green", message: t("companies.log.saved") });
      await refresh();
      onDone();
    },
  });
  const errors = fieldErrorsOf(log.error);
  const errorOf = (name: string) => checks.errorOf(name) ?? errors[name];
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    log.mutate({
      kind: v.kind as ActivityInput["kind"],
      occurredOn: v.occurredOn,
      summary: v.summary.trim(),
      outcome: v.outcome.trim() || null,
      nextStep: v.nextStep.trim() || null,
      nextStepDue: v.nextStepDue || null,
    });
  };
  return (
    <AppForm onSubmit={submit} gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t("companies.log.kind")}
          name="kind"
          value={v.kind}
          onChange={(x) => set("kind", x ?? "call")}
          data={activityKinds.map((k) => ({ value: k, label: t(`companies.log.kinds.${k}`) }))}
          allowDeselect={false}
          required
          error={errors.kind}
        />
        <DateField
          label={t("companies.log.occurredOn")}
          name="occurredOn"
          value={v.occurredOn}
          onChange={(x) => set("occurredOn", x)}
          onBlur={checks.onBlurOf("occurredOn")}
          required
          error={errorOf("occurredOn")}
        />
      </SimpleGrid>
      <Textarea
        label={t("companies.log.summary")}
        name="summary"
        value={v.summary}
        onChange={(e) => set("summary", e.currentTarget.value)}
        onBlur={checks.onBlurOf("summary")}
        required
        autosize
        minRows={2}
        error={errorOf("summary")}
      />
      <Textarea
        label={t("companies.log.outcome")}
        name="outcome"
        value={v.outcome}
        onChange={(e) => set("outcome", e.currentTarget.value)}
        autosize
        minRows={1}
        error={errors.outcome}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t("companies.log.nextStep")}
          description={t("companies.log.nextStepHint")}
          name="nextStep"
          value={v.nextStep}
          onChange={(e) => set("nextStep", e.currentTarget.value)}
          onBlur={checks.onBlurOf("nextStep")}
          error={errorOf("nextStep")}
        />
        <DateField
          label={t("companies.log.nextStepDue")}
          description={t("companies.log.nextStepDueHint")}
          name="nextStepDue"
          value={v.nextStepDue}
          onChange={(x) => set("nextStepDue", x)}
          onBlur={checks.onBlurOf("nextStepDue")}
          error={errorOf("nextStepDue")}
        />
      </SimpleGrid>
      <ProblemAlert error={log.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={log.isPending}>
          {t("companies.log.submit")}
        </Button>
      </Group>
    </AppForm>
  );
}

function NextStep({ companyId, a }: { companyId: string; a: Activity }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshCompanies();
  const mark = useMutation({
    mutationFn: (done: boolean) => api<Activity>("PATCH", `/api/v1/companies/${companyId}/activities/${a.id}`, { nextStepDone: done }),
    onSuccess: refresh,
  });
  if (!a.nextStep) return null;
  const overdue = !a.nextStepDone && a.nextStepDue !== null && a.nextStepDue < todayIso();
  return (
    <Stack gap={4} mt={4}>
      <Group gap="xs">
        <Text size="sm" td={a.nextStepDone ? "line-through" : undefined}>
          {t("companies.log.nextStepValue", { step: a.nextStep })}
          {a.nextStepDue && ` · ${t("companies.log.dueOn", { date: formatDay(a.nextStepDue, i18n.language) })}`}
        </Text>
        {a.nextStepDone && (
          <Badge size="sm" color="green" variant="light">
            {t("companies.log.done")}
          </Badge>
        )}
        {overdue && (
          <Badge size="sm" color="red" variant="filled">
            {t("companies.log.overdue")}
          </Badge>
        )}
      </Group>
      <Group gap="xs">
        <Button
          size="compact-xs"
          variant={a.nextStepDone ? "subtle" : "light"}
          loading={mark.isPending}
          onClick={() => mark.mutate(!a.nextStepDone)}
          aria-label={`${a.nextStepDone ? t("companies.log.reopen") : t("companies.log.markDone")}: ${a.nextStep}`}
        >
          {a.nextStepDone ? t("companies.log.reopen") : t("companies.log.markDone")}
        </Button>
      </Group>
      <ProblemAlert error={mark.error} />
    </Stack>
  );
}

/** The contact log, newest first: who talked to the company when, what came of it, and what is next. */
export function ContactLog({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation();
  const activities = useActivities(companyId);
  const [adding, setAdding] = useState(false);
  const items = activities.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="log-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="log-heading">
          {t("companies.log.title")}
        </Title>
        <Button size="xs" onClick={() => setAdding(true)}>
          {t("companies.log.add")}
        </Button>
      </Group>
      <ProblemAlert error={activities.error} />
      {activities.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("companies.log.empty")}
        </Text>
      )}
      {items.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} active={-1}>
          {items.map((a) => (
            <Timeline.Item
              key={a.id}
              title={
                <Text fw={600} size="sm">
                  {t(`companies.log.kinds.${a.kind}`)} · {formatDay(a.occurredOn, i18n.language)}
                </Text>
              }
            >
              {a.userName && (
                <Text size="xs" c="dimmed">
                  {t("companies.log.by", { name: a.userName })}
                </Text>
              )}
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {a.summary}
              </Text>
              {a.outcome && (
                <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                  {t("companies.log.outcomeValue", { outcome: a.outcome })}
                </Text>
              )}
              <NextStep companyId={companyId} a={a} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <AppModal opened={adding} onClose={() => setAdding(false)} title={t("companies.log.add")} size="lg">
        {adding && <ActivityForm companyId={companyId} onDone={() => setAdding(false)} />}
      </AppModal>
    </Card>
  );
}
