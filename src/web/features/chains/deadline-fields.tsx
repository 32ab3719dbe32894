import { ActionIcon, Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DeadlineRule } from "../../../features/chains/schema";
import { matchStages } from "../matching/constants";
import { useChainText } from "./chain-text";
import { deadlineAnchors, deadlineDirections, deadlineKinds, deadlineUnits } from "./constants";

/** A deadline rule while it is typed: the amount may be empty for a moment. */
export type DeadlineDraft = Omit<DeadlineRule, "amount"> & { amount: number | string };

export const newDeadline = (): DeadlineDraft => ({
  anchor: "training_start",
  stage: null,
  amount: 8,
  unit: "weeks",
  direction: "before",
  kind: "at_latest",
  label: null,
});

/** The check of one rule, for the form's messages (null: fine). */
export function deadlineProblem(d: DeadlineDraft, t: (key: string) => string): { field: "amount" | "stage"; message: string } | null {
  if (typeof d.amount !== "number" || !Number.isInteger(d.amount) || d.amount < 0 || d.amount > 120) {
    return { field: "amount", message: t("chains.stepForm.amountRange") };
  }
  if (d.anchor === "match_stage" && !d.stage) return { field: "stage", message: t("chains.stepForm.stageRequired") };
  return null;
}

/**
 * The deadline rules of a step, each a row of choices that reads as a sentence ("spätestens · 8 · Wochen ·
 * vor · Ausbildungsbeginn"), with the sentence itself below as a check.
 */
export function DeadlineFields({
  value,
  onChange,
  errorOf,
}: {
  value: DeadlineDraft[];
  onChange: (next: DeadlineDraft[]) => void;
  errorOf: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const text = useChainText();
  const set = (i: number, patch: Partial<DeadlineDraft>) => onChange(value.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <Fieldset legend={t("chains.stepForm.deadlines")} variant="filled">
      <Stack gap="sm">
        {value.length === 0 && <Text size="sm">{t("chains.step.noDeadline")}</Text>}
        {value.map((d, i) => (
          // Rules have no id of their own; their place in the list is their identity while editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Stack key={i} gap={6} role="group" aria-label={t("chains.stepForm.deadlineN", { n: i + 1 })}>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
              <Select
                label={t("chains.stepForm.kind")}
                value={d.kind}
                onChange={(v) => v && set(i, { kind: v as DeadlineDraft["kind"] })}
                data={deadlineKinds.map((k) => ({ value: k, label: t(`chains.deadline.kinds.${k}`) }))}
                allowDeselect={false}
                size="xs"
                comboboxProps={{ withinPortal: true }}
              />
              <NumberInput
                label={t("chains.stepForm.amount")}
                name={`deadline-${i}-amount`}
                value={d.amount}
                onChange={(v) => set(i, { amount: v })}
                min={0}
                max={120}
                allowDecimal={false}
                size="xs"
                error={errorOf(`deadline-${i}-amount`)}
              />
              <Select
                label={t("chains.stepForm.unit")}
                value={d.unit}
                onChange={(v) => v && set(i, { unit: v as DeadlineDraft["unit"] })}
                data={deadlineUnits.map((u) => ({ value: u, label: t(`chains.deadline.units.${u}`, { count: 2 }) }))}
                allowDeselect={false}
                size="xs"
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t("chains.stepForm.direction")}
                value={d.direction}
                onChange={(v) => v && set(i, { direction: v as DeadlineDraft["direction"] })}
                data={deadlineDirections.map((x) => ({ value: x, label: t(`chains.deadline.directions.${x}`) }))}
                allowDeselect={false}
                size="xs"
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t("chains.stepForm.anchor")}
                value={d.anchor}
                onChange={(v) => v && set(i, { anchor: v as DeadlineDraft["anchor"], stage: v === "match_stage" ? d.stage : null })}
                data={deadlineAnchors.map((a) => ({ value: a, label: t(`chains.deadline.anchorNames.${a}`) }))}
                allowDeselect={false}
                size="xs"
                comboboxProps={{ withinPortal: true }}
              />
              {d.anchor === "match_stage" && (
                <Select
                  label={t("chains.stepForm.stage")}
                  name={`deadline-${i}-stage`}
                  value={d.stage ?? null}
                  onChange={(v) => set(i, { stage: (v as DeadlineDraft["stage"]) ?? null })}
                  data={matchStages.map((s) => ({ value: s, label: t(`matching.stages.${s}`) }))}
                  required
                  size="xs"
                  error={errorOf(`deadline-${i}-stage`)}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            </SimpleGrid>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label={t("chains.stepForm.label")}
                description={t("chains.stepForm.labelHint")}
                value={d.label ?? ""}
                onChange={(e) => set(i, { label: e.currentTarget.value || null })}
                maxLength={120}
                size="xs"
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={t("chains.stepForm.removeDeadline", { n: i + 1 })}
              >
                <span aria-hidden="true">×</span>
              </ActionIcon>
            </Group>
            {!deadlineProblem(d, t) && (
              <Text size="xs" c="dimmed">
                {text.rule({ ...d, amount: Number(d.amount) })}
              </Text>
            )}
          </Stack>
        ))}
        {value.length < 5 && (
          <Group>
            <Button variant="default" size="xs" onClick={() => onChange([...value, newDeadline()])}>
              {t("chains.stepForm.addDeadline")}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}
