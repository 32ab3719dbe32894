import { Badge, type BadgeProps, Button, Group, Menu, Select, Text, Textarea } from "@mantine/core";
import { type ReactNode, type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MatchMove } from "../../../features/matching/schema";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { DateField, isIsoDay } from "../../ui/date-field";
import { todayIso } from "../../ui/days";
import { useFormChecks } from "../../ui/form-checks";
import { notify } from "../../ui/notify";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { useMoveMatch } from "./api";
import { declinedByOptions, declineReasons, endReasons, type MatchStage, matchStageColors, matchStages, mayMove } from "./constants";

/** What a move needs of a match: its id, a name for messages ("Amina K. – Tischlerei Jung") and its stage. */
export type MovableMatch = { id: string; name: string; stage: MatchStage };

export function MatchStageBadge({ stage, ...props }: { stage: MatchStage } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={matchStageColors[stage]} {...props}>
      {t(`matching.stages.${stage}`)}
    </Badge>
  );
}

type Extra = Pick<MatchMove, "reason" | "declinedBy" | "endedOn" | "note">;

/** "Abgelehnt": who declined and why (from the list), with an optional note. */
function DeclineForm({
  match,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  match: MovableMatch;
  pending: boolean;
  error: unknown;
  onConfirm: (extra: Extra) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [by, setBy] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const checks = useFormChecks({
    declinedBy: by ? undefined : t("matching.move.declinedByRequired"),
    reason: reason ? undefined : t("matching.move.reasonRequired"),
  });
  const errors = fieldErrorsOf(error);
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (checks.passes(e) && by && reason) {
      onConfirm({ declinedBy: by as Extra["declinedBy"], reason, ...(note.trim() ? { note: note.trim() } : {}) });
    }
  };
  return (
    <AppForm onSubmit={submit} gap="sm">
      <Text size="sm">{t("matching.move.declineIntro", { name: match.name })}</Text>
      <Select
        label={t("matching.move.declinedBy")}
        name="declinedBy"
        required
        value={by}
        onChange={setBy}
        data={declinedByOptions.map((v) => ({ value: v, label: t(`matching.declinedBy.${v}`) }))}
        error={checks.errorOf("declinedBy") ?? errors.declinedBy}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t("matching.move.reason")}
        name="reason"
        required
        value={reason}
        onChange={setReason}
        data={declineReasons.map((v) => ({ value: v, label: t(`matching.declineReasons.${v}`) }))}
        error={checks.errorOf("reason") ?? errors.reason}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t("matching.move.note")}
        name="note"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <ProblemAlert error={errors.reason || errors.declinedBy ? null : error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={pending}>
          {t("matching.move.declineConfirm")}
        </Button>
      </Group>
    </AppForm>
  );
}

/** "Vorzeitig beendet": on which day and why (from the list), with an optional note. */
function EndForm({
  match,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  match: MovableMatch;
  pending: boolean;
  error: unknown;
  onConfirm: (extra: Extra) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [endedOn, setEndedOn] = useState(todayIso());
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const checks = useFormChecks({
    endedOn: !endedOn ? t("matching.move.endedOnRequired") : isIsoDay(endedOn) ? undefined : t("matching.move.endedOnInvalid"),
    reason: reason ? undefined : t("matching.move.reasonRequired"),
  });
  const errors = fieldErrorsOf(error);
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (checks.passes(e) && reason) onConfirm({ endedOn, reason, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <AppForm onSubmit={submit} gap="sm">
      <Text size="sm">{t("matching.move.endIntro", { name: match.name })}</Text>
      <DateField
        label={t("matching.move.endedOn")}
        name="endedOn"
        required
        value={endedOn}
        onChange={setEndedOn}
        onBlur={checks.onBlurOf("endedOn")}
        error={checks.errorOf("endedOn") ?? errors.endedOn}
      />
      <Select
        label={t("matching.move.reason")}
        name="reason"
        required
        value={reason}
        onChange={setReason}
        data={endReasons.map((v) => ({ value: v, label: t(`matching.endReasons.${v}`) }))}
        error={checks.errorOf("reason") ?? errors.reason}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t("matching.move.note")}
        name="note"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <ProblemAlert error={errors.reason || errors.endedOn ? null : error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={pending}>
          {t("matching.move.endConfirm")}
        </Button>
      </Group>
    </AppForm>
  );
}

/**
 * Moving a match to another stage, from the board (drag and drop, keyboard, card menu), a list or the
 * match view: "Abgelehnt" and "Vorzeitig beendet" first ask what the domain wants to know, every other
 * stage moves at once. `onMoved` runs after the server agreed; `onFailed` when it did not.
 */
export function useMatchMove(options: { onMoved?: (m: MovableMatch, to: MatchStage) => void; onFailed?: (m: MovableMatch) => void } = {}) {
  const { t } = useTranslation();
  const move = useMoveMatch();
  const [asking, setAsking] = useState<{ match: MovableMatch; to: "declined" | "ended_early" } | null>(null);

  const send = (match: MovableMatch, to: MatchStage, extra: Extra = {}) =>
    move.mutate(
      { id: match.id, move: { stage: to, ...extra } },
      {
        onSuccess: () => {
          setAsking(null);
          notify({ color: "green", message: t("matching.move.moved", { name: match.name, stage: t(`matching.stages.${to}`) }) });
          options.onMoved?.(match, to);
        },
        onError: (error) => {
          // In a dialog the error shows beside the fields; a direct move reports it as a message.
          if (to !== "declined" && to !== "ended_early") notify({ color: "red", title: t("error.title"), message: error.message });
          options.onFailed?.(match);
        },
      },
    );

  const request = (match: MovableMatch, to: MatchStage) => {
    if (to === match.stage) return;
    if (!mayMove(match.stage, to)) {
      notify({ color: "yellow", message: t(to === "completed" ? "matching.move.completedOnlyStarted" : "matching.move.endOnlyRunning") });
      options.onFailed?.(match);
      return;
    }
    if (to === "declined" || to === "ended_early") {
      move.reset();
      setAsking({ match, to });
    } else send(match, to);
  };
  const cancel = () => {
    if (asking) options.onFailed?.(asking.match);
    setAsking(null);
  };

  const dialog: ReactNode = (
    <AppModal
      opened={asking !== null}
      onClose={cancel}
      title={asking?.to === "ended_early" ? t("matching.move.endTitle") : t("matching.move.declineTitle")}
    >
      {asking?.to === "declined" && (
        <DeclineForm
          match={asking.match}
          pending={move.isPending}
          error={move.error}
          onConfirm={(extra) => send(asking.match, "declined", extra)}
          onCancel={cancel}
        />
      )}
      {asking?.to === "ended_early" && (
        <EndForm
          match={asking.match}
          pending={move.isPending}
          error={move.error}
          onConfirm={(extra) => send(asking.match, "ended_early", extra)}
          onCancel={cancel}
        />
      )}
    </AppModal>
  );
  return { request, dialog, pending: move.isPending };
}

/** "Verschieben nach …": the stages a match can move to, as a menu (stages the server refuses are shown disabled). */
export function MatchStageMenu({ match, onMove, target }: { match: MovableMatch; onMove: (to: MatchStage) => void; target: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("matching.move.moveTo")}</Menu.Label>
        {matchStages
          .filter((s) => s !== match.stage)
          .map((s) => (
            <Menu.Item key={s} onClick={() => onMove(s)} disabled={!mayMove(match.stage, s)}>
              {t(`matching.stages.${s}`)}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
