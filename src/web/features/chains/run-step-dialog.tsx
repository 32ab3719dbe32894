import { Button, Group, MultiSelect, Radio, Stack, Text, Textarea } from "@mantine/core";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RunStep, RunStepUpdate, StepStatus } from "../../../features/chains/schema";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { DateField, isIsoDay } from "../../ui/date-field";
import { todayIso } from "../../ui/days";
import { useFormChecks } from "../../ui/form-checks";
import { notify } from "../../ui/notify";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { useDocuments } from "../candidates/api";
import { useUpdateRunStep } from "./api";
import { stepStatuses } from "./constants";

/** The step's status (not needed: with a reason; done: on which day), a note and the person's documents it needed. */
function RunStepForm({ runId, candidateId, step, onDone }: { runId: string; candidateId: string; step: RunStep; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useUpdateRunStep(runId);
  const documents = useDocuments(candidateId);
  const [documentIds, setDocumentIds] = useState<string[]>(step.documentIds);
  const [status, setStatus] = useState<StepStatus>(step.status);
  const [reason, setReason] = useState(step.reason ?? "");
  const [completedOn, setCompletedOn] = useState(step.completedOn ?? todayIso());
  const [note, setNote] = useState(step.note ?? "");
  const today = todayIso();
  const checks = useFormChecks({
    reason: status === "not_needed" && !reason.trim() ? t("chains.runStep.reasonRequired") : undefined,
    completedOn:
      status !== "done"
        ? undefined
        : !completedOn
          ? t("chains.runStep.completedOnRequired")
          : !isIsoDay(completedOn)
            ? t("chains.stepForm.dateFormat")
            : completedOn > today
              ? t("chains.runStep.completedOnFuture")
              : undefined,
  });
  const errors = fieldErrorsOf(save.error);
  const errorOf = (n: string) => checks.errorOf(n) ?? errors[n];
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    const update: RunStepUpdate = {
      status,
      note: note.trim() || null,
      reason: status === "not_needed" ? reason.trim() : null,
      ...(status === "done" ? { completedOn } : {}),
      ...(documents.data ? { documentIds } : {}),
    };
    save.mutate(
      { stepId: step.id, update },
      {
        onSuccess: () => {
          notify({ color: "green", message: t("chains.runStep.saved", { title: step.title, status: t(`chains.stepStatuses.${status}`) }) });
          onDone();
        },
      },
    );
  };
  return (
    <AppForm onSubmit={submit} gap="sm">
      <Radio.Group label={t("chains.runStep.status")} value={status} onChange={(v) => setStatus(v as StepStatus)} name="status">
        <Stack gap={6} mt={4}>
          {stepStatuses.map((s) => (
            <Radio key={s} value={s} label={t(`chains.stepStatuses.${s}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {status === "not_needed" && (
        <Textarea
          label={t("chains.runStep.reason")}
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          onBlur={checks.onBlurOf("reason")}
          autosize
          minRows={2}
          maxLength={500}
          required
          error={errorOf("reason")}
        />
      )}
      {status === "done" && (
        <DateField
          label={t("chains.runStep.completedOn")}
          name="completedOn"
          value={completedOn}
          onChange={setCompletedOn}
          onBlur={checks.onBlurOf("completedOn")}
          required
          error={errorOf("completedOn")}
        />
      )}
      <Textarea
        label={t("chains.runStep.note")}
        name="note"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
        error={errors.note}
      />
      {documents.data &&
        (documents.data.items.length ? (
          <MultiSelect
            label={t("chains.runStep.attached")}
            name="documentIds"
            data={documents.data.items.map((d) => ({ value: d.id, label: d.fileName }))}
            value={documentIds}
            onChange={setDocumentIds}
            clearable
            error={errors.documentIds}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t("chains.runStep.attachedNone")}
          </Text>
        ))}
      <ProblemAlert error={errors.reason || errors.completedOn ? null : save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t("common.save")}
        </Button>
      </Group>
    </AppForm>
  );
}

export function RunStepDialog({
  runId,
  candidateId,
  step,
  onClose,
}: {
  runId: string;
  candidateId: string;
  step: RunStep | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={step !== null} onClose={onClose} title={step ? t("chains.runStep.title", { title: step.title }) : ""} size="md">
      {step && <RunStepForm key={step.id} runId={runId} candidateId={candidateId} step={step} onDone={onClose} />}
    </AppModal>
  );
}
