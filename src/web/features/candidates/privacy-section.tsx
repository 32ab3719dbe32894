import { Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Candidate } from "../../../features/candidates/schema";
import type { EraseResult } from "../../../features/privacy/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { useFormChecks } from "../../ui/form-checks";
import { ProblemAlert } from "../../ui/problem-alert";
import { useRefreshCandidates } from "./api";
import { notify } from "./notify";

function EraseForm({ candidate, onCancel }: { candidate: Candidate; onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshCandidates();
  const name = `${candidate.firstName} ${candidate.lastName}`;
  const [typed, setTyped] = useState("");
  const checks = useFormChecks({ confirmName: typed.trim() === name ? undefined : t("candidates.privacy.nameMismatch") });
  const erase = useMutation({
    mutationFn: () => api<EraseResult>("POST", `/api/v1/candidates/${candidate.id}/erase`, { confirmName: typed.trim() }),
    onSuccess: async (r) => {
      notify(t("candidates.privacy.erased", r));
      await navigate({ to: "/jugendliche" });
      await refresh();
    },
  });
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (checks.passes(e)) erase.mutate();
  };
  return (
    <AppForm onSubmit={submit} gap="sm">
      <Text>{t("candidates.privacy.eraseConfirm", { name })}</Text>
      <TextInput
        label={t("candidates.privacy.confirmName")}
        name="confirmName"
        required
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        onBlur={checks.onBlurOf("confirmName")}
        error={checks.errorOf("confirmName")}
      />
      <ProblemAlert error={erase.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" color="red" loading={erase.isPending}>
          {t("candidates.privacy.eraseSubmit")}
        </Button>
      </Group>
    </AppForm>
  );
}

/** "Datenschutz" (administrators): the data access as JSON or PDF, and the erasure behind a typed name. */
export function PrivacySection({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  const [erasing, setErasing] = useState(false);
  const base = `/api/v1/candidates/${candidate.id}/data-export`;
  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="privacy-heading">
        <Title order={2} size="h4" id="privacy-heading" mb={4}>
          {t("candidates.privacy.title")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("candidates.privacy.intro")}
        </Text>
        <Group gap="xs">
          <Button component="a" href={`${base}?format=json`} download variant="default" size="xs">
            {t("candidates.privacy.exportJson")}
          </Button>
          <Button component="a" href={`${base}?format=pdf`} download variant="default" size="xs">
            {t("candidates.privacy.exportPdf")}
          </Button>
        </Group>
      </Card>
      <Card withBorder component="section" aria-labelledby="danger-heading" style={{ borderColor: "var(--mantine-color-red-6)" }}>
        <Title order={2} size="h4" id="danger-heading" mb={4} c="red.8">
          {t("candidates.privacy.danger")}
        </Title>
        <Text size="sm" mb="sm">
          {t("candidates.privacy.dangerIntro")}
        </Text>
        <Group>
          <Button color="red" variant="outline" size="xs" onClick={() => setErasing(true)}>
            {t("candidates.privacy.erase")}
          </Button>
        </Group>
      </Card>
      <AppModal opened={erasing} onClose={() => setErasing(false)} title={t("candidates.privacy.eraseTitle")}>
        {erasing && <EraseForm candidate={candidate} onCancel={() => setErasing(false)} />}
      </AppModal>
    </Stack>
  );
}
