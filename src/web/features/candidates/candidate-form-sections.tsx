import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import type { FocusEvent } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../ui/date-field";
import { PostcodePlace, usePostcode } from "../companies/postcode";
import type { CandidateValues } from "./candidate-values";
import {
  candidateLanguages,
  germanLevelSources,
  germanLevels,
  messengers,
  recognitionStates,
  schoolCertificates,
  supportNeeds,
} from "./constants";
import { OccupationWishes } from "./occupation-wishes";

export type SectionProps = {
  v: CandidateValues;
  set: <K extends keyof CandidateValues>(key: K, value: CandidateValues[K]) => void;
  errorOf: (name: string) => string | undefined;
  onBlurOf: (name: string) => (e: FocusEvent<HTMLElement>) => void;
};

function TextField({
  name,
  label,
  p,
  ...extra
}: { name: keyof CandidateValues; label: string; p: SectionProps } & Record<string, unknown>) {
  return (
    <TextInput
      label={label}
      name={name}
      value={p.v[name] as string}
      onChange={(e) => p.set(name, e.currentTarget.value as never)}
      onBlur={p.onBlurOf(name)}
      error={p.errorOf(name)}
      {...extra}
    />
  );
}

export function PersonFields(p: SectionProps) {
  const { t } = useTranslation();
  const { v, set, errorOf, onBlurOf } = p;
  const postcode = usePostcode(v.postalCode.trim());
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextField name="firstName" label={t("candidates.form.firstName")} p={p} required autoComplete="off" />
        <TextField name="lastName" label={t("candidates.form.lastName")} p={p} required autoComplete="off" />
        <DateField
          label={t("candidates.form.birthDate")}
          name="birthDate"
          value={v.birthDate}
          onChange={(x) => set("birthDate", x)}
          onBlur={onBlurOf("birthDate")}
          error={errorOf("birthDate")}
          required
        />
        <TextField name="postalCode" label={t("candidates.form.postalCode")} p={p} required inputMode="numeric" maxLength={5} />
      </SimpleGrid>
      {postcode.info && <PostcodePlace info={postcode.info} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextField name="phone" label={t("candidates.form.phone")} p={p} type="tel" />
        <TextField name="email" label={t("candidates.form.email")} p={p} type="email" />
        <Select
          label={t("candidates.form.messenger")}
          name="messenger"
          value={v.messenger}
          onChange={(x) => set("messenger", x)}
          data={messengers.map((m) => ({ value: m, label: t(`candidates.messengers.${m}`) }))}
          clearable
          error={errorOf("messenger")}
        />
        <Select
          label={t("candidates.form.preferredLanguage")}
          name="preferredLanguage"
          value={v.preferredLanguage}
          onChange={(x) => set("preferredLanguage", x ?? "de")}
          data={candidateLanguages.map((l) => ({ value: l, label: t(`candidates.languages.${l}`) }))}
          allowDeselect={false}
          error={errorOf("preferredLanguage")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField
          label={t("candidates.form.j1ExaminedOn")}
          description={t("candidates.form.j1ExaminedOnHint")}
          name="j1ExaminedOn"
          value={v.j1ExaminedOn}
          onChange={(x) => set("j1ExaminedOn", x)}
          onBlur={onBlurOf("j1ExaminedOn")}
          error={errorOf("j1ExaminedOn")}
        />
      </SimpleGrid>
    </Stack>
  );
}

export function LanguageFields(p: SectionProps) {
  const { t } = useTranslation();
  const { v, set, errorOf, onBlurOf } = p;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t("candidates.form.germanLevel")}
          name="germanLevel"
          value={v.germanLevel}
          onChange={(x) => set("germanLevel", x)}
          data={germanLevels.map((l) => ({ value: l, label: l }))}
          clearable
          error={errorOf("germanLevel")}
        />
        <DateField
          label={t("candidates.form.germanLevelOn")}
          name="germanLevelOn"
          value={v.germanLevelOn}
          onChange={(x) => set("germanLevelOn", x)}
          onBlur={onBlurOf("germanLevelOn")}
          error={errorOf("germanLevelOn")}
          disabled={!v.germanLevel}
        />
        <Select
          label={t("candidates.form.germanLevelSource")}
          name="germanLevelSource"
          value={v.germanLevelSource}
          onChange={(x) => set("germanLevelSource", x)}
          data={germanLevelSources.map((s) => ({ value: s, label: t(`candidates.levelSources.${s}`) }))}
          clearable
          disabled={!v.germanLevel}
          error={errorOf("germanLevelSource")}
        />
      </SimpleGrid>
      <TagsInput
        label={t("candidates.form.otherLanguages")}
        description={t("candidates.form.otherLanguagesHint")}
        name="otherLanguages"
        value={v.otherLanguages}
        onChange={(x) => set("otherLanguages", x)}
        error={errorOf("otherLanguages")}
        maxTags={10}
        clearable
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t("candidates.form.schoolCertificate")}
          name="schoolCertificate"
          value={v.schoolCertificate}
          onChange={(x) => set("schoolCertificate", x)}
          data={schoolCertificates.map((s) => ({ value: s, label: t(`candidates.schoolCertificates.${s}`) }))}
          clearable
          error={errorOf("schoolCertificate")}
        />
        <TextField name="schoolCountry" label={t("candidates.form.schoolCountry")} p={p} />
        <Select
          label={t("candidates.form.schoolRecognition")}
          name="schoolRecognition"
          value={v.schoolRecognition}
          onChange={(x) => set("schoolRecognition", x ?? "none")}
          data={recognitionStates.map((s) => ({ value: s, label: t(`candidates.recognition.${s}`) }))}
          allowDeselect={false}
          error={errorOf("schoolRecognition")}
        />
        <DateField
          label={t("candidates.form.schoolObligationUntil")}
          description={t("candidates.form.schoolObligationUntilHint")}
          name="schoolObligationUntil"
          value={v.schoolObligationUntil}
          onChange={(x) => set("schoolObligationUntil", x)}
          onBlur={onBlurOf("schoolObligationUntil")}
          error={errorOf("schoolObligationUntil")}
        />
      </SimpleGrid>
    </Stack>
  );
}

export function WishesFields(p: SectionProps) {
  const { t } = useTranslation();
  const { v, set, errorOf, onBlurOf } = p;
  return (
    <Stack gap="sm">
      <OccupationWishes value={v.occupations} onChange={(x) => set("occupations", x)} error={errorOf("desiredOccupationIds")} />
      <Checkbox
        label={t("candidates.form.openToRelatedFields")}
        checked={v.openToRelatedFields}
        onChange={(e) => set("openToRelatedFields", e.currentTarget.checked)}
      />
      <Group gap="lg">
        <Checkbox
          label={t("candidates.form.hasDrivingLicence")}
          checked={v.hasDrivingLicence}
          onChange={(e) => set("hasDrivingLicence", e.currentTarget.checked)}
        />
        <Checkbox label={t("candidates.form.hasCar")} checked={v.hasCar} onChange={(e) => set("hasCar", e.currentTarget.checked)} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          label={t("candidates.form.maxCommuteKm")}
          name="maxCommuteKm"
          value={v.maxCommuteKm}
          onChange={(x) => set("maxCommuteKm", String(x))}
          onBlur={onBlurOf("maxCommuteKm")}
          error={errorOf("maxCommuteKm")}
          min={0}
          max={300}
          allowDecimal={false}
          allowNegative={false}
          hideControls
        />
        <DateField
          label={t("candidates.form.availableFrom")}
          name="availableFrom"
          value={v.availableFrom}
          onChange={(x) => set("availableFrom", x)}
          onBlur={onBlurOf("availableFrom")}
          error={errorOf("availableFrom")}
        />
      </SimpleGrid>
    </Stack>
  );
}

export function SupportFields(p: SectionProps) {
  const { t } = useTranslation();
  const { v, set, errorOf } = p;
  return (
    <Stack gap="sm">
      <Checkbox.Group
        label={t("candidates.form.supportNeeds")}
        value={v.supportNeeds}
        onChange={(x) => set("supportNeeds", x)}
        error={errorOf("supportNeeds")}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
          {supportNeeds.map((s) => (
            <Checkbox key={s} value={s} label={t(`candidates.supportNeeds.${s}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Textarea
        label={t("candidates.form.supportNote")}
        name="supportNote"
        value={v.supportNote}
        onChange={(e) => set("supportNote", e.currentTarget.value)}
        error={errorOf("supportNote")}
        autosize
        minRows={2}
      />
    </Stack>
  );
}
