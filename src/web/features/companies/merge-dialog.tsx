import { Alert, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Company, CompanyPage } from "../../../features/companies/schema";
import { api, toQuery } from "../../api/client";
import { AppForm } from "../../ui/app-form";
import { AppModal } from "../../ui/app-modal";
import { useFormChecks } from "../../ui/form-checks";
import { notify } from "../../ui/notify";
import { fieldErrorsOf, ProblemAlert } from "../../ui/problem-alert";
import { useRefreshCompanies } from "./api";

/**
 * "Dublette zusammenführen": another record of the same company is searched, confirmed and merged
 * into this one (its contacts, contact log, places and history come along; the other record goes).
 */
export function MergeDialog({ company, opened, onClose }: { company: Company; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshCompanies();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [other, setOther] = useState<Company | null>(null);
  const [confirming, setConfirming] = useState(false);
  const found = useQuery({
    queryKey: ["companies", "merge-search", debounced],
    queryFn: () => api<CompanyPage>("GET", `/api/v1/companies${toQuery({ q: debounced, limit: 20 })}`),
    enabled: opened && debounced.trim().length >= 2,
  });
  const options = (found.data?.items ?? []).filter((c) => c.id !== company.id);
  const merge = useMutation({
    mutationFn: (otherId: string) => api<Company>("POST", `/api/v1/companies/${company.id}/merge`, { otherId }),
    onSuccess: async () => {
      notify({ color: "green", message: t("companies.merge.done", { other: other?.name ?? "", name: company.name }) });
      await refresh();
      close();
    },
  });
  const checks = useFormChecks({ otherId: other ? undefined : t("companies.merge.chooseOne") });
  const close = () => {
    setOther(null);
    setSearch("");
    setConfirming(false);
    merge.reset();
    checks.reset();
    onClose();
  };
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    if (!confirming) setConfirming(true);
    else if (other) merge.mutate(other.id);
  };
  const label = (c: Company) => `${c.name} (${[c.postalCode, c.city].filter(Boolean).join(" ")})`;
  const errors = fieldErrorsOf(merge.error);

  return (
    <AppModal opened={opened} onClose={close} title={t("companies.merge.title")} size="lg">
      <AppForm onSubmit={submit} gap="sm">
        <Text size="sm">{t("companies.merge.intro", { name: company.name })}</Text>
        <Select
          label={t("companies.merge.search")}
          name="otherId"
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          value={other?.id ?? null}
          onChange={(id) => {
            setOther(options.find((c) => c.id === id) ?? null);
            setConfirming(false);
          }}
          data={[...(other && !options.some((o) => o.id === other.id) ? [other] : []), ...options].map((c) => ({
            value: c.id,
            label: label(c),
          }))}
          filter={({ options: o }) => o}
          nothingFoundMessage={debounced.trim().length >= 2 ? t("companies.merge.nothingFound") : t("companies.merge.typeToSearch")}
          error={checks.errorOf("otherId") ?? errors.otherId}
          required
        />
        {confirming && other && (
          <Alert color="orange" title={t("companies.merge.confirmTitle")} role="alert">
            {t("companies.merge.confirm", { other: label(other), name: company.name })}
          </Alert>
        )}
        <ProblemAlert error={merge.error} />
        <Stack gap={0}>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color={confirming ? "orange" : undefined} loading={merge.isPending}>
              {confirming ? t("companies.merge.submit") : t("companies.merge.next")}
            </Button>
          </Group>
        </Stack>
      </AppForm>
    </AppModal>
  );
}
