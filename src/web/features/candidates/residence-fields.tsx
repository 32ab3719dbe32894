import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FocusEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Company } from "../../../features/companies/schema";
import { api } from "../../api/client";
import { DateField, isIsoDay } from "../../ui/date-field";
import { CompanySelect } from "../offers/company-select";
import { hasHeldSince, isCompanyTied, type ResidenceValues } from "./candidate-values";
import { residenceStatuses, workPermissions } from "./constants";

/**
 * The training company an Ausbildungsduldung or § 16g permit is tied to: the one chosen (with its
 * name) and a search among the companies of the person's districts to choose or change it.
 */
function TiedCompany({
  value,
  onChange,
  error,
  name,
}: {
  value: ResidenceValues;
  onChange: (id: string | null, companyName: string | null) => void;
  error: string | undefined;
  name: string;
}) {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const choose = async (id: string) => {
    const company = await api<Company>("GET", `/api/v1/companies/${id}`).catch(() => null);
    if (company) onChange(company.id, company.name);
    setRound((r) => r + 1);
  };
  const chosen = value.tiedCompanyId ? (value.tiedCompanyName ?? t("residence.tiedCompanyUnnamed")) : null;
  return (
    <Stack gap={4}>
      {chosen && (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {t("residence.tiedCompany")}: <strong>{chosen}</strong>
          </Text>
          <Button variant="subtle" size="compact-xs" color="red" onClick={() => onChange(null, null)}>
            {t("residence.tiedCompanyRemove")}
          </Button>
        </Group>
      )}
      <CompanySelect
        key={round}
        label={chosen ? t("residence.tiedCompanyChange") : t("residence.tiedCompany")}
        description={t("residence.tiedCompanyHint")}
        placeholder={t("residence.tiedCompanySearch")}
        name={name}
        value={null}
        onChange={(id) => {
          if (id) void choose(id);
        }}
        error={error}
      />
    </Stack>
  );
}

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
  const foreign = value.status !== null && value.status !== "citizen";
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
        {hasHeldSince(value.status) && (
          <DateField
            label={t("residence.heldSince")}
            description={t("residence.heldSinceHint")}
            name={name("heldSince")}
            value={value.heldSince}
            onChange={(x) => set("heldSince", x)}
            onBlur={onBlurOf(name("heldSince"))}
            error={errorOf(name("heldSince"))}
          />
        )}
      </SimpleGrid>
      <Checkbox
        label={t("residence.safeCountryOfOrigin")}
        checked={value.safeCountryOfOrigin}
        onChange={(e) => set("safeCountryOfOrigin", e.currentTarget.checked)}
      />
      {foreign && (
        <>
          <Checkbox
            label={t("residence.identityClarified")}
            description={t("residence.identityClarifiedHint")}
            checked={value.identityClarified}
            onChange={(e) => set("identityClarified", e.currentTarget.checked)}
          />
          <Checkbox
            label={t("residence.hasPassport")}
            description={t("residence.hasPassportHint")}
            checked={value.hasPassport}
            onChange={(e) => set("hasPassport", e.currentTarget.checked)}
          />
        </>
      )}
      {isCompanyTied(value.status) && (
        <TiedCompany
          value={value}
          name={name("tiedCompanyId")}
          error={errorOf(name("tiedCompanyId"))}
          onChange={(id, companyName) => onChange({ ...value, tiedCompanyId: id, tiedCompanyName: companyName })}
        />
      )}
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
  const touched =
    required ||
    Boolean(
      r.status ||
        r.workPermission ||
        r.validUntil ||
        r.immigrationOffice.trim() ||
        r.safeCountryOfOrigin ||
        r.heldSince ||
        r.identityClarified ||
        r.hasPassport,
    );
  const day = (s: string) => (s && !isIsoDay(s) ? t("candidates.form.dateFormat") : undefined);
  return {
    [`${prefix}status`]: touched && !r.status ? t("residence.statusRequired") : undefined,
    [`${prefix}workPermission`]: touched && !r.workPermission ? t("residence.workPermissionRequired") : undefined,
    [`${prefix}validUntil`]: day(r.validUntil),
    [`${prefix}heldSince`]: hasHeldSince(r.status) ? day(r.heldSince) : undefined,
  };
}
