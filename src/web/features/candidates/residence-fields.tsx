import { Checkbox, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import type { FocusEvent } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../ui/date-field";
import type { ResidenceValues } from "./candidate-values";
import { residenceStatuses, workPermissions } from "./constants";

/** The fields of the residence section (the create form and the residence tab alike). */
export function ResidenceFields({
  value,
  onChange,
  errorOf,
  onBlurOf,
  namePrefix = "",
}: {
  value: ResidenceValues;
  onChange: (next: ResidenceValues) => void;
  errorOf: (name: string) => string | undefined;
  onBlurOf: (name: string) => (e: FocusEvent<HTMLElement>) => void;
  /** "residence." inside the candidate form, so the names match the server's field paths. */
  namePrefix?: string;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ResidenceValues>(key: K, v: ResidenceValues[K]) => onChange({ ...value, [key]: v });
  const name = (n: string) => `${namePrefix}${n}`;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t("residence.status")}
          name={name("status")}
          value={value.status}
          onChange={(x) => set("status", x)}
          data={residenceStatuses.map((s) => ({ value: s, label: t(`residence.statuses.${s}`) }))}
          clearable
          error={errorOf(name("status"))}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t("residence.workPermission")}
          name={name("workPermission")}
          value={value.workPermission}
          onChange={(x) => set("workPermission", x)}
          data={workPermissions.map((w) => ({ value: w, label: t(`residence.workPermissions.${w}`) }))}
          clearable
          error={errorOf(name("workPermission"))}
          comboboxProps={{ withinPortal: true }}
        />
        <DateField
          label={t("residence.validUntil")}
          name={name("validUntil")}
          value={value.validUntil}
          onChange={(x) => set("validUntil", x)}
          onBlur={onBlurOf(name("validUntil"))}
          error={errorOf(name("validUntil"))}
        />
        <TextInput
          label={t("residence.immigrationOffice")}
          name={name("immigrationOffice")}
          value={value.immigrationOffice}
          onChange={(e) => set("immigrationOffice", e.currentTarget.value)}
          error={errorOf(name("immigrationOffice"))}
        />
      </SimpleGrid>
      <Checkbox
        label={t("residence.safeCountryOfOrigin")}
        checked={value.safeCountryOfOrigin}
        onChange={(e) => set("safeCountryOfOrigin", e.currentTarget.checked)}
      />
    </Stack>
  );
}

/** The residence checks: both choices together, a date where one is typed. */
export function residenceMessages(
  r: ResidenceValues,
  t: (key: string) => string,
  prefix = "",
  required = false,
): Record<string, string | undefined> {
  const touched = required || Boolean(r.status || r.workPermission || r.validUntil || r.immigrationOffice.trim() || r.safeCountryOfOrigin);
  return {
    [`${prefix}status`]: touched && !r.status ? t("residence.statusRequired") : undefined,
    [`${prefix}workPermission`]: touched && !r.workPermission ? t("residence.workPermissionRequired") : undefined,
    [`${prefix}validUntil`]: r.validUntil && !/^\d{4}-\d{2}-\d{2}$/.test(r.validUntil) ? t("candidates.form.dateFormat") : undefined,
  };
}
