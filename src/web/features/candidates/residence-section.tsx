import { Badge, Button, Card, DataList, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Candidate, Residence, ResidenceInput } from "../../../features/candidates/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { formatDay, todayIso } from "../../ui/days";
import { useFormChecks } from "../../ui/form-checks";
import { ProblemAlert } from "../../ui/problem-alert";
import { fieldErrorsByPath, useRefreshCandidates } from "./api";
import { residencePayloadOf, residenceValuesOf } from "./candidate-values";
import { notify } from "./notify";
import { ResidenceFields, residenceMessages } from "./residence-fields";

function ResidenceForm({ candidate, onDone }: { candidate: Candidate; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshCandidates();
  const [value, setValue] = useState(residenceValuesOf(candidate.residence));
  const checks = useFormChecks(residenceMessages(value, t, "", true));
  const save = useMutation({
    mutationFn: (input: ResidenceInput) => api<Residence>("PUT", `/api/v1/candidates/${candidate.id}/residence`, input),
    onSuccess: async () => {
      notify(t("residence.saved"));
      await refresh();
      onDone();
    },
  });
  const serverErrors = fieldErrorsByPath(save.error);
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    const payload = residencePayloadOf(value);
    if (checks.passes(e) && payload) save.mutate(payload);
  };
  return (
    <AppForm onSubmit={submit} gap="sm">
      <Text size="sm" c="dimmed">
        {t("residence.intro")}
      </Text>
      <ResidenceFields value={value} onChange={setValue} errorOf={(n) => checks.errorOf(n) ?? serverErrors[n]} onBlurOf={checks.onBlurOf} />
      <ProblemAlert error={save.error} />
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

/**
 * "Aufenthaltsstatus": only for permitted roles. Status, the ancillary provision on employment in plain
 * German, validity, safe country of origin and the responsible ABH; recorded and changed here.
 */
export function ResidenceSection({ candidate }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const r = candidate.residence;
  const expired = r?.validUntil ? r.validUntil < todayIso() : false;
  return (
    <Card withBorder component="section" aria-labelledby="residence-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="residence-heading">
          {t("residence.title")}
        </Title>
        <Button variant={r ? "default" : "filled"} size="xs" onClick={() => setEditing(true)}>
          {r ? t("residence.edit") : t("residence.record")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t("residence.intro")}
      </Text>
      {!r ? (
        <Text size="sm">{t("residence.none")}</Text>
      ) : (
        <Stack gap="xs">
          <DataList labelWidth="min(16rem, 45%)" size="sm" gap={6}>
            <DataList.Item>
              <DataList.ItemLabel>{t("residence.status")}</DataList.ItemLabel>
              <DataList.ItemValue>{t(`residence.statuses.${r.status}`)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t("residence.workPermission")}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Badge
                  variant="light"
                  color={r.workPermission === "allowed" ? "green" : r.workPermission === "needs_approval" ? "orange" : "red"}
                  style={{ textTransform: "none" }}
                >
                  {t(`residence.workPermissions.${r.workPermission}`)}
                </Badge>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t("residence.validUntil")}</DataList.ItemLabel>
              <DataList.ItemValue>
                {r.validUntil ? formatDay(r.validUntil, i18n.language) : "–"}
                {expired && (
                  <Badge ml="xs" size="sm" color="red" variant="filled">
                    {t("residence.expired")}
                  </Badge>
                )}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t("residence.safeCountryOfOrigin")}</DataList.ItemLabel>
              <DataList.ItemValue>{r.safeCountryOfOrigin ? t("candidates.yes") : t("candidates.no")}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t("residence.immigrationOffice")}</DataList.ItemLabel>
              <DataList.ItemValue>{r.immigrationOffice ?? "–"}</DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Stack>
      )}
      <AppModal opened={editing} onClose={() => setEditing(false)} title={r ? t("residence.edit") : t("residence.record")} size="lg">
        {editing && <ResidenceForm candidate={candidate} onDone={() => setEditing(false)} />}
      </AppModal>
    </Card>
  );
}
