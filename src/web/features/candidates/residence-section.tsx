import { Badge, Button, Card, DataList, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Candidate, Residence, ResidenceInput } from "../../../features/candidates/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { CompanyLink } from "../../ui/company-link";
import { formatDay, todayIso } from "../../ui/days";
import { useFormChecks } from "../../ui/form-checks";
import { ProblemAlert } from "../../ui/problem-alert";
import { fieldErrorsByPath, useRefreshCandidates } from "./api";
import { hasHeldSince, isCompanyTied, residencePayloadOf, residenceValuesOf } from "./candidate-values";
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
 * The first day on which three calendar months since `iso` are complete (§ 188 BGB): the same day of
 * the month three months on, or the 1st after a month without that day (30 November → 1 March).
 */
function threeMonthsAfter(iso: string): string {
  const [y = 1970, m = 1, d = 1] = iso.split("-").map(Number);
  const last = new Date(Date.UTC(y, m + 3, 0)).getUTCDate();
  return new Date(d > last ? Date.UTC(y, m + 3, 1) : Date.UTC(y, m + 2, d)).toISOString().slice(0, 10);
}

/**
 * "Aufenthaltsstatus": only for permitted roles. Status, the ancillary provision on employment in plain
 * German, validity, safe country of origin and the responsible ABH, and the facts the matching flags:
 * since when the Duldung is held, identity and passport, the company a permit is tied to.
 */
export function ResidenceSection({ candidate }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const r = candidate.residence;
  const today = todayIso();
  const expired = r?.validUntil ? r.validUntil < today : false;
  const threeMonths = r?.heldSince ? threeMonthsAfter(r.heldSince) : null;
  const yesNo = (b: boolean) => (b ? t("candidates.yes") : t("candidates.no"));
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
              <DataList.ItemValue>{yesNo(r.safeCountryOfOrigin)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t("residence.immigrationOffice")}</DataList.ItemLabel>
              <DataList.ItemValue>{r.immigrationOffice ?? "–"}</DataList.ItemValue>
            </DataList.Item>
            {(hasHeldSince(r.status) || r.heldSince) && (
              <DataList.Item>
                <DataList.ItemLabel>{t("residence.heldSince")}</DataList.ItemLabel>
                <DataList.ItemValue>
                  {r.heldSince ? formatDay(r.heldSince, i18n.language) : "–"}
                  {threeMonths && threeMonths > today && (
                    <Badge ml="xs" size="sm" color="orange" variant="light" style={{ textTransform: "none" }}>
                      {t("residence.threeMonthsOn", { date: formatDay(threeMonths, i18n.language) })}
                    </Badge>
                  )}
                </DataList.ItemValue>
              </DataList.Item>
            )}
            {r.status !== "citizen" && (
              <>
                <DataList.Item>
                  <DataList.ItemLabel>{t("residence.identityClarified")}</DataList.ItemLabel>
                  <DataList.ItemValue>{yesNo(r.identityClarified)}</DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>{t("residence.hasPassport")}</DataList.ItemLabel>
                  <DataList.ItemValue>{yesNo(r.hasPassport)}</DataList.ItemValue>
                </DataList.Item>
              </>
            )}
            {(isCompanyTied(r.status) || r.tiedCompanyId) && (
              <DataList.Item>
                <DataList.ItemLabel>{t("residence.tiedCompany")}</DataList.ItemLabel>
                <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>
                  {r.tiedCompanyId ? (
                    <CompanyLink id={r.tiedCompanyId}>{r.tiedCompanyName ?? t("residence.tiedCompanyUnnamed")}</CompanyLink>
                  ) : (
                    "–"
                  )}
                </DataList.ItemValue>
              </DataList.Item>
            )}
          </DataList>
        </Stack>
      )}
      <AppModal opened={editing} onClose={() => setEditing(false)} title={r ? t("residence.edit") : t("residence.record")} size="lg">
        {editing && <ResidenceForm candidate={candidate} onDone={() => setEditing(false)} />}
      </AppModal>
    </Card>
  );
}
