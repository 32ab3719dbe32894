import { Button, Checkbox, Group, Radio, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type SyntheticEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { AppForm } from "../../ui/app-form";
import { useFormChecks } from "../../ui/form-checks";
import { ProblemAlert } from "../../ui/problem-alert";
import { useStartRun } from "./api";
import { useMyDistricts } from "./use-my-districts";

type Mode = "optimal" | "stable";

/**
 * "Neuer Lauf": the mode with a sentence on what it does, and the scope. Coordination and
 * administration may run the whole region or a choice of districts; a counsellor runs their own
 * districts (all of them, or a choice). Starting opens the run's page with its progress.
 */
export function RunForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartRun();
  const mine = useMyDistricts();
  const [mode, setMode] = useState<Mode>("optimal");
  const [scope, setScope] = useState<"all" | "choice">("all");
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selected = chosen ?? mine.districts.map((d) => d.ags);
  const choosing = !mine.whole || scope === "choice";
  const checks = useFormChecks({ districts: choosing && selected.length === 0 ? t("matching.runs.form.districtsRequired") : undefined });
  const submit = (e: SyntheticEvent<HTMLElement>) => {
    if (!checks.passes(e)) return;
    start.mutate(
      { mode, ...(choosing ? { districts: selected } : {}) },
      { onSuccess: ({ id }) => navigate({ to: "/matching/laeufe/$id", params: { id } }) },
    );
  };
  return (
    <AppForm onSubmit={submit} gap="md">
      <Radio.Group label={t("matching.runs.form.mode")} value={mode} onChange={(v) => setMode(v as Mode)} name="mode" required>
        <Stack gap="xs" mt={4}>
          <Radio value="optimal" label={t("matching.runs.modes.optimal")} description={t("matching.runs.form.optimalHint")} />
          <Radio value="stable" label={t("matching.runs.modes.stable")} description={t("matching.runs.form.stableHint")} />
        </Stack>
      </Radio.Group>
      {mine.whole && (
        <Radio.Group label={t("matching.runs.form.scope")} value={scope} onChange={(v) => setScope(v as "all" | "choice")} name="scope">
          <Stack gap="xs" mt={4}>
            <Radio value="all" label={t("matching.runs.form.wholeRegion")} />
            <Radio value="choice" label={t("matching.runs.form.someDistricts")} />
          </Stack>
        </Radio.Group>
      )}
      {choosing && (
        <Checkbox.Group
          label={mine.whole ? t("matching.runs.form.districts") : t("matching.runs.form.myDistricts")}
          description={mine.whole ? undefined : t("matching.runs.form.myDistrictsHint")}
          value={selected}
          onChange={setChosen}
          error={checks.errorOf("districts")}
        >
          <Stack gap={6} mt={4}>
            {mine.districts.map((d) => (
              <Checkbox key={d.ags} value={d.ags} name="districts" label={d.name} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      {!mine.loading && mine.districts.length === 0 && <Text size="sm">{t("matching.runs.form.noDistricts")}</Text>}
      <ProblemAlert error={start.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={start.isPending} disabled={mine.districts.length === 0}>
          {t("matching.runs.form.start")}
        </Button>
      </Group>
    </AppForm>
  );
}
