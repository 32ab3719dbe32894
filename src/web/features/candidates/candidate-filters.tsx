import { Button, Chip, Group, Pill, Select, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDistricts } from "../companies/api";
import { candidateStatuses, type Filters, germanLevels, supportNeeds } from "./constants";

type Props = { filters: Filters; onChange: (patch: Filters) => void };

/** The search field first, then the filters; each one set shows as a chip that removes it. The state lives in the address. */
export function CandidateFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const [q, setQ] = useState(filters.q ?? "");
  const changeQ = useDebouncedCallback((v: string) => onChange({ q: v.trim() || undefined }), 250);
  const selects = [
    { key: "status", data: candidateStatuses.map((s) => ({ value: s, label: t(`candidates.statuses.${s}`) })) },
    { key: "district", data: (districts.data ?? []).map((d) => ({ value: d.ags, label: d.name })) },
    { key: "germanLevel", data: germanLevels.map((l) => ({ value: l, label: l })) },
    {
      key: "matchingConsent",
      data: [
        { value: "true", label: t("candidates.filters.yes") },
        { value: "false", label: t("candidates.filters.no") },
      ],
    },
    { key: "supportNeed", data: supportNeeds.map((s) => ({ value: s, label: t(`candidates.supportNeeds.${s}`) })) },
  ] as const;
  const labelOf = (key: keyof Filters, value: string) => {
    if (key === "responsible") return t("candidates.filters.mine");
    if (key === "q") return `„${value}“`;
    const select = selects.find((s) => s.key === key);
    const option = select?.data.find((o) => o.value === value);
    return `${t(`candidates.filters.${key}`)}: ${option?.label ?? value}`;
  };
  const active = (Object.entries(filters) as [keyof Filters, string][]).filter(([k, v]) => v && k !== "occupationId");

  return (
    <>
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t("candidates.search")}
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
          {t("candidates.filters.mine")}
        </Chip>
      </Group>
      <Group gap="xs" role="group" aria-label={t("candidates.filters.label")}>
        {selects.map((s) => (
          <Select
            key={s.key}
            aria-label={t(`candidates.filters.${s.key}`)}
            placeholder={t(`candidates.filters.${s.key}`)}
            data={s.data}
            value={filters[s.key] ?? null}
            onChange={(v) => onChange({ [s.key]: v ?? undefined })}
            clearable
            clearButtonProps={{ "aria-label": t("candidates.filters.remove", { filter: t(`candidates.filters.${s.key}`) }) }}
            size="xs"
            w={{ base: "calc(50% - var(--mantine-spacing-xs) / 2)", xs: 180 }}
            comboboxProps={{ withinPortal: true }}
          />
        ))}
      </Group>
      {active.length > 0 && (
        <Group gap={6} aria-label={t("candidates.filters.active")} role="group">
          {active.map(([k, v]) => (
            <Pill
              key={k}
              withRemoveButton
              onRemove={() => {
                if (k === "q") setQ("");
                onChange({ [k]: undefined });
              }}
              removeButtonProps={{ "aria-label": t("candidates.filters.remove", { filter: labelOf(k, v) }) }}
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
              {t("candidates.filters.clear")}
            </Button>
          )}
        </Group>
      )}
    </>
  );
}
