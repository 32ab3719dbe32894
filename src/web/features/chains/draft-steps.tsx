import { Button, Group, Stack, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CheckField, StepInput, Template } from "../../../features/chains/schema";
import { AppModal } from "../../ui/app-modal";
import { notify } from "../../ui/notify";
import { ProblemAlert } from "../../ui/problem-alert";
import { stepAsInput, useUpdateTemplate } from "./api";
import { StepForm } from "./step-form";

type StepDialog = { kind: "step"; index: number | "new" } | { kind: "remove"; index: number };

/**
 * Editing a draft's steps. The API takes the whole list on every change (PATCH `steps`), so each action —
 * a step saved, moved, removed or a "zu prüfen" mark confirmed — sends the list with that one change.
 * Returns the actions and the dialogs they open (to be placed on the page).
 */
export function useDraftSteps(template: Template): {
  busy: boolean;
  error: unknown;
  edit: (index: number | "new") => void;
  editById: (stepId: string) => void;
  remove: (index: number) => void;
  move: (index: number, by: -1 | 1) => void;
  confirmField: (stepId: string, field: CheckField) => void;
  dialogs: ReactNode;
} {
  const { t } = useTranslation();
  const update = useUpdateTemplate(template.id);
  const [dialog, setDialog] = useState<StepDialog | null>(null);
  const inputs = () => template.steps.map(stepAsInput);
  const close = () => {
    update.reset();
    setDialog(null);
  };
  const save = (steps: StepInput[], message: string, after?: () => void) =>
    update.mutate(
      { steps },
      {
        onSuccess: () => {
          notify({ color: "green", message });
          after?.();
        },
      },
    );
  const move = (index: number, by: -1 | 1) => {
    const list = inputs();
    const [step] = list.splice(index, 1);
    if (!step) return;
    list.splice(index + by, 0, step);
    save(list, t("chains.template.moved", { title: step.title, position: index + by + 1 }));
  };
  const confirmField = (stepId: string, field: CheckField) => {
    const step = template.steps.find((s) => s.id === stepId);
    if (!step) return;
    const list = inputs().map((s) => (s.id === stepId ? { ...s, toCheck: (s.toCheck ?? []).filter((f) => f !== field) } : s));
    save(list, t("chains.diff.confirmed", { field: t(`chains.checkFields.${field}`), title: step.title }));
  };
  const stepDialog = dialog?.kind === "step" ? dialog : null;
  const editing = stepDialog && stepDialog.index !== "new" ? template.steps[stepDialog.index] : undefined;
  const removing = dialog?.kind === "remove" ? template.steps[dialog.index] : undefined;

  const dialogs = (
    <>
      <AppModal
        opened={stepDialog !== null}
        onClose={close}
        title={editing ? t("chains.stepForm.editTitle", { title: editing.title }) : t("chains.stepForm.newTitle")}
        size="xl"
      >
        {stepDialog && (
          <StepForm
            key={editing?.id ?? "new"}
            step={editing}
            pending={update.isPending}
            error={update.error}
            onSubmit={(input) => {
              const list = inputs();
              if (stepDialog.index === "new") list.push(input);
              else list[stepDialog.index] = input;
              save(list, t("chains.template.stepSaved", { title: input.title }), close);
            }}
            onCancel={close}
          />
        )}
      </AppModal>
      <AppModal opened={removing !== undefined} onClose={close} title={t("chains.template.removeTitle")} size="md">
        {removing && (
          <Stack gap="sm">
            <Text size="sm">{t("chains.template.removeConfirm", { title: removing.title })}</Text>
            <ProblemAlert error={update.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button
                color="red"
                loading={update.isPending}
                onClick={() =>
                  save(
                    inputs().filter((s) => s.id !== removing.id),
                    t("chains.template.removed", { title: removing.title }),
                    close,
                  )
                }
              >
                {t("chains.step.remove")}
              </Button>
            </Group>
          </Stack>
        )}
      </AppModal>
    </>
  );

  return {
    busy: update.isPending,
    // Errors of a dialog stand in the dialog; those of a move or a confirmation on the page.
    error: dialog ? null : update.error,
    edit: (index) => setDialog({ kind: "step", index }),
    editById: (stepId) => {
      const index = template.steps.findIndex((s) => s.id === stepId);
      if (index >= 0) setDialog({ kind: "step", index });
    },
    remove: (index) => setDialog({ kind: "remove", index }),
    move,
    confirmField,
    dialogs,
  };
}
