import { Button, Group, Menu, Text, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Candidate } from "../../../features/candidates/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { ProblemAlert } from "../../ui/problem-alert";
import { useRefreshCandidates } from "./api";
import { type CandidateStatus, candidateStatuses } from "./constants";
import { notify } from "./notify";

/** "Status ändern": a menu of the other statuses, then a dialog that asks why (the note goes into the history). */
export function StatusChange({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  const refresh = useRefreshCandidates();
  const [to, setTo] = useState<CandidateStatus | null>(null);
  const [note, setNote] = useState("");
  const name = `${candidate.firstName} ${candidate.lastName}`;
  const change = useMutation({
    mutationFn: (v: { status: CandidateStatus; statusNote: string | null }) =>
      api<Candidate>("PATCH", `/api/v1/candidates/${candidate.id}`, v),
    onSuccess: async (c) => {
      notify(t("candidates.status.changed", { name, status: t(`candidates.statuses.${c.status}`) }));
      setTo(null);
      await refresh();
    },
  });
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    e.preventDefault();
    if (to) change.mutate({ status: to, statusNote: note.trim() || null });
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default">{t("candidates.status.change")}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t("candidates.status.moveTo")}</Menu.Label>
          {candidateStatuses
            .filter((s) => s !== candidate.status)
            .map((s) => (
              <Menu.Item
                key={s}
                onClick={() => {
                  change.reset();
                  setNote("");
                  setTo(s);
                }}
              >
                {t(`candidates.statuses.${s}`)}
              </Menu.Item>
            ))}
        </Menu.Dropdown>
      </Menu>
      <AppModal
        opened={to !== null}
        onClose={() => setTo(null)}
        title={to ? t("candidates.status.title", { status: t(`candidates.statuses.${to}`) }) : ""}
      >
        {to && (
          <AppForm onSubmit={submit} gap="sm">
            <Text size="sm">{t("candidates.status.intro", { name, status: t(`candidates.statuses.${to}`) })}</Text>
            <Textarea
              label={t("candidates.status.note")}
              description={t("candidates.status.noteHint")}
              name="statusNote"
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={500}
            />
            <ProblemAlert error={change.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTo(null)}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={change.isPending}>
                {t("candidates.status.submit")}
              </Button>
            </Group>
          </AppForm>
        )}
      </AppModal>
    </>
  );
}
