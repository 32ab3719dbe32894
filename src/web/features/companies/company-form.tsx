import { Button, Group, Select, SimpleGrid, TagsInput, TextInput } from "@mantine/core";
import { type ReactNode, type SyntheticEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Company, CompanyCreate } from "../../../features/companies/schema";
import { AppForm } from "../../ui/app-form";
import { useFormChecks } from "../../ui/form-checks";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { chambers, mayTrainStates, sizeClasses } from "./constants";
import { PostcodePlace, usePostcode } from "./postcode";

export type CompanyValues = {
  name: string;
  legalForm: string;
  street: string;
  postalCode: string;
  city: string;
  sector: string;
  sizeClass: string | null;
  chamber: string | null;
  membershipNumber: string;
  migrantLed: string | null;
  mayTrain: string;
  trainerQualified: string | null;
  website: string;
  tags: string[];
};

const triState = (b: boolean | null | undefined) => (b === true ? "true" : b === false ? "false" : null);
const fromTriState = (s: string | null) => (s === "true" ? true : s === "false" ? false : null);

export function valuesOf(c?: Company): CompanyValues {
  return {
    name: c?.name ?? "",
    legalForm: c?.legalForm ?? "",
    street: c?.street ?? "",
    postalCode: c?.postalCode ?? "",
    city: c?.city ?? "",
    sector: c?.sector ?? "",
    sizeClass: c?.sizeClass ?? null,
    chamber: c?.chamber ?? null,
    membershipNumber: c?.membershipNumber ?? "",
    migrantLed: triState(c?.migrantLed),
    mayTrain: c?.mayTrain ?? "unknown",
    trainerQualified: triState(c?.trainerQualified),
    website: c?.website ?? "",
    tags: c?.tags ?? [],
  };
}

/** The values as the API takes them: empty text is "no value" (null). */
export function payloadOf(v: CompanyValues): CompanyCreate {
  const text = (s: string) => s.trim() || null;
  return {
    name: v.name.trim(),
    legalForm: text(v.legalForm),
    street: text(v.street),
    postalCode: v.postalCode.trim(),
    city: text(v.city),
    sector: text(v.sector),
    sizeClass: v.sizeClass as CompanyCreate["sizeClass"],
    chamber: v.chamber as CompanyCreate["chamber"],
    membershipNumber: text(v.membershipNumber),
    migrantLed: fromTriState(v.migrantLed),
    mayTrain: v.mayTrain as CompanyCreate["mayTrain"],
    trainerQualified: fromTriState(v.trainerQualified),
    website: text(v.website),
    tags: v.tags,
  };
}

/**
 * The company's data, for creating and editing. The postcode shows its place and district as soon as
 * it has five digits (marked when outside the region); the app's and the server's messages stand at
 * their fields. `onChange` sees every change (the create page keeps a draft and looks for duplicates).
 */
export function CompanyForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  onChange,
  beforeSubmit,
}: {
  initial: CompanyValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (v: CompanyValues) => void;
  onCancel?: () => void;
  onChange?: (v: CompanyValues) => void;
  /** Shown above the buttons (the duplicates the create page found). */
  beforeSubmit?: ReactNode;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<CompanyValues>(initial);
  const set = <K extends keyof CompanyValues>(key: K, value: CompanyValues[K]) => setV((old) => ({ ...old, [key]: value }));
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => onChangeRef.current?.(v), [v]);
  const postcode = usePostcode(v.postalCode.trim());
  const required = t("validation.required");
  const checks = useFormChecks({
    name: !v.name.trim() ? required : v.name.trim().length < 2 ? t("companies.form.nameShort") : undefined,
    postalCode: !v.postalCode.trim()
      ? required
      : !/^\d{5}$/.test(v.postalCode.trim())
        ? t("companies.form.postcodeDigits")
        : postcode.unknown
          ? t("companies.form.postcodeUnknown")
          : undefined,
    website: v.website.trim() && !/^https?:\/\/\S+$/i.test(v.website.trim()) ? t("companies.form.websiteScheme") : undefined,
  });
  const errors = fieldErrorsOf(error);
  const errorOf = (name: string) => checks.errorOf(name) ?? errors[name];
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (checks.passes(e)) onSubmit(v);
  };
  const text = (name: keyof CompanyValues, label: string, extra: { required?: boolean; placeholder?: string } = {}) => (
    <TextInput
      label={label}
      name={name}
      value={v[name] as string}
      onChange={(e) => set(name, e.currentTarget.value as never)}
      onBlur={checks.onBlurOf(name)}
      error={errorOf(name)}
      {...extra}
    />
  );
  const yesNo = [
    { value: "true", label: t("companies.filters.yes") },
    { value: "false", label: t("companies.filters.no") },
  ];

  return (
    <AppForm onSubmit={submit} gap="sm">
      {text("name", t("companies.form.name"), { required: true })}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {text("legalForm", t("companies.form.legalForm"))}
        {text("sector", t("companies.form.sector"))}
      </SimpleGrid>
      {text("street", t("companies.form.street"))}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t("companies.form.postalCode")}
          name="postalCode"
          value={v.postalCode}
          onChange={(e) => set("postalCode", e.currentTarget.value)}
          onBlur={checks.onBlurOf("postalCode")}
          error={errorOf("postalCode")}
          required
          inputMode="numeric"
          maxLength={5}
          autoComplete="postal-code"
        />
        {text("city", t("companies.form.city"), { placeholder: postcode.info?.primary.name })}
      </SimpleGrid>
      {postcode.info && <PostcodePlace info={postcode.info} />}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t("companies.form.sizeClass")}
          name="sizeClass"
          value={v.sizeClass}
          onChange={(x) => set("sizeClass", x)}
          data={sizeClasses.map((s) => ({ value: s, label: t(`companies.sizeClasses.${s}`) }))}
          clearable
          error={errors.sizeClass}
        />
        <Select
          label={t("companies.form.chamber")}
          name="chamber"
          value={v.chamber}
          onChange={(x) => set("chamber", x)}
          data={chambers.map((c) => ({ value: c, label: t(`companies.chambers.${c}`) }))}
          clearable
          error={errors.chamber}
        />
        {text("membershipNumber", t("companies.form.membershipNumber"))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t("companies.form.mayTrain")}
          name="mayTrain"
          value={v.mayTrain}
          onChange={(x) => set("mayTrain", x ?? "unknown")}
          data={mayTrainStates.map((m) => ({ value: m, label: t(`companies.mayTrain.${m}`) }))}
          allowDeselect={false}
          error={errors.mayTrain}
        />
        <Select
          label={t("companies.form.trainerQualified")}
          name="trainerQualified"
          value={v.trainerQualified}
          onChange={(x) => set("trainerQualified", x)}
          data={yesNo}
          clearable
          placeholder={t("companies.form.unknown")}
        />
        <Select
          label={t("companies.form.migrantLed")}
          name="migrantLed"
          value={v.migrantLed}
          onChange={(x) => set("migrantLed", x)}
          data={yesNo}
          clearable
          placeholder={t("companies.form.unknown")}
        />
      </SimpleGrid>
      {text("website", t("companies.form.website"))}
      <TagsInput
        label={t("companies.form.tags")}
        description={t("companies.form.tagsHint")}
        name="tags"
        value={v.tags}
        onChange={(x) => set("tags", x)}
        error={errors.tags}
        clearable
      />
      <ProblemAlert error={error} />
      {beforeSubmit}
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
