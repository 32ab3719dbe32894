import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Me } from "../../features/users/schema";
import { api } from "../api/client";
import { LanguageSwitch } from "./language-switch";

type NavItem = { to: string; label: string; roles?: Me["role"][] };

/** The left rail: a section appears only once its feature exists and the role may use it. */
export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const items: NavItem[] = [{ to: "/berufe", label: t("nav.occupations") }];
  const adminItems: NavItem[] = [
    { to: "/verwaltung/benutzer", label: t("nav.users"), roles: ["admin"] },
    { to: "/verwaltung/audit", label: t("nav.audit"), roles: ["admin"] },
  ];
  const admin = adminItems.filter((i) => i.roles?.includes(me.role));

  const logout = async () => {
    await api("POST", "/api/v1/auth/logout").catch(() => undefined);
    queryClient.clear();
    await navigate({ to: "/anmelden" });
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Navigation" />
            <Title order={1} size="h3">
              {t("app.name")}
            </Title>
          </Group>
          <Group gap="sm">
            <LanguageSwitch />
            <Text size="sm" visibleFrom="sm">
              {me.displayName}
            </Text>
            <Badge variant="light">{t(`roles.${me.role}`)}</Badge>
            <Button variant="subtle" size="xs" onClick={logout}>
              {t("nav.logout")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Hauptnavigation">
        <Stack gap={2}>
          {!me.mustChangePassword &&
            items.map((i) => <NavLink key={i.to} component={Link} to={i.to} label={i.label} active={path.startsWith(i.to)} />)}
          {!me.mustChangePassword && admin.length > 0 && (
            <NavLink label={t("nav.admin")} defaultOpened childrenOffset={12}>
              {admin.map((i) => (
                <NavLink key={i.to} component={Link} to={i.to} label={i.label} active={path.startsWith(i.to)} />
              ))}
            </NavLink>
          )}
          <NavLink component={Link} to="/konto" label={t("nav.account")} active={path === "/konto"} />
          <NavLink component={Link} to="/lizenzen" label={t("nav.licences")} active={path === "/lizenzen"} />
          <NavLink href="/api/docs" label={t("nav.apiDocs")} />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
