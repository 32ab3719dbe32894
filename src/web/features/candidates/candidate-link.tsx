import { Anchor, type AnchorProps } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

/** A link to a young person's page, styled as the app's links. */
export function CandidateLink({ id, children, ...props }: AnchorProps & { id: string; children: ReactNode; style?: React.CSSProperties }) {
  return (
    <Anchor {...props} renderRoot={(root) => <Link {...root} to="/jugendliche/$id" params={{ id }} />}>
      {children}
    </Anchor>
  );
}
