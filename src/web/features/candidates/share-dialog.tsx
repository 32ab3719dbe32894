import { Autocomplete, Button, Group, SegmentedControl, Stack, Text, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Candidate } from "../../../features/candidates/schema";
import type { Consent, ShareInput } from "../../../features/privacy/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { useFormChecks } from "../../ui/form-checks";
import { ProblemAlert } from "../../ui/problem-alert";
import { CompanySelect } from "../offers/company-select";
import { useRefreshCandidates } from "./api";
import { notify } from "./notify";

/**
 * "Profil weitergeben": to a company or a partner. The server passes it on only when a valid consent
 * names that recipient; otherwise its German explanation (409) shows in the dialog.
 */
export function ShareDialog({
  candidate,
  consents,
  opened,
  onClose,
}: {
  candidate: Candidate;
  consents: Consent[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCandidates();
  const [to, setTo] = useState<"company" | "partner">("company");
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [partnerName, setPartnerName] = useState("");
  const [note, setNote] = useState("");
  // The partners the valid consents name, as suggestions (the name must match the consent).
  const partners = [
    ...new Set(consents.filter((c) => !c.withdrawnAt).flatMap((c) => c.recipients.filter((r) => r.kind === "partner").map((r) => r.name))),
  ];
  const checks = useFormChecks({
    companyId: to === "company" && !companyId ? t("consents.share.companyRequired") : undefined,
    partnerName: to === "partner" && partnerName.trim().length < 2 ? t("consultations.form.partnerNameRequired") : undefined,
  });
  const share = useMutation({
    mutationFn: (input: ShareInput) => api<{ recipient: string }>("POST", `/api/v1/candidates/${candidate.id}/shares`, input),
    onSuccess: async (s) => {
      notify(t("consents.share.done", { name: s.recipient }));
      await refresh();
      onClose();
    },
  });
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    const recipient = to === "company" && companyId ? { companyId } : { partnerName: partnerName.trim() };
    share.mutate({ recipient, note: note.trim() || null });
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={t("consents.share.title")} size="lg">
      <AppForm onSubmit={submit} gap="sm">
        <Text size="sm">{t("consents.share.intro")}</Text>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="share-to-label">
            {t("consents.share.to")}
          </Text>
          <SegmentedControl
            aria-labelledby="share-to-label"
            value={to}
            onChange={(x) => {
              setTo(x as "company" | "partner");
              share.reset();
            }}
            data={[
              { value: "company", label: t("consents.share.toCompany") },
              { value: "partner", label: t("consents.share.toPartner") },
            ]}
          />
        </Stack>
        {to === "company" ? (
          <CompanySelect
            label={t("consents.company")}
            name="companyId"
            required
            value={companyId}
            onChange={(id) => {
              setCompanyId(id);
              share.reset();
            }}
            error={checks.errorOf("companyId")}
          />
        ) : (
          <Autocomplete
            label={t("consents.partnerName")}
            name="partnerName"
            required
            value={partnerName}
            onChange={(x) => {
              setPartnerName(x);
              share.reset();
            }}
            data={partners}
            error={checks.errorOf("partnerName")}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Textarea label={t("consents.share.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} />
        <ProblemAlert error={share.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={share.isPending}>
            {t("consents.share.submit")}
          </Button>
        </Group>
      </AppForm>
    </AppModal>
  );
}
