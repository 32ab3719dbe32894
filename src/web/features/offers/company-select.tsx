import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompanyPage } from "../../../features/companies/schema";
import { api, toQuery } from "../../api/client";

/** A company of the person's districts, searched by name, place or postcode. */
export function CompanySelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, "data" | "value" | "onChange"> & { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 200);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const result = useQuery({
    queryKey: ["companies", "select", debounced],
    queryFn: () => api<CompanyPage>("GET", `/api/v1/companies${toQuery({ q: debounced || undefined, limit: 20 })}`),
    placeholderData: keepPreviousData,
  });
  const options = (result.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name} (${[c.postalCode, c.city].filter(Boolean).join(" ")})`,
  }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      {...props}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      data={options}
      filter={({ options: o }) => o}
      nothingFoundMessage={t("offers.form.noCompany")}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
