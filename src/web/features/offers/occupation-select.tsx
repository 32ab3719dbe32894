import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OccupationPage } from "../../../features/occupations/schema";
import { api, toQuery } from "../../api/client";

/**
 * A training occupation from the catalogue, searched on the server (typos, abbreviations such as
 * "Kfz" and former names are found). `selectedName` names the current value before any search.
 */
export function OccupationSelect({
  value,
  selectedName,
  onChange,
  ...props
}: Omit<SelectProps, "data" | "value" | "onChange"> & {
  value: string | null;
  selectedName?: string | null;
  onChange: (id: string | null, name: string | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 200);
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(
    value && selectedName ? { id: value, name: selectedName } : null,
  );
  const result = useQuery({
    queryKey: ["occupations", "select", debounced],
    queryFn: () => api<OccupationPage>("GET", `/api/v1/occupations${toQuery({ q: debounced, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  // While the field shows the chosen name, the search text equals it: list everything again then.
  const options = (result.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (chosen && !options.some((o) => o.value === chosen.id)) options.unshift({ value: chosen.id, label: chosen.name });
  return (
    <Select
      {...props}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={(id, option) => {
        setChosen(id && option ? { id, name: option.label } : null);
        onChange(id, id && option ? option.label : null);
      }}
      data={options}
      filter={({ options: o }) => o}
      nothingFoundMessage={t("offers.form.noOccupation")}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
