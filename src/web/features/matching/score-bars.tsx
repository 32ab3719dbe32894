import { Badge, type BadgeProps, Box, Group, Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OfferSuggestions } from "../../../features/matching/schema";

export type Reason = OfferSuggestions["items"][number]["reasons"][number];

const locale = (lang: string) => (lang === "en" ? "en-GB" : "de-DE");

/** A score (0–1) as people read it: "94 %" (German) or "94%" (English); `digits` after the comma. */
export const formatScore = (score: number, lang: string, digits = 0) =>
  new Intl.NumberFormat(locale(lang), { style: "percent", maximumFractionDigits: digits }).format(score);

/** A good fit green, a middling one yellow, a weak one orange: colour only repeats what the number says. */
const barColor = (score: number) => (score >= 0.75 ? "teal.7" : score >= 0.4 ? "yellow.6" : "orange.7");

/** The overall fit of a pair, as a badge with its name ("Passung 94 %"). */
export function ScoreBadge({ score, ...props }: { score: number } & BadgeProps) {
  const { t, i18n } = useTranslation();
  return (
    <Badge variant="light" color="blue" size="lg" {...props}>
      {t("matching.score.overall", { value: formatScore(score, i18n.language, 1) })}
    </Badge>
  );
}

/**
 * Every criterion of a pair: its name, a bar with the part score and the number beside it, and the
 * reason in a plain sentence below. A criterion without a part score (a hard limit) shows its sentence only.
 */
export function ScoreBars({ reasons, label }: { reasons: Reason[]; label: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="ul" gap={6} p={0} m={0} aria-label={label} style={{ listStyle: "none" }}>
      {reasons.map((r) => {
        const name = t(`matching.criteria.${r.criterion}`);
        const value = r.score === undefined ? null : formatScore(r.score, i18n.language);
        return (
          <Box component="li" key={`${r.criterion}-${r.code}`}>
            <Group gap="xs" wrap="nowrap" align="center">
              <Text size="sm" fw={600} w={112} style={{ flexShrink: 0 }}>
                {name}
              </Text>
              {r.score !== undefined && value !== null ? (
                <>
                  <Progress.Root size="lg" style={{ flex: 1, minWidth: 48 }}>
                    <Progress.Section
                      value={Math.round(r.score * 100)}
                      color={barColor(r.score)}
                      aria-label={t("matching.score.bar", { criterion: name, value })}
                    />
                  </Progress.Root>
                  <Text size="sm" w={48} ta="right" style={{ flexShrink: 0, fontVariantNumeric: "tabular-nums" }}>
                    {value}
                  </Text>
                </>
              ) : null}
            </Group>
            <Text size="sm" c="dimmed" ml={{ base: 0, xs: 120 }}>
              {r.message}
            </Text>
          </Box>
        );
      })}
    </Stack>
  );
}
