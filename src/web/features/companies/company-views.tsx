import { Button, Group } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { toSearch } from "../../ui/search-params";
import type { Filters } from "./constants";

/** List or board of the same filtered companies: the switch keeps the filters. */
export function CompanyViews({ current, filters }: { current: "list" | "board"; filters: Filters }) {
  const { t } = useTranslation();
  const search = toSearch(filters) as never;
  return (
    <Group gap={4} component="nav" aria-label={t("companies.views")}>
      <Button
        component={Link}
        to="/betriebe"
        search={search}
        size="xs"
        variant={current === "list" ? "filled" : "default"}
        aria-current={current === "list" ? "page" : undefined}
      >
        {t("companies.list")}
      </Button>
      <Button
        component={Link}
        to="/betriebe/board"
        search={search}
        size="xs"
        variant={current === "board" ? "filled" : "default"}
        aria-current={current === "board" ? "page" : undefined}
      >
        {t("companies.board.title")}
      </Button>
    </Group>
  );
}
