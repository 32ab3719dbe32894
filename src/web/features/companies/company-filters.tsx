import { Button, Chip, Group, Pill, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { stages } from "../../ui/stages";
import { useDistricts } from "./api";
import { chambers, type Filters, mayTrainStates, sizeClasses } from "./constants";

type Props = { filters: Filters; onChange: (patch: Filters) => void };

/**
 * The search field first, then the filters; what is set shows as a chip that removes it. The state
 * lives in the address (the page hands it in), so a filtered list can be bookmarked and shared.
 */
export function CompanyFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const [q, setQ] = useState(filters.q ?? "");
  const changeQ = useDebouncedCallback((v: string) => onChange({ q: v.trim() || undefined }), 250);
  const yesNo = [
    { value: "true", label: t("companies.filters.yes") },
    { value: "false", label: t("companies.filters.no") },
  ];
  const selects = [
    { key: "district", data: (districts.data ?? []).map((d) => ({ value: d.ags, label: d.name })) },
    { key: "stage", data: stages.map((s) => ({ value: s, label: t(`stages.${s}`) })) },
    { key: "sizeClass", data: sizeClasses.map((s) => ({ value: s, label: t(`companies.sizeClasses.${s}`) })) },
    { key: "chamber", data: chambers.map((c) => ({ value: c, label: t(`companies.chambers.${c}`) })) },
    { key: "mayTrain", data: mayTrainStates.map((m) => ({ value: m, label: t(`companies.mayTrain.${m}`) })) },
    { key: "migrantLed", data: yesNo },
  ] as const;
  const labelOf = (key: keyof Filters, value: string) => {
    if (key === "responsible") return t("companies.filters.mine");
    if (key === "q") return `„${value}“`;
    if (key === "tag") return `${t("companies.filters.tag")}: ${value}`;
    const select = selects.find((s) => s.key === key);
    const option = select?.data.find((o) => o.value === value);
    return `${t(`companies.filters.${key}`)}: ${option?.label ?? value}`;
  };
  const active = (Object.entries(filters) as [keyof Filters, string][]).filter(([k, v]) => v && k !== "occupationId");

  return (
    <>
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t("companies.search")}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            changeQ(e.currentTarget.value);
          }}
          style={{ flex: "1 1 16rem" }}
        />
        <Chip
          checked={filters.responsible === "me"}
          onChange={(on) => onChange({ responsible: on ? "me" : undefined })}
          variant="outline"
          mb={6}
        >
          {t("companies.filters.mine")}
        </Chip>
      </Group>
      <Group gap="xs" role="group" aria-label={t("companies.filters.label")}>
        {selects.map((s) => (
          <Select
            key={s.key}
            aria-label={t(`companies.filters.${s.key}`)}
            placeholder={t(`companies.filters.${s.key}`)}
            data={s.data}
            value={filters[s.key] ?? null}
            onChange={(v) => onChange({ [s.key]: v ?? undefined })}
            clearable
            clearButtonProps={{ "aria-label": t("companies.filters.remove", { filter: t(`companies.filters.${s.key}`) }) }}
            size="xs"
            w={{ base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 170 }}
            comboboxProps={{ withinPortal: true }}
          />
        ))}
      </Group>
      {active.length > 0 && (
        <Group gap={6} aria-label={t("companies.filters.active")} role="group">
          {active.map(([k, v]) => (
            <Pill
              key={k}
              withRemoveButton
              onRemove={() => {
                if (k === "q") setQ("");
                onChange({ [k]: undefined });
              }}
              removeButtonProps={{ "aria-label": t("companies.filters.remove", { filter: labelOf(k, v) }) }}
            >
              {labelOf(k, v)}
            </Pill>
          ))}
          {active.length > 1 && (
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => {
                setQ("");
                onChange(Object.fromEntries(active.map(([k]) => [k, undefined])));
              }}
            >
              {t("companies.filters.clear")}
            </Button>
          )}
        </Group>
      )}
    </>
  );
}
