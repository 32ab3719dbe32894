import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import type { FocusEvent } from "react";
import { useTranslation } from "react-i18next";
import { DateField, isIsoDay } from "../../ui/date-field";
import { partnerTypes } from "./constants";

export type ReferralValues = { key: number; partnerType: string | null; partnerName: string; reason: string; followUpOn: string };

type Props = {
  referrals: ReferralValues[];
  onChange: (next: ReferralValues[]) => void;
  onAdd: () => void;
  errorOf: (name: string) => string | undefined;
  onBlurOf: (name: string) => (e: FocusEvent<HTMLElement>) => void;
};

/** The referrals of a Verweisberatung: one or more places the young person was sent to, each followed up on a day. */
export function ReferralFields({ referrals, onChange, onAdd, errorOf, onBlurOf }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<ReferralValues>) => onChange(referrals.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="sm">
      <div>
        <Text fw={700} size="sm">
          {t("consultations.form.referrals")}
        </Text>
        <Text size="xs" c="dimmed">
          {t("consultations.form.referralsHint")}
        </Text>
      </div>
      {referrals.map((r, i) => {
        const name = (field: string) => `referrals.${i}.${field}`;
        return (
          <Fieldset key={r.key} legend={t("consultations.form.referralN", { n: i + 1 })} p="sm" style={{ minWidth: 0 }}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t("consultations.form.partnerType")}
                  name={name("partnerType")}
                  required
                  value={r.partnerType}
                  onChange={(x) => set(i, { partnerType: x })}
                  data={partnerTypes.map((p) => ({ value: p, label: t(`consultations.partnerTypes.${p}`) }))}
                  searchable
                  error={errorOf(name("partnerType"))}
                  comboboxProps={{ withinPortal: true }}
                />
                <TextInput
                  label={t("consultations.form.partnerName")}
                  name={name("partnerName")}
                  required
                  value={r.partnerName}
                  onChange={(e) => set(i, { partnerName: e.currentTarget.value })}
                  onBlur={onBlurOf(name("partnerName"))}
                  error={errorOf(name("partnerName"))}
                />
              </SimpleGrid>
              <Textarea
                label={t("consultations.form.reason")}
                name={name("reason")}
                value={r.reason}
                onChange={(e) => set(i, { reason: e.currentTarget.value })}
                error={errorOf(name("reason"))}
                autosize
                minRows={1}
              />
              <Group justify="space-between" align="flex-end" gap="sm">
                <DateField
                  label={t("consultations.form.followUpOn")}
                  name={name("followUpOn")}
                  value={r.followUpOn}
                  onChange={(x) => set(i, { followUpOn: x })}
                  onBlur={onBlurOf(name("followUpOn"))}
                  error={errorOf(name("followUpOn"))}
                  style={{ flex: "1 1 12rem" }}
                />
                {referrals.length > 1 && (
                  <Button variant="subtle" color="red" size="xs" onClick={() => onChange(referrals.filter((_, j) => j !== i))}>
                    {t("consultations.form.removeReferral", { n: i + 1 })}
                  </Button>
                )}
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="light" size="xs" onClick={onAdd}>
          {t("consultations.form.addReferral")}
        </Button>
      </Group>
    </Stack>
  );
}

/** The checks of each referral, under the server's field paths ("referrals.0.partnerName"). */
export function referralMessages(referrals: ReferralValues[], date: string, t: (key: string) => string) {
  const out: Record<string, string | undefined> = {};
  referrals.forEach((r, i) => {
    out[`referrals.${i}.partnerType`] = r.partnerType ? undefined : t("consultations.form.partnerTypeRequired");
    out[`referrals.${i}.partnerName`] = r.partnerName.trim().length < 2 ? t("consultations.form.partnerNameRequired") : undefined;
    out[`referrals.${i}.followUpOn`] = !r.followUpOn
      ? undefined
      : !isIsoDay(r.followUpOn)
        ? t("consultations.form.dateFormat")
        : isIsoDay(date) && r.followUpOn < date
          ? t("consultations.form.followUpBefore")
          : undefined;
  });
  return out;
}
