import { Button, Fieldset, Group, Text } from "@mantine/core";
import { type ReactNode, type SyntheticEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppForm } from "../../ui/app-form";
import { isIsoDay } from "../../ui/date-field";
import { todayIso } from "../../ui/days";
import { looksLikeEmail, useFormChecks } from "../../ui/form-checks";
import { ProblemAlert } from "../../ui/problem-alert";
import { usePostcode } from "../companies/postcode";
import { fieldErrorsByPath } from "./api";
import { LanguageFields, PersonFields, type SectionProps, SupportFields, WishesFields } from "./candidate-form-sections";
import type { CandidateValues } from "./candidate-values";
import { ResidenceFields, residenceMessages } from "./residence-fields";

function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={<Text fw={700}>{legend}</Text>} variant="default" p="sm" style={{ minWidth: 0 }}>
      {children}
    </Fieldset>
  );
}

/**
 * The data of a young person, for creating and editing, in the sections of the first conversation.
 * The residence section appears only where `withResidence` (the permitted roles, on creating). The
 * app's checks speak at the fields when one is left and on submit, the server's 422 messages, too.
 */
export function CandidateForm({
  initial,
  withResidence,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  onChange,
}: {
  initial: CandidateValues;
  withResidence: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (v: CandidateValues) => void;
  onCancel?: () => void;
  onChange?: (v: CandidateValues) => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<CandidateValues>(initial);
  const set: SectionProps["set"] = (key, value) => setV((old) => ({ ...old, [key]: value }));
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => onChangeRef.current?.(v), [v]);
  const postcode = usePostcode(v.postalCode.trim());
  const required = t("validation.required");
  const dateFormat = t("candidates.form.dateFormat");
  const optionalDay = (s: string) => (s && !isIsoDay(s) ? dateFormat : undefined);
  const km = v.maxCommuteKm.trim();
  const checks = useFormChecks({
    firstName: v.firstName.trim() ? undefined : required,
    lastName: v.lastName.trim() ? undefined : required,
    birthDate: !v.birthDate
      ? required
      : !isIsoDay(v.birthDate)
        ? dateFormat
        : v.birthDate > todayIso()
          ? t("candidates.form.birthFuture")
          : undefined,
    postalCode: !v.postalCode.trim()
      ? required
      : !/^\d{5}$/.test(v.postalCode.trim())
        ? t("candidates.form.postcodeDigits")
        : postcode.unknown
          ? t("candidates.form.postcodeUnknown")
          : undefined,
    phone: v.phone.trim() && !/^[+\d][\d\s/()-]*$/.test(v.phone.trim()) ? t("candidates.form.phoneChars") : undefined,
    email: v.email.trim() && !looksLikeEmail(v.email) ? t("validation.email") : undefined,
    germanLevelOn: optionalDay(v.germanLevelOn),
    maxCommuteKm: km && !(/^\d+$/.test(km) && Number(km) <= 300) ? t("candidates.form.km") : undefined,
    availableFrom: optionalDay(v.availableFrom),
    schoolObligationUntil: optionalDay(v.schoolObligationUntil),
    j1ExaminedOn: optionalDay(v.j1ExaminedOn),
    ...(withResidence ? residenceMessages(v.residence, t, "residence.") : {}),
  });
  const serverErrors = fieldErrorsByPath(error);
  const errorOf = (name: string) => checks.errorOf(name) ?? serverErrors[name];
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (checks.passes(e)) onSubmit(v);
  };
  const p: SectionProps = { v, set, errorOf, onBlurOf: checks.onBlurOf };

  return (
    <AppForm onSubmit={submit} gap="md">
      <Section legend={t("candidates.form.sections.person")}>
        <PersonFields {...p} />
      </Section>
      <Section legend={t("candidates.form.sections.language")}>
        <LanguageFields {...p} />
      </Section>
      <Section legend={t("candidates.form.sections.wishes")}>
        <WishesFields {...p} />
      </Section>
      <Section legend={t("candidates.form.sections.support")}>
        <SupportFields {...p} />
      </Section>
      {withResidence && (
        <Section legend={t("candidates.form.sections.residence")}>
          <Text size="sm" c="dimmed" mb="sm">
            {t("candidates.form.residenceNote")}
          </Text>
          <ResidenceFields
            value={v.residence}
            onChange={(r) => set("residence", r)}
            errorOf={errorOf}
            onBlurOf={checks.onBlurOf}
            namePrefix="residence."
          />
        </Section>
      )}
      <ProblemAlert error={error} />
      <Group justify="flex-end">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        )}
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </AppForm>
  );
}
