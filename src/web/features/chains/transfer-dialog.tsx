import { Button, Group, Select, Text, TextInput } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Template } from "../../../features/chains/schema";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { useFormChecks } from "../../ui/form-checks";
import { notify } from "../../ui/notify";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { useMyDistricts } from "../matching/use-my-districts";
import { useTransfer } from "./api";

/**
 * "In Kreis übertragen": a draft of this chain for another of the person's districts, every district-bound
 * field marked "zu prüfen"; the new draft opens at once.
 */
export function TransferDialog({ template, opened, onClose }: { template: Template; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { districts } = useMyDistricts();
  const transfer = useTransfer(template.id);
  const [district, setDistrict] = useState<string | null>(null);
  const [name, setName] = useState("");
  const checks = useFormChecks({ district: district ? undefined : t("chains.transfer.districtRequired") });
  const errors = fieldErrorsOf(transfer.error);
  const own = template.districts ?? [];
  const options = districts.filter((d) => !own.includes(d.ags)).map((d) => ({ value: d.ags, label: d.name }));
  const close = () => {
    transfer.reset();
    checks.reset();
    setDistrict(null);
    setName("");
    onClose();
  };
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e) || !district) return;
    const label = options.find((o) => o.value === district)?.label ?? district;
    transfer.mutate(
      { district, ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: async ({ id }) => {
          notify({ color: "green", message: t("chains.transfer.done", { district: label }) });
          close();
          await navigate({ to: "/prozessketten/$id", params: { id } });
        },
      },
    );
  };
  return (
    <AppModal opened={opened} onClose={close} title={t("chains.transfer.title")} size="md">
      {opened && (
        <AppForm onSubmit={submit} gap="sm">
          <Text size="sm">{t("chains.transfer.intro", { name: template.name })}</Text>
          <Select
            label={t("chains.transfer.district")}
            name="district"
            value={district}
            onChange={setDistrict}
            data={options}
            required
            error={checks.errorOf("district") ?? errors.district}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t("chains.transfer.name")}
            description={t("chains.transfer.nameHint")}
            name="name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
            error={errors.name}
          />
          <ProblemAlert error={errors.district || errors.name ? null : transfer.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={transfer.isPending}>
              {t("chains.transfer.submit")}
            </Button>
          </Group>
        </AppForm>
      )}
    </AppModal>
  );
}
