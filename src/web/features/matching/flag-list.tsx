import { Badge, Box, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OfferSuggestions } from "../../../features/matching/schema";
import { addDays, formatDay, todayIso } from "../../ui/days";
import { dueSoonDays } from "./constants";

export type Flag = OfferSuggestions["items"][number]["flags"][number];

/** How urgent a flag's date is: overdue, due within two weeks, later, or no date. */
export function dueState(dueDate: string | undefined, today = todayIso()): "overdue" | "soon" | "later" | "none" {
  if (!dueDate) return "none";
  if (dueDate < today) return "overdue";
  return dueDate <= addDays(today, dueSoonDays) ? "soon" : "later";
}

/**
 * The legal steps for the counsellor, each with its due date: information to act on, never a verdict,
 * so in yellow and not in an error's red. A date within two weeks or past is marked.
 */
export function FlagList({ flags, label }: { flags: Flag[]; label: string }) {
  const { t, i18n } = useTranslation();
  if (flags.length === 0) return null;
  const today = todayIso();
  return (
    <Stack component="ul" gap={6} p={0} m={0} aria-label={label} style={{ listStyle: "none" }}>
      {flags.map((f) => {
        const state = dueState(f.dueDate, today);
        const urgent = state === "overdue" || state === "soon";
        return (
          <Box
            component="li"
            key={`${f.code}-${f.dueDate ?? ""}`}
            px="sm"
            py={6}
            style={{
              background: "var(--mantine-color-yellow-0)",
              borderLeft: `4px solid var(--mantine-color-yellow-${urgent ? 7 : 4})`,
              borderRadius: "var(--mantine-radius-sm)",
            }}
          >
            <Text size="sm">{f.message}</Text>
            {f.dueDate && (
              <Group gap={6} mt={2}>
                <Text size="sm" fw={urgent ? 700 : 400}>
                  {t("matching.flags.due", { date: formatDay(f.dueDate, i18n.language) })}
                </Text>
                {urgent && (
                  <Badge size="sm" variant="filled" color={state === "overdue" ? "orange.3" : "yellow.3"} c="black">
                    {t(state === "overdue" ? "matching.flags.overdue" : "matching.flags.soon")}
                  </Badge>
                )}
              </Group>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}
