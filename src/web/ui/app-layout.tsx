import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Me } from "../../features/users/schema";
import { api } from "../api/client";
import { LanguageSwitch } from "./language-switch";
import { SkipLink } from "./skip-link";

type NavItem = { to: string; label: string; roles?: Me["role"][] };
const matchingEntry = "/matching/board";
const chainsEntry = "/prozessketten";

/**
 * The frame of every signed-in page: header, the left rail (a drawer behind the burger on a phone) and
 * the page in `main`. A section appears only once its feature exists and the role may use it.
 */
export function AppLayout({ me, children }: { me: Me; children?: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  // Below the "sm" breakpoint the rail is a drawer; shut, it is out of reach of the keyboard, too.
  const phone = useMediaQuery("(max-width: 48em)");
  const path = useRouterState({ select: (s) => s.location.pathname });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const staff: Me["role"][] = ["admin", "coordinator", "counsellor"];
  const all: NavItem[] = [
    // Administrators start on the occupations (see routes.tsx): "Start" is the counsellors' and coordinators' day.
    { to: "/", label: t("today.nav"), roles: ["coordinator", "counsellor"] },
    { to: "/betriebe", label: t("companies.title"), roles: staff },
    { to: "/ausbildungsplaetze", label: t("offers.title"), roles: staff },
    { to: "/jugendliche", label: t("candidates.title"), roles: staff },
    { to: "/beratungen", label: t("consultations.title"), roles: staff },
    { to: matchingEntry, label: t("matching.nav"), roles: staff },
    { to: chainsEntry, label: t("chains.nav"), roles: staff },
    { to: "/karte", label: t("map.title"), roles: staff },
    { to: "/berufe", label: t("nav.occupations") },
  ];
  const items = all.filter((i) => !i.roles || i.roles.includes(me.role));
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
  // Choosing an entry closes the drawer on a phone (on a wide screen the rail stays as it is).
  const link = (i: NavItem, active: boolean) => (
    <NavLink key={i.to} component={Link} to={i.to} label={i.label} active={active} onClick={close} />
  );
  // Matching leads to its board; while the section is open, its two views (board, runs) stand beneath it.
  const inMatching = path.startsWith("/matching");
  const matchingLinks = (i: NavItem) => (
    <Fragment key={i.to}>
      <NavLink component={Link} to={i.to} label={i.label} active={inMatching} variant={inMatching ? "subtle" : undefined} onClick={close} />
      {inMatching && (
        <Stack gap={2} pl="md">
          {link({ to: "/matching/board", label: t("matching.board.nav") }, path.startsWith("/matching/board"))}
          {link({ to: "/matching/laeufe", label: t("matching.runs.nav") }, path.startsWith("/matching/laeufe"))}
        </Stack>
      )}
    </Fragment>
  );
  // Process chains lead to the templates; while the section is open, templates and runs stand beneath it.
  const inChains = path.startsWith(chainsEntry);
  // The runs live below the templates' address: "exact" keeps the router from marking the templates as the current page there.
  const inRuns = path.startsWith("/prozessketten/laeufe");
  const chainLinks = (i: NavItem) => (
    <Fragment key={i.to}>
      <NavLink
        component={Link}
        to={i.to}
        activeOptions={{ exact: true }}
        label={i.label}
        active={inChains}
        variant={inChains ? "subtle" : undefined}
        onClick={close}
      />
      {inChains && (
        <Stack gap={2} pl="md">
          <NavLink
            component={Link}
            to={chainsEntry}
            activeOptions={{ exact: true }}
            label={t("chains.templates.nav")}
            active={!inRuns}
            onClick={close}
          />
          {link({ to: "/prozessketten/laeufe", label: t("chains.runs.nav") }, inRuns)}
        </Stack>
      )}
    </Fragment>
  );
  const who = (
    <>
      <Text size="sm">{me.displayName}</Text>
      <Badge variant="light">{t(`roles.${me.role}`)}</Badge>
    </>
  );

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <SkipLink />
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("nav.menu")}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Text component={Link} to="/" fw={700} size="xl" c="var(--mantine-color-text)" td="none">
              {t("app.name")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Group gap="sm" wrap="nowrap" visibleFrom="sm">
              {who}
              <Button variant="subtle" size="xs" onClick={logout}>
                {t("nav.logout")}
              </Button>
            </Group>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" id="main-navigation" aria-label={t("nav.main")} inert={phone && !opened}>
        <Stack gap={2}>
          {!me.mustChangePassword &&
            items.map((i) =>
              i.to === matchingEntry
                ? matchingLinks(i)
                : i.to === chainsEntry
                  ? chainLinks(i)
                  : link(i, i.to === "/" ? path === "/" : path.startsWith(i.to)),
            )}
          {!me.mustChangePassword && admin.length > 0 && (
            <NavLink component="button" label={t("nav.admin")} defaultOpened childrenOffset={12}>
              {admin.map((i) => link(i, path.startsWith(i.to)))}
            </NavLink>
          )}
          {link({ to: "/konto", label: t("nav.account") }, path === "/konto")}
          {link({ to: "/lizenzen", label: t("nav.licences") }, path === "/lizenzen")}
          <NavLink
            component="a"
            href="/api/docs"
            target="_blank"
            rel="noopener"
            onClick={close}
            label={
              <>
                {t("nav.apiDocs")} <span aria-hidden="true">↗</span>
                <VisuallyHidden>{t("nav.newTab")}</VisuallyHidden>
              </>
            }
          />
        </Stack>
        <Stack gap="xs" mt="md" pt="md" hiddenFrom="sm" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
          <Group gap="sm">{who}</Group>
          <Button variant="default" onClick={logout}>
            {t("nav.logout")}
          </Button>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children ?? <Outlet />}
      </AppShell.Main>
    </AppShell>
  );
}
