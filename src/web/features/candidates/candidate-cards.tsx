import { Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CandidateRow } from "../../../features/candidates/schema";
import { todayIso } from "../../ui/days";
import { CandidateStatusBadge, ConsentBadges } from "./candidate-badges";
import { CandidateLink } from "./candidate-link";
import { ageOf } from "./constants";

/** The list on a phone: one card per young person with what the table shows, nothing scrolls sideways. */
export function CandidateCards({ items }: { items: CandidateRow[] }) {
  const { t } = useTranslation();
  const today = todayIso();
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: "none" }} aria-label={t("candidates.title")}>
      {items.map((c) => (
        <Card component="li" key={c.id} withBorder p="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <CandidateLink id={c.id} fw={600} style={{ overflowWrap: "anywhere" }}>
              {c.lastName}, {c.firstName}
            </CandidateLink>
            <CandidateStatusBadge status={c.status} style={{ flexShrink: 0 }} />
          </Group>
          <Text size="sm" c="dimmed">
            {[
              c.birthDate ? t("candidates.ageValue", { count: ageOf(c.birthDate, today) }) : null,
              [c.postalCode, c.city].filter(Boolean).join(" ") || null,
              c.germanLevel ? `${t("candidates.columns.germanLevel")} ${c.germanLevel}` : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          {c.desiredOccupations.length > 0 && (
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {c.desiredOccupations.map((o) => o.name).join(", ")}
            </Text>
          )}
          <Group justify="space-between" gap="xs" mt={4}>
            <ConsentBadges consent={c.consent} size="xs" />
            {c.responsibleName && (
              <Text size="xs" c="dimmed">
                {c.responsibleName}
              </Text>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
