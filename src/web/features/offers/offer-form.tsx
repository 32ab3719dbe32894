import { Button, Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Contact } from "../../../features/companies/schema";
import type { Offer, OfferCreate } from "../../../features/offers/schema";
import { api } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { DateField, isIsoDay } from "../../ui/date-field";
import { useFormChecks } from "../../ui/form-checks";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { CompanySelect } from "./company-select";
import { germanLevels, offerKinds, offerStatuses, schoolCertificates } from "./constants";
import { OccupationSelect } from "./occupation-select";

/**
 * A training place, EQ place or internship: created for a company (chosen here, or given by the company
 * page) or changed. The EQ length is checked by the server against the rule valid on the start date
 * (4–12 months since 01.04.2024); its message stands at the field.
 */
export function OfferForm({
  offer,
  companyId: fixedCompany,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  offer?: Offer;
  companyId?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (v: OfferCreate) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [companyId, setCompanyId] = useState<string | null>(offer?.companyId ?? fixedCompany ?? null);
  const [kind, setKind] = useState<string>(offer?.kind ?? "training");
  const [occupationId, setOccupationId] = useState<string | null>(offer?.occupationId ?? null);
  const [title, setTitle] = useState(offer?.title ?? "");
  const [places, setPlaces] = useState<number | string>(offer?.places ?? 1);
  const [startDate, setStartDate] = useState(offer?.startDate ?? "");
  const [eqMonths, setEqMonths] = useState<number | string>(offer?.eqMonths ?? "");
  const [postalCode, setPostalCode] = useState(offer?.postalCode ?? "");
  const [status, setStatus] = useState<string>(offer?.status ?? "open");
  const [minSchool, setMinSchool] = useState<string | null>(offer?.requirements.minSchoolCertificate ?? null);
  const [minGerman, setMinGerman] = useState<string | null>(offer?.requirements.minGermanLevel ?? null);
  const [drivingLicence, setDrivingLicence] = useState(offer?.requirements.drivingLicence ?? false);
  const [note, setNote] = useState(offer?.requirements.note ?? "");
  const [description, setDescription] = useState(offer?.description ?? "");
  const [contactId, setContactId] = useState<string | null>(offer?.contactId ?? null);
  const contacts = useQuery({
    queryKey: ["companies", "detail", companyId ?? "", "contacts"],
    queryFn: () => api<{ items: Contact[] }>("GET", `/api/v1/companies/${companyId}/contacts`),
    enabled: Boolean(companyId),
  });
  const eq = kind === "entry_qualification";
  const required = t("validation.required");
  const whole = (n: number | string, min: number, max: number) => typeof n === "number" && Number.isInteger(n) && n >= min && n <= max;
  const checks = useFormChecks({
    companyId: companyId ? undefined : t("offers.form.companyRequired"),
    occupationId: occupationId ? undefined : t("offers.form.occupationRequired"),
    places: places === "" ? required : whole(places, 1, 500) ? undefined : t("offers.form.placesRange"),
    startDate: !startDate ? t("offers.form.startRequired") : isIsoDay(startDate) ? undefined : t("offers.form.dateFormat"),
    eqMonths: !eq
      ? undefined
      : eqMonths === ""
        ? t("offers.form.eqMonthsRequired")
        : whole(eqMonths, 1, 24)
          ? undefined
          : t("offers.form.eqMonthsRange"),
    postalCode: postalCode.trim() && !/^\d{5}$/.test(postalCode.trim()) ? t("companies.form.postcodeDigits") : undefined,
  });
  const errors = fieldErrorsOf(error);
  const errorOf = (name: string) => checks.errorOf(name) ?? errors[name];
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e) || !companyId || !occupationId) return;
    onSubmit({
      companyId,
      kind: kind as OfferCreate["kind"],
      occupationId,
      title: title.trim() || null,
      places: Number(places),
      startDate,
      eqMonths: eq ? Number(eqMonths) : null,
      ...(postalCode.trim() ? { postalCode: postalCode.trim() } : {}),
      requirements: {
        minSchoolCertificate: minSchool as Offer["requirements"]["minSchoolCertificate"],
        minGermanLevel: minGerman as Offer["requirements"]["minGermanLevel"],
        drivingLicence,
        note: note.trim() || null,
      },
      description: description.trim() || null,
      contactId,
      status: status as OfferCreate["status"],
    });
  };

  return (
    <AppForm onSubmit={submit} gap="sm">
      {!fixedCompany && !offer && (
        <CompanySelect
          label={t("offers.form.company")}
          name="companyId"
          value={companyId}
          onChange={setCompanyId}
          required
          error={errorOf("companyId")}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t("offers.form.kind")}
          name="kind"
          value={kind}
          onChange={(v) => setKind(v ?? "training")}
          data={offerKinds.map((k) => ({ value: k, label: t(`offers.kinds.${k}`) }))}
          allowDeselect={false}
          required
          error={errors.kind}
        />
        <Select
          label={t("offers.form.status")}
          name="status"
          value={status}
          onChange={(v) => setStatus(v ?? "open")}
          data={offerStatuses.map((s) => ({ value: s, label: t(`offers.statuses.${s}`) }))}
          allowDeselect={false}
          error={errors.status}
        />
      </SimpleGrid>
      <OccupationSelect
        label={t("offers.form.occupation")}
        name="occupationId"
        value={occupationId}
        selectedName={offer?.occupationName}
        onChange={(id) => setOccupationId(id)}
        required
        error={errorOf("occupationId")}
      />
      <TextInput
        label={t("offers.form.title")}
        name="title"
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
      />
      <SimpleGrid cols={{ base: 1, sm: eq ? 3 : 2 }} spacing="sm">
        <NumberInput
          label={t("offers.form.places")}
          name="places"
          value={places}
          onChange={setPlaces}
          min={1}
          max={500}
          allowDecimal={false}
          required
          error={errorOf("places")}
        />
        <DateField
          label={t("offers.form.startDate")}
          name="startDate"
          value={startDate}
          onChange={setStartDate}
          onBlur={checks.onBlurOf("startDate")}
          required
          error={errorOf("startDate")}
        />
        {eq && (
          <NumberInput
            label={t("offers.form.eqMonths")}
            description={t("offers.form.eqMonthsHint")}
            name="eqMonths"
            value={eqMonths}
            onChange={setEqMonths}
            min={1}
            max={24}
            allowDecimal={false}
            required
            error={errorOf("eqMonths")}
          />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t("offers.form.postalCode")}
          description={t("offers.form.postalCodeHint")}
          name="postalCode"
          value={postalCode}
          onChange={(e) => setPostalCode(e.currentTarget.value)}
          onBlur={checks.onBlurOf("postalCode")}
          inputMode="numeric"
          maxLength={5}
          error={errorOf("postalCode")}
        />
        <Select
          label={t("offers.form.contact")}
          name="contactId"
          value={contactId}
          onChange={setContactId}
          data={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.function ? `${c.name} (${c.function})` : c.name }))}
          clearable
          disabled={!companyId}
          error={errors.contactId}
        />
      </SimpleGrid>
      <Fieldset legend={t("offers.form.requirements")} variant="filled">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("offers.form.minSchool")}
            name="minSchoolCertificate"
            value={minSchool}
            onChange={setMinSchool}
            data={schoolCertificates.map((s) => ({ value: s, label: t(`offers.schoolCertificates.${s}`) }))}
            clearable
          />
          <Select
            label={t("offers.form.minGerman")}
            name="minGermanLevel"
            value={minGerman}
            onChange={setMinGerman}
            data={germanLevels.map((g) => ({ value: g, label: g }))}
            clearable
          />
        </SimpleGrid>
        <Checkbox
          mt="sm"
          label={t("offers.form.drivingLicence")}
          checked={drivingLicence}
          onChange={(e) => setDrivingLicence(e.currentTarget.checked)}
        />
        <Textarea
          mt="sm"
          label={t("offers.form.note")}
          name="note"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
      </Fieldset>
      <Textarea
        label={t("offers.form.description")}
        name="description"
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        autosize
        minRows={2}
        error={errors.description}
      />
      <ProblemAlert error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={pending}>
          {offer ? t("common.save") : t("common.create")}
        </Button>
      </Group>
    </AppForm>
  );
}
