import { ActionIcon, Button, Checkbox, Group, Input, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Candidate } from "../../../features/candidates/schema";
import type { Company } from "../../../features/companies/schema";
import type { Consent, ConsentInput } from "../../../features/privacy/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { DateField, isIsoDay } from "../../ui/date-field";
import { todayIso } from "../../ui/days";
import { useFormChecks } from "../../ui/form-checks";
import { ProblemAlert } from "../../ui/problem-alert";
import { partnerTypes } from "../consultations/constants";
import { CompanySelect } from "../offers/company-select";
import { fieldErrorsByPath, useRefreshCandidates } from "./api";
import { candidateLanguages, consentForms, consentGivers, consentPurposes } from "./constants";
import { notify } from "./notify";

type Recipient =
  | { kind: "company"; companyId: string; name: string }
  | { kind: "partner"; partnerName: string; partnerType: string | null };
const nameOf = (r: Recipient) => (r.kind === "company" ? r.name : r.partnerName);

/**
 * "Einwilligung erfassen": the purposes ticked on the signed form and every recipient by name –
 * companies of Lotse for "Weitergabe an Betriebe", partner organisations for "Weitergabe an Partner".
 */
export function ConsentForm({ candidate, onDone }: { candidate: Candidate; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshCandidates();
  const [purposes, setPurposes] = useState<string[]>([]);
  const [recipients, setRecipients] = useState<Recipient[]>([]);
  const [companyRound, setCompanyRound] = useState(0);
  const [partner, setPartner] = useState({ name: "", type: null as string | null });
  const [meta, setMeta] = useState({
    givenAt: todayIso(),
    form: "paper",
    givenBy: "self",
    language: candidate.preferredLanguage,
    note: "",
  });
  const toCompanies = purposes.includes("share_with_company");
  const toPartners = purposes.includes("share_with_partner");
  const used = recipients.filter((r) => (r.kind === "company" ? toCompanies : toPartners));
  const checks = useFormChecks({
    purposes: purposes.length === 0 ? t("consents.purposesRequired") : undefined,
    recipients:
      (toCompanies && !used.some((r) => r.kind === "company")) || (toPartners && !used.some((r) => r.kind === "partner"))
        ? t("consents.recipientMissing")
        : undefined,
    givenAt: !meta.givenAt || !isIsoDay(meta.givenAt) ? t("candidates.form.dateFormat") : undefined,
  });
  const save = useMutation({
    mutationFn: (input: ConsentInput) => api<Consent>("POST", `/api/v1/candidates/${candidate.id}/consents`, input),
    onSuccess: async () => {
      notify(t("consents.saved"));
      await refresh();
      onDone();
    },
  });
  const serverErrors = fieldErrorsByPath(save.error);
  const errorOf = (name: string) => checks.errorOf(name) ?? serverErrors[name];
  const add = (r: Recipient) => setRecipients((rs) => (rs.some((x) => nameOf(x) === nameOf(r)) ? rs : [...rs, r]));
  // The select knows only the id: the name comes from the company itself, then the field is empty again.
  const addCompany = async (id: string) => {
    const c = await api<Company>("GET", `/api/v1/companies/${id}`).catch(() => null);
    if (c) add({ kind: "company", companyId: c.id, name: c.name });
    setCompanyRound((r) => r + 1);
  };
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    save.mutate({
      purposes: purposes as ConsentInput["purposes"],
      recipients: used.map((r) =>
        r.kind === "company" ? { companyId: r.companyId } : { partnerName: r.partnerName, partnerType: r.partnerType },
      ),
      givenAt: meta.givenAt,
      form: meta.form as ConsentInput["form"],
      givenBy: meta.givenBy as ConsentInput["givenBy"],
      language: meta.language as ConsentInput["language"],
      note: meta.note.trim() || null,
    });
  };

  return (
    <AppForm onSubmit={submit} gap="sm">
      <Checkbox.Group label={t("consents.purposesLabel")} required value={purposes} onChange={setPurposes} error={errorOf("purposes")}>
        <Stack gap={6} mt={6}>
          {consentPurposes.map((p) => (
            <Checkbox key={p} value={p} label={t(`consents.purposes.${p}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      {(toCompanies || toPartners) && (
        <Input.Wrapper label={t("consents.recipients")} description={t("consents.recipientsHint")} error={errorOf("recipients")}>
          <Stack gap="xs" mt={6}>
            {used.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("consents.noRecipients")}
              </Text>
            ) : (
              <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
                {used.map((r) => (
                  <Group component="li" key={nameOf(r)} gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {nameOf(r)}
                      {r.kind === "partner" && r.partnerType ? ` (${t(`consultations.partnerTypes.${r.partnerType}`)})` : ""}
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => setRecipients((rs) => rs.filter((x) => nameOf(x) !== nameOf(r)))}
                      aria-label={t("consents.removeRecipient", { name: nameOf(r) })}
                    >
                      <span aria-hidden="true">×</span>
                    </ActionIcon>
                  </Group>
                ))}
              </Stack>
            )}
            {toCompanies && (
              <CompanySelect
                key={companyRound}
                label={t("consents.addCompany")}
                placeholder={t("consents.company")}
                value={null}
                onChange={(id) => {
                  if (id) void addCompany(id);
                }}
              />
            )}
            {toPartners && (
              <Group gap="xs" align="flex-end">
                <TextInput
                  label={t("consents.partnerName")}
                  value={partner.name}
                  onChange={(e) => setPartner((p) => ({ ...p, name: e.currentTarget.value }))}
                  style={{ flex: "1 1 12rem" }}
                />
                <Select
                  label={t("consents.partnerType")}
                  value={partner.type}
                  onChange={(x) => setPartner((p) => ({ ...p, type: x }))}
                  data={partnerTypes.map((p) => ({ value: p, label: t(`consultations.partnerTypes.${p}`) }))}
                  clearable
                  searchable
                  style={{ flex: "1 1 12rem" }}
                  comboboxProps={{ withinPortal: true }}
                />
                <Button
                  variant="light"
                  disabled={partner.name.trim().length < 2}
                  onClick={() => {
                    add({ kind: "partner", partnerName: partner.name.trim(), partnerType: partner.type });
                    setPartner({ name: "", type: null });
                  }}
                >
                  {t("consents.addPartner")}
                </Button>
              </Group>
            )}
          </Stack>
        </Input.Wrapper>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField
          label={t("consents.givenAt")}
          name="givenAt"
          required
          value={meta.givenAt}
          onChange={(x) => setMeta((m) => ({ ...m, givenAt: x }))}
          onBlur={checks.onBlurOf("givenAt")}
          error={errorOf("givenAt")}
        />
        <Select
          label={t("consents.language")}
          value={meta.language}
          onChange={(x) => setMeta((m) => ({ ...m, language: (x ?? "de") as typeof m.language }))}
          data={candidateLanguages.map((l) => ({ value: l, label: t(`candidates.languages.${l}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t("consents.formLabel")}
          value={meta.form}
          onChange={(x) => setMeta((m) => ({ ...m, form: x ?? "paper" }))}
          data={consentForms.map((f) => ({ value: f, label: t(`consents.forms.${f}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t("consents.givenByLabel")}
          value={meta.givenBy}
          onChange={(x) => setMeta((m) => ({ ...m, givenBy: x ?? "self" }))}
          data={consentGivers.map((g) => ({ value: g, label: t(`consents.givenBy.${g}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <Textarea
        label={t("consents.note")}
        value={meta.note}
        onChange={(e) => setMeta((m) => ({ ...m, note: e.currentTarget.value }))}
        autosize
        minRows={1}
      />
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t("consents.submit")}
        </Button>
      </Group>
    </AppForm>
  );
}
