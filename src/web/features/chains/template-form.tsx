import { Button, Group, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Template, TemplateUpdate } from "../../../features/chains/schema";
import { AppForm } from "../../ui/app-form";
import { DateField, isIsoDay } from "../../ui/date-field";
import { useFormChecks } from "../../ui/form-checks";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";

/** A draft's own data: name, validity and a note (its steps are edited one by one on the page). */
export function TemplateForm({
  template,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  template: Template;
  pending: boolean;
  error: unknown;
  onSubmit: (patch: TemplateUpdate) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(template.name);
  const [validFrom, setValidFrom] = useState(template.validFrom);
  const [validTo, setValidTo] = useState(template.validTo ?? "");
  const [note, setNote] = useState(template.note ?? "");
  const checks = useFormChecks({
    name: name.trim() ? undefined : t("chains.templateForm.nameRequired"),
    validFrom: !validFrom ? t("chains.templateForm.validFromRequired") : isIsoDay(validFrom) ? undefined : t("chains.stepForm.dateFormat"),
    validTo: !validTo
      ? undefined
      : !isIsoDay(validTo)
        ? t("chains.stepForm.dateFormat")
        : validTo < validFrom
          ? t("chains.stepForm.endBeforeStart")
          : undefined,
  });
  const errors = fieldErrorsOf(error);
  const errorOf = (n: string) => checks.errorOf(n) ?? errors[n];
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    onSubmit({ name: name.trim(), validFrom, validTo: validTo || null, note: note.trim() || null });
  };
  return (
    <AppForm onSubmit={submit} gap="sm">
      <TextInput
        label={t("chains.templateForm.name")}
        name="name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onBlur={checks.onBlurOf("name")}
        maxLength={200}
        required
        error={errorOf("name")}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <DateField
          label={t("chains.templateForm.validFrom")}
          name="validFrom"
          value={validFrom}
          onChange={setValidFrom}
          onBlur={checks.onBlurOf("validFrom")}
          required
          error={errorOf("validFrom")}
        />
        <DateField
          label={t("chains.templateForm.validTo")}
          name="validTo"
          value={validTo}
          onChange={setValidTo}
          onBlur={checks.onBlurOf("validTo")}
          error={errorOf("validTo")}
        />
      </SimpleGrid>
      <Textarea
        label={t("chains.templateForm.note")}
        name="note"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <ProblemAlert error={error} />
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
