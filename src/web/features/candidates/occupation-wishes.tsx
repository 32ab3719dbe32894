import { ActionIcon, Group, Input, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OccupationSelect } from "../offers/occupation-select";

type Occupation = { id: string; name: string };
const maxWishes = 8;

/** The desired occupations in rank order: add from the catalogue, move up and down, remove. */
export function OccupationWishes({
  value,
  onChange,
  error,
}: {
  value: Occupation[];
  onChange: (next: Occupation[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  // A fresh select after each choice, so its field is empty again for the next wish.
  const [round, setRound] = useState(0);
  const move = (from: number, to: number) => {
    const next = [...value];
    const [item] = next.splice(from, 1);
    if (item) next.splice(to, 0, item);
    onChange(next);
  };
  return (
    <Input.Wrapper label={t("candidates.form.occupations")} description={t("candidates.form.occupationsHint")} error={error}>
      <Stack gap={6} mt={4}>
        {value.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("candidates.form.noOccupations")}
          </Text>
        ) : (
          <Stack component="ol" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
            {value.map((o, i) => (
              <Group component="li" key={o.id} gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                  <Text span fw={700}>
                    {i + 1}.
                  </Text>{" "}
                  {o.name}
                </Text>
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                    aria-label={t("candidates.form.moveUp", { name: o.name })}
                  >
                    <span aria-hidden="true">↑</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    disabled={i === value.length - 1}
                    onClick={() => move(i, i + 1)}
                    aria-label={t("candidates.form.moveDown", { name: o.name })}
                  >
                    <span aria-hidden="true">↓</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    onClick={() => onChange(value.filter((x) => x.id !== o.id))}
                    aria-label={t("candidates.form.removeOccupation", { name: o.name })}
                  >
                    <span aria-hidden="true">×</span>
                  </ActionIcon>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
        {value.length < maxWishes && (
          <OccupationSelect
            key={round}
            aria-label={t("candidates.form.addOccupation")}
            placeholder={t("candidates.form.addOccupation")}
            value={null}
            onChange={(id, name) => {
              if (id && name && !value.some((o) => o.id === id)) onChange([...value, { id, name }]);
              setRound((r) => r + 1);
            }}
          />
        )}
      </Stack>
    </Input.Wrapper>
  );
}
