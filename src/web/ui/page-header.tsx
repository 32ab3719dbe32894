import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** The page's one h1, a sentence on what the page is for, and its main actions (they wrap below on a phone). */
export function PageHeader({ title, intro, actions }: { title: string; intro?: string; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <Stack gap={2} style={{ flex: "1 1 20rem", minWidth: 0 }}>
        <Title order={1} size="h2" style={{ overflowWrap: "anywhere" }}>
          {title}
        </Title>
        {intro && (
          <Text c="dimmed" size="sm">
            {intro}
          </Text>
        )}
      </Stack>
      {actions}
    </Group>
  );
}
