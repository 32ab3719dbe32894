import { Anchor, type AnchorProps } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

/** A link to a company's page, styled as the app's links. */
export function CompanyLink({ id, children, ...props }: AnchorProps & { id: string; children: ReactNode; style?: React.CSSProperties }) {
  return (
    <Anchor {...props} renderRoot={(root) => <Link {...root} to="/betriebe/$id" params={{ id }} />}>
      {children}
    </Anchor>
  );
}
