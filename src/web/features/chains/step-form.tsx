import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChainStep, CheckField, LeadActor, StepInput } from "../../../features/chains/schema";
import { AppForm } from "../../ui/app-form";
import { DateField, isIsoDay } from "../../ui/date-field";
import { useFormChecks } from "../../ui/form-checks";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { offerKinds } from "../offers/constants";
import { leadActors, residenceStatuses } from "./constants";
import { type DeadlineDraft, DeadlineFields, deadlineProblem } from "./deadline-fields";

type Under18 = "any" | "under" | "adult";
const under18Of = (v: boolean | null): Under18 => (v === true ? "under" : v === false ? "adult" : "any");
const lines = (s: string) =>
  s
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
const orNull = (s: string) => s.trim() || null;

/**
 * One step of a draft: what happens, who leads, the district's organisation and contact, documents, legal
 * basis, deadline rules and when it applies. Fields still marked "zu prüfen" after a transfer can be ticked as
 * checked here; a changed organisation or contact counts as checked anyway (the server's rule).
 */
export function StepForm({
  step,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  step?: ChainStep;
  pending: boolean;
  error: unknown;
  onSubmit: (input: StepInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(step?.title ?? "");
  const [description, setDescription] = useState(step?.description ?? "");
  const [leadActor, setLeadActor] = useState<LeadActor>(step?.leadActor ?? "counsellor");
  const [supporting, setSupporting] = useState<string[]>(step?.supportingActors ?? []);
  const [organisation, setOrganisation] = useState(step?.organisationName ?? "");
  const [contact, setContact] = useState(step?.organisationContact ?? "");
  const [documents, setDocuments] = useState((step?.documents ?? []).join("\n"));
  const [legalBasis, setLegalBasis] = useState(step?.legalBasis ?? "");
  const [legalFrom, setLegalFrom] = useState(step?.legalValidFrom ?? "");
  const [legalTo, setLegalTo] = useState(step?.legalValidTo ?? "");
  const [duration, setDuration] = useState<number | string>(step?.typicalDurationDays ?? "");
  const [deadlines, setDeadlines] = useState<DeadlineDraft[]>(step?.deadlines.map((d) => ({ ...d })) ?? []);
  const [residence, setResidence] = useState<string[]>(step?.conditions.residenceStatuses ?? []);
  const [placeKinds, setPlaceKinds] = useState<string[]>(step?.conditions.placeKinds ?? []);
  const [under18, setUnder18] = useState<Under18>(under18Of(step?.conditions.under18 ?? null));
  const [candidateFacing, setCandidateFacing] = useState(step?.candidateFacing ?? false);
  const [local, setLocal] = useState(step?.local ?? false);
  const marks = step?.toCheck ?? [];
  const [checked, setChecked] = useState<CheckField[]>([]);

  const date = (v: string) => (!v || isIsoDay(v) ? undefined : t("chains.stepForm.dateFormat"));
  const messages: Record<string, string | undefined> = {
    title: title.trim() ? undefined : t("chains.stepForm.titleRequired"),
    typicalDurationDays:
      duration === "" || (typeof duration === "number" && Number.isInteger(duration) && duration >= 0 && duration <= 1500)
        ? undefined
        : t("chains.stepForm.durationRange"),
    legalValidFrom: date(legalFrom),
    legalValidTo: date(legalTo) ?? (legalFrom && legalTo && legalTo < legalFrom ? t("chains.stepForm.endBeforeStart") : undefined),
    documents: lines(documents).some((l) => l.length > 300) ? t("chains.stepForm.documentTooLong") : undefined,
  };
  deadlines.forEach((d, i) => {
    const problem = deadlineProblem(d, t);
    if (problem) messages[`deadline-${i}-${problem.field}`] = problem.message;
  });
  const checks = useFormChecks(messages);
  const errors = fieldErrorsOf(error);
  const errorOf = (name: string) => checks.errorOf(name) ?? errors[name];

  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    const organisationName = orNull(organisation);
    const organisationContact = orNull(contact);
    const changed = (f: CheckField) =>
      (f === "organisation" && organisationName !== (step?.organisationName ?? null)) ||
      (f === "contact" && organisationContact !== (step?.organisationContact ?? null));
    onSubmit({
      ...(step ? { id: step.id, code: step.code } : {}),
      title: title.trim(),
      description: orNull(description),
      leadActor,
      supportingActors: supporting as LeadActor[],
      organisationName,
      organisationContact,
      documents: lines(documents),
      legalBasis: orNull(legalBasis),
      legalValidFrom: legalFrom || null,
      legalValidTo: legalTo || null,
      typicalDurationDays: duration === "" ? null : Number(duration),
      deadlines: deadlines.map((d) => ({
        ...d,
        amount: Number(d.amount),
        stage: d.anchor === "match_stage" ? (d.stage ?? null) : null,
        label: d.label?.trim() || null,
      })),
      conditions: {
        residenceStatuses: residence.length ? (residence as NonNullable<ChainStep["conditions"]["residenceStatuses"]>) : null,
        placeKinds: placeKinds.length ? (placeKinds as NonNullable<ChainStep["conditions"]["placeKinds"]>) : null,
        under18: under18 === "any" ? null : under18 === "under",
      },
      local,
      candidateFacing,
      toCheck: marks.filter((f) => !checked.includes(f) && !changed(f)),
    });
  };
  const actorOptions = leadActors.map((a) => ({ value: a, label: t(`chains.actors.${a}`) }));

  return (
    <AppForm onSubmit={submit} gap="sm">
      {marks.length > 0 && (
        <Alert color="orange" variant="light" title={t("chains.stepForm.toCheckTitle")} role="group">
          <Stack gap={6}>
            {marks.map((f) => (
              <Checkbox
                key={f}
                label={t(`chains.stepForm.checkedField.${f}`)}
                checked={checked.includes(f)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setChecked((c) => (on ? [...c, f] : c.filter((x) => x !== f)));
                }}
              />
            ))}
          </Stack>
        </Alert>
      )}
      <TextInput
        label={t("chains.stepForm.title")}
        name="title"
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        onBlur={checks.onBlurOf("title")}
        maxLength={200}
        required
        error={errorOf("title")}
      />
      <Textarea
        label={t("chains.stepForm.description")}
        name="description"
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={4000}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t("chains.stepForm.leadActor")}
          name="leadActor"
          value={leadActor}
          onChange={(v) => v && setLeadActor(v as LeadActor)}
          data={actorOptions}
          allowDeselect={false}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label={t("chains.stepForm.supportingActors")}
          name="supportingActors"
          value={supporting}
          onChange={setSupporting}
          data={actorOptions.filter((o) => o.value !== leadActor)}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <TextInput
        label={t("chains.stepForm.organisation")}
        description={t("chains.stepForm.organisationHint")}
        name="organisationName"
        value={organisation}
        onChange={(e) => setOrganisation(e.currentTarget.value)}
        maxLength={200}
      />
      <Textarea
        label={t("chains.stepForm.contact")}
        description={t("chains.stepForm.contactHint")}
        name="organisationContact"
        value={contact}
        onChange={(e) => setContact(e.currentTarget.value)}
        autosize
        minRows={1}
        maxLength={500}
      />
      <Textarea
        label={t("chains.stepForm.documents")}
        description={t("chains.stepForm.documentsHint")}
        name="documents"
        value={documents}
        onChange={(e) => setDocuments(e.currentTarget.value)}
        onBlur={checks.onBlurOf("documents")}
        autosize
        minRows={2}
        error={errorOf("documents")}
      />
      <TextInput
        label={t("chains.stepForm.legalBasis")}
        name="legalBasis"
        value={legalBasis}
        onChange={(e) => setLegalBasis(e.currentTarget.value)}
        maxLength={300}
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <DateField
          label={t("chains.stepForm.legalValidFrom")}
          name="legalValidFrom"
          value={legalFrom}
          onChange={setLegalFrom}
          onBlur={checks.onBlurOf("legalValidFrom")}
          error={errorOf("legalValidFrom")}
        />
        <DateField
          label={t("chains.stepForm.legalValidTo")}
          name="legalValidTo"
          value={legalTo}
          onChange={setLegalTo}
          onBlur={checks.onBlurOf("legalValidTo")}
          error={errorOf("legalValidTo")}
        />
        <NumberInput
          label={t("chains.stepForm.duration")}
          name="typicalDurationDays"
          value={duration}
          onChange={setDuration}
          min={0}
          max={1500}
          allowDecimal={false}
          error={errorOf("typicalDurationDays")}
        />
      </SimpleGrid>
      <DeadlineFields value={deadlines} onChange={setDeadlines} errorOf={errorOf} />
      <Fieldset legend={t("chains.stepForm.conditions")} variant="filled">
        <Stack gap="sm">
          <MultiSelect
            label={t("chains.stepForm.residence")}
            description={t("chains.stepForm.anyHint")}
            value={residence}
            onChange={setResidence}
            data={residenceStatuses.map((s) => ({ value: s, label: t(`residence.statuses.${s}`) }))}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t("chains.stepForm.placeKinds")}
            description={t("chains.stepForm.anyHint")}
            value={placeKinds}
            onChange={setPlaceKinds}
            data={offerKinds.map((k) => ({ value: k, label: t(`offers.kinds.${k}`) }))}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t("chains.stepForm.age")}
            value={under18}
            onChange={(v) => v && setUnder18(v as Under18)}
            data={(["any", "under", "adult"] as const).map((v) => ({ value: v, label: t(`chains.stepForm.ages.${v}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </Stack>
      </Fieldset>
      <Checkbox
        label={t("chains.stepForm.candidateFacing")}
        checked={candidateFacing}
        onChange={(e) => setCandidateFacing(e.currentTarget.checked)}
      />
      <Checkbox label={t("chains.stepForm.local")} checked={local} onChange={(e) => setLocal(e.currentTarget.checked)} />
      <ProblemAlert error={error} />
      {errors.steps && (
        <Alert color="red" variant="light">
          {errors.steps}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={pending}>
          {t("common.save")}
        </Button>
      </Group>
    </AppForm>
  );
}
