import { Anchor, type AnchorProps, Button, Group } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Props = AnchorProps & { id: string; children: ReactNode; "aria-label"?: string };

/** A link to one chain template. */
export function TemplateLink({ id, children, ...props }: Props) {
  return (
    <Anchor {...props} renderRoot={(root) => <Link {...root} to="/prozessketten/$id" params={{ id }} />}>
      {children}
    </Anchor>
  );
}

/** A link to one run of a chain (one match). */
export function ChainRunLink({ id, children, ...props }: Props) {
  return (
    <Anchor {...props} renderRoot={(root) => <Link {...root} to="/prozessketten/laeufe/$id" params={{ id }} />}>
      {children}
    </Anchor>
  );
}

/** The two views of the section: the templates per district and the runs per match. */
export function ChainViews({ current }: { current: "templates" | "runs" }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} component="nav" aria-label={t("chains.views")}>
      <Button
        component={Link}
        to="/prozessketten"
        size="xs"
        variant={current === "templates" ? "filled" : "default"}
        aria-current={current === "templates" ? "page" : undefined}
      >
        {t("chains.templates.nav")}
      </Button>
      <Button
        component={Link}
        to="/prozessketten/laeufe"
        size="xs"
        variant={current === "runs" ? "filled" : "default"}
        aria-current={current === "runs" ? "page" : undefined}
      >
        {t("chains.runs.nav")}
      </Button>
    </Group>
  );
}
