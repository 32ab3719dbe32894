import { Button, Group, Text } from "@mantine/core";

/**
 * The end of a list paged by cursor: how many of how many are shown (announced when it changes) and
 * the button that fetches the next page.
 */
export function LoadMore({
  label,
  moreLabel,
  hasMore,
  loading,
  onMore,
}: {
  label: string;
  moreLabel: string;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  return (
    <Group justify="space-between" mt="sm" gap="sm">
      <Text size="sm" c="dimmed" role="status">
        {label}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onMore} loading={loading}>
          {moreLabel}
        </Button>
      )}
    </Group>
  );
}
