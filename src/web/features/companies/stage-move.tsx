import { Button, Group, Menu, Select, Text, Textarea } from "@mantine/core";
import { type ReactNode, type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { useFormChecks } from "../../ui/form-checks";
import { notify } from "../../ui/notify";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { type Stage, stages } from "../../ui/stages";
import { useMoveStage } from "./api";
import { declinedReasons } from "./constants";

export type Movable = { id: string; name: string; stage: Stage };

function DeclineForm({
  company,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  company: Movable;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string, note: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const checks = useFormChecks({ reason: reason ? undefined : t("companies.decline.reasonRequired") });
  const errors = fieldErrorsOf(error);
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (checks.passes(e) && reason) onConfirm(reason, note.trim());
  };
  return (
    <AppForm onSubmit={submit} gap="sm">
      <Text size="sm">{t("companies.decline.intro", { name: company.name })}</Text>
      <Select
        label={t("companies.decline.reason")}
        name="reason"
        required
        value={reason}
        onChange={setReason}
        data={declinedReasons.map((r) => ({ value: r, label: t(`companies.declinedReasons.${r}`) }))}
        error={checks.errorOf("reason") ?? errors.declinedReason ?? errors.reason}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t("companies.decline.note")}
        name="note"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <ProblemAlert error={errors.declinedReason || errors.reason ? null : error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" color="red" loading={pending}>
          {t("companies.decline.confirm")}
        </Button>
      </Group>
    </AppForm>
  );
}

/**
 * Moving a company to another stage, from the board (drag and drop, keyboard, card menu) or the
 * detail page: "Abgesagt" first asks for the reason in a dialog, every other stage moves at once.
 * `onMoved` runs after the server agreed; `onFailed` when it did not (the board puts the card back).
 */
export function useStageMove(options: { onMoved?: (c: Movable, to: Stage) => void; onFailed?: (c: Movable) => void } = {}) {
  const { t } = useTranslation();
  const move = useMoveStage();
  const [declining, setDeclining] = useState<Movable | null>(null);

  const send = (company: Movable, to: Stage, reason?: string, note?: string) =>
    move.mutate(
      { id: company.id, move: { stage: to, ...(reason ? { reason: reason as never } : {}), ...(note ? { note } : {}) } },
      {
        onSuccess: () => {
          setDeclining(null);
          notify({ color: "green", message: t("companies.board.moved", { name: company.name, stage: t(`stages.${to}`) }) });
          options.onMoved?.(company, to);
        },
        onError: (error) => {
          if (to !== "declined") notify({ color: "red", title: t("error.title"), message: error.message });
          options.onFailed?.(company);
        },
      },
    );

  const request = (company: Movable, to: Stage) => {
    if (to === company.stage) return;
    if (to === "declined") {
      move.reset();
      setDeclining(company);
    } else send(company, to);
  };

  const dialog: ReactNode = (
    <AppModal opened={declining !== null} onClose={() => setDeclining(null)} title={t("companies.decline.title")}>
      {declining && (
        <DeclineForm
          company={declining}
          pending={move.isPending}
          error={move.error}
          onConfirm={(reason, note) => send(declining, "declined", reason, note)}
          onCancel={() => setDeclining(null)}
        />
      )}
    </AppModal>
  );
  return { request, dialog, pending: move.isPending };
}

/** "Verschieben nach …": the stages a company can move to, as a menu. */
export function StageMenu({
  company,
  onMove,
  target,
}: {
  company: Movable;
  onMove: (to: Stage) => void;
  /** The button that opens the menu. */
  target: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("companies.board.moveTo")}</Menu.Label>
        {stages
          .filter((s) => s !== company.stage)
          .map((s) => (
            <Menu.Item key={s} onClick={() => onMove(s)}>
              {t(`stages.${s}`)}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
