import { Paper, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Run } from "../../../features/matching/schema";

const locale = (lang: string) => (lang === "en" ? "en-GB" : "de-DE");
export const formatCount = (n: number, lang: string) => new Intl.NumberFormat(locale(lang)).format(n);
/** A run's total: the exact sum of its pairs' scores (four places each), so up to four decimals. */
export const formatTotal = (n: number, lang: string) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 4 }).format(n);

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl">
        {value}
      </Text>
      {hint && <Text size="xs">{hint}</Text>}
    </Paper>
  );
}

/** The numbers of a finished run: total score, places filled of places, people, who stayed without a place, blocking pairs. */
export function RunSummary({ run, result }: { run: Run; result: NonNullable<Run["result"]> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (x: number) => formatCount(x, lang);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="xs" role="group" aria-label={t("matching.runs.result.summary")}>
      <Stat
        label={t("matching.runs.result.totalScore")}
        value={formatTotal(result.totalScore, lang)}
        hint={t("matching.runs.result.totalScoreHint")}
      />
      <Stat
        label={t("matching.runs.result.placesFilled")}
        value={t("matching.runs.result.ofPlaces", { filled: n(result.placesFilled), places: n(result.places) })}
        hint={t("matching.runs.result.offers", { count: result.offers })}
      />
      <Stat label={t("matching.runs.result.candidates")} value={n(result.candidates)} />
      <Stat label={t("matching.runs.result.assigned")} value={n(result.assignmentCount)} />
      <Stat label={t("matching.runs.result.unassigned")} value={n(result.unassignedCount)} />
      <Stat label={t("matching.runs.result.accepted")} value={n(result.acceptedCount)} />
      {run.mode === "stable" && result.blockingPairs !== null && (
        <Stat
          label={t("matching.runs.result.blockingPairs")}
          value={n(result.blockingPairs)}
          hint={result.blockingPairs === 0 ? t("matching.runs.result.stable") : undefined}
        />
      )}
    </SimpleGrid>
  );
}
