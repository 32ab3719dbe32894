import { Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function Pager({ total, page, pageSize, onPage }: { total: number; page: number; pageSize: number; onPage: (p: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" role="status">
        {t("common.count", { count: total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onPage}
          size="sm"
          siblings={1}
          boundaries={1}
          getControlProps={(control) => ({ "aria-label": t(`common.pages.${control}`) })}
          getItemProps={(p) => ({ "aria-label": t("common.pages.page", { page: p }) })}
        />
      )}
    </Group>
  );
}
