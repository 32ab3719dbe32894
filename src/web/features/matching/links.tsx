import { Anchor, type AnchorProps } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";

type Props = AnchorProps & { id: string; children: ReactNode; "aria-label"?: string };

/** A link to a young person's "Matching" tab, styled as the app's links. */
export function PersonMatchingLink({ id, children, ...props }: Props) {
  return (
    <Anchor
      {...props}
      renderRoot={(root) => <Link {...root} to="/jugendliche/$id" params={{ id }} search={{ tab: "matching" } as never} />}
    >
      {children}
    </Anchor>
  );
}

/** A link to a young person's consents (to record one that names a company). */
export function PersonConsentsLink({ id, children, ...props }: Props) {
  return (
    <Anchor
      {...props}
      renderRoot={(root) => <Link {...root} to="/jugendliche/$id" params={{ id }} search={{ tab: "consents" } as never} />}
    >
      {children}
    </Anchor>
  );
}

/** A link to the young people who fit a place. */
export function OfferMatchingLink({ id, children, ...props }: Props) {
  return (
    <Anchor {...props} renderRoot={(root) => <Link {...root} to="/ausbildungsplaetze/$id/matching" params={{ id }} />}>
      {children}
    </Anchor>
  );
}

/** A link to one matching run. */
export function RunLink({ id, children, ...props }: Props) {
  return (
    <Anchor {...props} renderRoot={(root) => <Link {...root} to="/matching/laeufe/$id" params={{ id }} />}>
      {children}
    </Anchor>
  );
}
