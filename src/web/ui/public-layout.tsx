import { Box, Button, Group, Text } from "@mantine/core";
import { Link, Outlet } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "./language-switch";
import { SkipLink } from "./skip-link";

/** The frame of public pages for people who are not signed in: the name, the language and the way to sign in. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <Box component="header" px="md" py="xs" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
        <Group justify="space-between" gap="xs">
          <Text component={Link} to="/anmelden" fw={700} size="xl" c="var(--mantine-color-text)" td="none">
            {t("app.name")}
          </Text>
          <Group gap="sm">
            <LanguageSwitch />
            <Button component={Link} to="/anmelden" variant="light" size="xs">
              {t("nav.signIn")}
            </Button>
          </Group>
        </Group>
      </Box>
      <Box component="main" id="main" tabIndex={-1} p="md">
        {children ?? <Outlet />}
      </Box>
    </>
  );
}
