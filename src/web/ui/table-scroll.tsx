import { Box } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * A wide table scrolls sideways inside its own box on a phone, the page never does. The box is a named,
 * focusable region, so it can be scrolled with the arrow keys, too.
 */
export function TableScroll({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%", position: "relative" }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
