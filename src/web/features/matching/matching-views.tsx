import { Button, Group } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

/** The two views of the matching section: the board of all matches and the matching runs. */
export function MatchingViews({ current }: { current: "board" | "runs" }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} component="nav" aria-label={t("matching.views")}>
      <Button
        component={Link}
        to="/matching/board"
        size="xs"
        variant={current === "board" ? "filled" : "default"}
        aria-current={current === "board" ? "page" : undefined}
      >
        {t("matching.board.nav")}
      </Button>
      <Button
        component={Link}
        to="/matching/laeufe"
        size="xs"
        variant={current === "runs" ? "filled" : "default"}
        aria-current={current === "runs" ? "page" : undefined}
      >
        {t("matching.runs.nav")}
      </Button>
    </Group>
  );
}
