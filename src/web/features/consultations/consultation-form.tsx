import { Autocomplete, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Consultation, ConsultationCreate } from "../../../features/consultations/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { DateField, isIsoDay } from "../../ui/date-field";
import { addDays, todayIso } from "../../ui/days";
import { useFormChecks } from "../../ui/form-checks";
import { ProblemAlert } from "../../ui/problem-alert";
import { fieldErrorsByPath } from "../candidates/api";
import { candidateLanguages } from "../candidates/constants";
import { notify } from "../candidates/notify";
import { useRefreshConsultations } from "./api";
import { channels, consultationKinds, followUpAfterDays, topics } from "./constants";
import { ReferralFields, type ReferralValues, referralMessages } from "./referral-fields";

let nextKey = 0;
const newReferral = (date: string): ReferralValues => ({
  key: nextKey++,
  partnerType: null,
  partnerName: "",
  reason: "",
  followUpOn: isIsoDay(date) ? addDays(date, followUpAfterDays) : "",
});

/** "Beratung erfassen": what was discussed, with whom, what is next; a Verweisberatung with its referrals. */
export function ConsultationForm({ candidateId, onDone }: { candidateId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshConsultations();
  const [v, setV] = useState({
    kind: "first",
    date: todayIso(),
    durationMinutes: "" as string | number,
    channel: "in_person",
    language: "",
    interpreter: false,
    topics: [] as string[],
    notes: "",
    outcome: "",
    nextStep: "",
    nextStepDue: "",
  });
  const [referrals, setReferrals] = useState<ReferralValues[]>([]);
  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) => setV((o) => ({ ...o, [key]: value }));
  const isReferral = v.kind === "referral";
  const duration = String(v.durationMinutes).trim();
  const checks = useFormChecks({
    date: !v.date
      ? t("consultations.form.dateRequired")
      : !isIsoDay(v.date)
        ? t("consultations.form.dateFormat")
        : v.date > todayIso()
          ? t("consultations.form.dateFuture")
          : undefined,
    durationMinutes:
      duration && !(/^\d+$/.test(duration) && Number(duration) >= 1 && Number(duration) <= 600)
        ? t("consultations.form.durationRange")
        : undefined,
    nextStep: !v.nextStep.trim() && v.nextStepDue ? t("consultations.form.nextStepMissing") : undefined,
    nextStepDue:
      v.nextStepDue && !isIsoDay(v.nextStepDue)
        ? t("consultations.form.dateFormat")
        : v.nextStep.trim() && !v.nextStepDue
          ? t("consultations.form.dueMissing")
          : undefined,
    ...(isReferral ? referralMessages(referrals, v.date, t) : {}),
  });
  const save = useMutation({
    mutationFn: (input: ConsultationCreate) => api<Consultation>("POST", "/api/v1/consultations", input),
    onSuccess: async () => {
      notify(t("consultations.saved"));
      await refresh();
      onDone();
    },
  });
  const serverErrors = fieldErrorsByPath(save.error);
  const errorOf = (name: string) => checks.errorOf(name) ?? serverErrors[name];
  const text = (s: string) => s.trim() || null;
  const chooseKind = (kind: string) => {
    set("kind", kind);
    if (kind === "referral" && referrals.length === 0) setReferrals([newReferral(v.date)]);
  };
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    save.mutate({
      candidateId,
      kind: v.kind as ConsultationCreate["kind"],
      date: v.date,
      durationMinutes: duration ? Number(duration) : null,
      channel: v.channel as ConsultationCreate["channel"],
      language: text(v.language),
      interpreter: v.interpreter,
      topics: v.topics as ConsultationCreate["topics"],
      notes: text(v.notes),
      outcome: text(v.outcome),
      nextStep: text(v.nextStep),
      nextStepDue: v.nextStepDue || null,
      ...(isReferral
        ? {
            referrals: referrals.map((r) => ({
              partnerType: r.partnerType as NonNullable<ConsultationCreate["referrals"]>[number]["partnerType"],
              partnerName: r.partnerName.trim(),
              reason: text(r.reason),
              ...(r.followUpOn ? { followUpOn: r.followUpOn } : {}),
            })),
          }
        : {}),
    });
  };

  return (
    <AppForm onSubmit={submit} gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t("consultations.form.kind")}
          name="kind"
          required
          value={v.kind}
          onChange={(x) => chooseKind(x ?? "first")}
          data={consultationKinds.map((k) => ({ value: k, label: t(`consultations.kinds.${k}`) }))}
          allowDeselect={false}
          error={errorOf("kind")}
          comboboxProps={{ withinPortal: true }}
        />
        <DateField
          label={t("consultations.form.date")}
          name="date"
          required
          value={v.date}
          onChange={(x) => set("date", x)}
          onBlur={checks.onBlurOf("date")}
          error={errorOf("date")}
        />
        <NumberInput
          label={t("consultations.form.duration")}
          name="durationMinutes"
          value={v.durationMinutes}
          onChange={(x) => set("durationMinutes", x)}
          onBlur={checks.onBlurOf("durationMinutes")}
          error={errorOf("durationMinutes")}
          min={1}
          max={600}
          allowDecimal={false}
          allowNegative={false}
          hideControls
        />
        <Select
          label={t("consultations.form.channel")}
          name="channel"
          value={v.channel}
          onChange={(x) => set("channel", x ?? "in_person")}
          data={channels.map((c) => ({ value: c, label: t(`consultations.channels.${c}`) }))}
          allowDeselect={false}
          error={errorOf("channel")}
          comboboxProps={{ withinPortal: true }}
        />
        <Autocomplete
          label={t("consultations.form.language")}
          name="language"
          value={v.language}
          onChange={(x) => set("language", x)}
          data={candidateLanguages.map((l) => t(`candidates.languages.${l}`))}
          error={errorOf("language")}
          comboboxProps={{ withinPortal: true }}
        />
        <Checkbox
          label={t("consultations.form.interpreter")}
          checked={v.interpreter}
          onChange={(e) => set("interpreter", e.currentTarget.checked)}
          mt={{ base: 0, sm: 30 }}
        />
      </SimpleGrid>
      <Checkbox.Group label={t("consultations.form.topics")} value={v.topics} onChange={(x) => set("topics", x)} error={errorOf("topics")}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
          {topics.map((k) => (
            <Checkbox key={k} value={k} label={t(`consultations.topics.${k}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Textarea
        label={t("consultations.form.notes")}
        name="notes"
        value={v.notes}
        onChange={(e) => set("notes", e.currentTarget.value)}
        error={errorOf("notes")}
        autosize
        minRows={3}
      />
      <Textarea
        label={t("consultations.form.outcome")}
        name="outcome"
        value={v.outcome}
        onChange={(e) => set("outcome", e.currentTarget.value)}
        error={errorOf("outcome")}
        autosize
        minRows={1}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t("consultations.form.nextStep")}
          name="nextStep"
          value={v.nextStep}
          onChange={(e) => set("nextStep", e.currentTarget.value)}
          onBlur={checks.onBlurOf("nextStep")}
          error={errorOf("nextStep")}
        />
        <DateField
          label={t("consultations.form.nextStepDue")}
          name="nextStepDue"
          value={v.nextStepDue}
          onChange={(x) => set("nextStepDue", x)}
          onBlur={checks.onBlurOf("nextStepDue")}
          error={errorOf("nextStepDue")}
        />
      </SimpleGrid>
      {isReferral && (
        <ReferralFields
          referrals={referrals}
          onChange={setReferrals}
          onAdd={() => setReferrals((rs) => [...rs, newReferral(v.date)])}
          errorOf={errorOf}
          onBlurOf={checks.onBlurOf}
        />
      )}
      <ProblemAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t("consultations.form.submit")}
        </Button>
      </Group>
    </AppForm>
  );
}
