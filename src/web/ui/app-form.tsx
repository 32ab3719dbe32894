import { Stack, type StackProps } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";

/** Every form of the app: `noValidate`, because the app shows its own messages (see useFormChecks), not the browser's bubbles. */
export function AppForm({
  onSubmit,
  children,
  ...stack
}: StackProps & { onSubmit: (e: FormEvent<HTMLFormElement>) => void; children: ReactNode }) {
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack {...stack}>{children}</Stack>
    </form>
  );
}
