import { Anchor, Badge, Box, Button, Card, Center, Group, List, Loader, Progress, Select, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { HandoutLanguage, Run, RunStep, Warning } from "../../../features/chains/schema";
import { formatDay, formatDayOf } from "../../ui/days";
import { ErrorPage } from "../../ui/error-page";
import { notify } from "../../ui/notify";
import { PageHeader } from "../../ui/page-header";
import { ProblemAlert } from "../../ui/problem-alert";
import { dueState } from "../matching/flag-list";
import { MatchDrawer, useMatchParam } from "../matching/match-drawer";
import { runHandoutHref, useRun, useUpdateRunStep } from "./api";
import { useChainText } from "./chain-text";
import { handoutLanguages, stepStatusColors } from "./constants";
import { TemplateLink } from "./links";
import { RunStepDialog } from "./run-step-dialog";
import { StepNumber } from "./step-path";

/** Warnings of a run or a step: what is the matter and what to do, as information (yellow), never a verdict. */
function Warnings({ warnings, label }: { warnings: Warning[]; label: string }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Stack component="ul" gap={6} p={0} m={0} aria-label={label} style={{ listStyle: "none" }}>
      {warnings.map((w) => (
        <Box
          component="li"
          key={`${w.code}-${w.message}`}
          px="sm"
          py={6}
          style={{
            background: "var(--mantine-color-yellow-0)",
            borderLeft: "4px solid var(--mantine-color-yellow-7)",
            borderRadius: "var(--mantine-radius-sm)",
          }}
        >
          <Text size="sm">{w.message}</Text>
          <Text size="sm" fw={600}>
            {t("chains.run.whatToDo", { action: w.action })}
          </Text>
        </Box>
      ))}
    </Stack>
  );
}

/** The dates of a step: "Fällig bis …" (marked when due soon or past), "Frühestens ab …", each rule's own date. */
function StepDates({ step }: { step: RunStep }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const open = step.status === "open" || step.status === "in_progress";
  const state = open ? dueState(step.dueDate ?? undefined) : "none";
  return (
    <Stack gap={2}>
      <Group gap={6}>
        {step.dueDate ? (
          <Text size="sm" fw={state === "overdue" || state === "soon" ? 700 : 400}>
            {t("chains.run.due", { date: formatDay(step.dueDate, lang) })}
          </Text>
        ) : (
          <Text size="sm">{t("chains.run.noDue")}</Text>
        )}
        {open && step.overdue && (
          <Badge size="sm" variant="filled" color="red.8">
            {t("chains.run.overdue")}
          </Badge>
        )}
        {open && !step.overdue && state === "soon" && (
          <Badge size="sm" variant="filled" color="yellow.3" c="black">
            {t("chains.run.soon")}
          </Badge>
        )}
      </Group>
      {step.earliestDate && <Text size="sm">{t("chains.run.earliest", { date: formatDay(step.earliestDate, lang) })}</Text>}
      {step.dates.length > 1 && (
        <List size="xs" spacing={0}>
          {step.dates.map((d) => (
            <List.Item key={`${d.kind}-${d.date}-${d.label ?? ""}`}>
              {t("chains.run.ruleDate", {
                label: d.label ?? t(`chains.deadline.kinds.${d.kind}`),
                date: formatDay(d.date, lang),
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function RunStepCard({ run, step, onChange }: { run: Run; step: RunStep; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const text = useChainText();
  const tick = useUpdateRunStep(run.id);
  const lang = i18n.language;
  const closed = step.status === "done" || step.status === "not_needed";
  const markDone = () =>
    tick.mutate(
      { stepId: step.id, update: { status: "done" } },
      { onSuccess: () => notify({ color: "green", message: t("chains.runStep.ticked", { title: step.title }) }) },
    );
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      style={step.overdue && !closed ? { borderLeft: "4px solid var(--mantine-color-red-8)" } : undefined}
      data-status={step.status}
    >
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <StepNumber n={step.position} />
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" justify="space-between" align="flex-start">
            <Title order={3} size="h5" style={{ overflowWrap: "anywhere", flex: "1 1 16rem" }}>
              {step.title}
            </Title>
            <Badge variant="light" color={stepStatusColors[step.status]}>
              {t(`chains.stepStatuses.${step.status}`)}
            </Badge>
          </Group>
          {!closed && <StepDates step={step} />}
          {step.status === "done" && step.completedOn && (
            <Text size="sm">{t("chains.run.doneOn", { date: formatDay(step.completedOn, lang) })}</Text>
          )}
          {step.status === "not_needed" && step.reason && <Text size="sm">{t("chains.run.notNeeded", { reason: step.reason })}</Text>}
          <Warnings warnings={closed ? [] : step.warnings} label={t("chains.run.stepWarnings", { title: step.title })} />
          <Text size="sm">
            <Text span fw={600} size="sm">
              {t("chains.step.lead", { actor: text.actor(step.leadActor) })}
            </Text>
            {step.organisationName ? ` · ${step.organisationName}` : ""}
          </Text>
          {step.organisationContact && (
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {t("chains.run.contact", { contact: step.organisationContact })}
            </Text>
          )}
          {step.documents.length > 0 && (
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {t("chains.run.documents", { list: step.documents.join(", ") })}
            </Text>
          )}
          {step.legalBasis && (
            <Text size="xs" c="dimmed">
              {step.legalBasis}
            </Text>
          )}
          {step.note && (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {t("chains.run.note", { note: step.note })}
            </Text>
          )}
          {step.documentIds.length > 0 && <Text size="sm">{t("chains.run.attached", { count: step.documentIds.length })}</Text>}
          {step.changedAt && (
            <Text size="xs" c="dimmed">
              {t("chains.run.changed", { date: formatDayOf(step.changedAt, lang), name: step.changedBy ?? "–" })}
            </Text>
          )}
          <ProblemAlert error={tick.error} />
          <Group gap={6}>
            {!closed && (
              <Button
                size="compact-sm"
                onClick={markDone}
                loading={tick.isPending}
                aria-label={t("chains.run.tickLabel", { title: step.title })}
              >
                {t("chains.run.tick")}
              </Button>
            )}
            <Button size="compact-sm" variant="default" onClick={onChange} aria-label={t("chains.run.changeLabel", { title: step.title })}>
              {t("chains.run.change")}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

/**
 * One run (one match): the steps that apply with their due dates, warnings with what to do, status changes
 * and notes; the young person's handout in their language.
 */
export function ChainRunPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const run = useRun(id);
  const { open: openMatch } = useMatchParam();
  const [editing, setEditing] = useState<string | null>(null);
  const [language, setLanguage] = useState<HandoutLanguage | null>(null);
  const lang = i18n.language;

  if (run.error) return <ErrorPage error={run.error} />;
  const r = run.data;
  if (!r) {
    return (
      <Center mih="40vh">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  const handoutLanguage = language ?? r.language;
  const openSteps = r.steps.filter((s) => s.status === "open" || s.status === "in_progress");
  const next = openSteps.filter((s) => s.dueDate).sort((a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? ""))[0];
  const percent = r.stepCount ? Math.round((r.doneCount / r.stepCount) * 100) : 0;
  const editingStep = r.steps.find((s) => s.id === editing) ?? null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/prozessketten/laeufe" size="sm">
        {t("chains.run.back")}
      </Anchor>
      <PageHeader title={t("chains.run.title", { person: r.candidateName, company: r.companyName })} />
      <Stack gap={4} mt={-8}>
        <Text size="sm">
          {[
            r.occupationName,
            t(`offers.kinds.${r.placeKind}`),
            t("chains.run.start", { date: formatDay(r.trainingStart, lang) }),
            r.districtName,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
        <Text size="sm">
          {t("chains.run.template")}{" "}
          <TemplateLink id={r.templateId} size="sm">
            {t("chains.runs.templateOption", { name: r.templateName, version: r.templateVersion })}
          </TemplateLink>
        </Text>
        <Text size="sm" c="dimmed">
          {t("chains.run.started", { date: formatDayOf(r.startedAt, lang), name: r.startedBy ?? "–" })}
          {r.finishedAt ? ` · ${t("chains.run.finishedOn", { date: formatDayOf(r.finishedAt, lang) })}` : ""}
        </Text>
        <Group gap="xs">
          <Button size="compact-sm" variant="default" onClick={() => openMatch(r.matchId)}>
            {t("chains.run.openMatch")}
          </Button>
        </Group>
      </Stack>
      <Card withBorder component="section" aria-labelledby="run-progress-heading">
        <Stack gap="xs">
          <Title order={2} size="h4" id="run-progress-heading">
            {t("chains.run.progressTitle")}
          </Title>
          <Progress value={percent} size="lg" aria-label={t("chains.run.progress", { done: r.doneCount, total: r.stepCount })} />
          <Text size="sm" role="status">
            {t("chains.run.progress", { done: r.doneCount, total: r.stepCount })}
            {r.overdueCount > 0 ? ` · ${t("chains.runs.overdueCount", { count: r.overdueCount })}` : ""}
            {next?.dueDate ? ` · ${t("chains.run.next", { title: next.title, date: formatDay(next.dueDate, lang) })}` : ""}
          </Text>
          <Group gap="xs" align="flex-end">
            <Select
              label={t("chains.run.handoutLanguage")}
              value={handoutLanguage}
              onChange={(v) => v && setLanguage(v as HandoutLanguage)}
              data={handoutLanguages.map((l) => ({ value: l, label: t(`chains.languages.${l}`) }))}
              allowDeselect={false}
              size="xs"
              w={{ base: "100%", xs: 200 }}
            />
            <Button component="a" href={runHandoutHref(r.id, handoutLanguage)} variant="default" size="xs">
              {t("chains.run.handout")}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t("chains.run.handoutHint")}
          </Text>
        </Stack>
      </Card>
      <Warnings warnings={r.warnings} label={t("chains.run.warnings")} />
      {r.hiddenSteps > 0 && <Text size="sm">{t("chains.run.hiddenSteps", { count: r.hiddenSteps })}</Text>}
      <Stack gap="xs" component="section" aria-labelledby="run-steps-heading">
        <Title order={2} size="h4" id="run-steps-heading">
          {t("chains.run.steps", { count: r.steps.length })}
        </Title>
        <Stack component="ol" gap="sm" p={0} m={0} aria-label={t("chains.run.stepsOf")} style={{ listStyle: "none" }}>
          {r.steps.map((s) => (
            <RunStepCard key={s.id} run={r} step={s} onChange={() => setEditing(s.id)} />
          ))}
        </Stack>
      </Stack>
      <RunStepDialog runId={r.id} candidateId={r.candidateId} step={editingStep} onClose={() => setEditing(null)} />
      <MatchDrawer />
    </Stack>
  );
}
