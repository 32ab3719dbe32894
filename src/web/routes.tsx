import { Center, Loader } from "@mantine/core";
import { createRootRoute, createRoute, createRouter, Navigate, Outlet, useRouterState } from "@tanstack/react-router";
import { AboutPage } from "./features/about/about-page";
import { AccountPage } from "./features/account/account-page";
import { AuditPage } from "./features/audit/audit-page";
import { LoginPage } from "./features/auth/login-page";
import { useMe } from "./features/auth/use-me";
import { OccupationsPage } from "./features/occupations/occupations-page";
import { UsersPage } from "./features/users/users-page";
import { AppLayout } from "./ui/app-layout";
import { ErrorPage } from "./ui/error-page";

const rootRoute = createRootRoute({
  component: Outlet,
  errorComponent: ({ error }) => <ErrorPage error={error} />,
  notFoundComponent: () => <ErrorPage notFound />,
});

const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: "/anmelden", component: LoginPage });
const licencesRoute = createRoute({ getParentRoute: () => rootRoute, path: "/lizenzen", component: AboutPage });

/** Everything behind the sign-in; a forced password change keeps the person on their account page. */
function SignedIn() {
  const me = useMe();
  const path = useRouterState({ select: (s) => s.location.pathname });
  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Wird geladen" />
      </Center>
    );
  }
  if (me.error) return <ErrorPage error={me.error} />;
  if (!me.data || me.data.secondFactorPending) return <Navigate to="/anmelden" />;
  if (me.data.mustChangePassword && path !== "/konto") return <Navigate to="/konto" />;
  return <AppLayout me={me.data} />;
}

function AdminOnly({ children }: { children: React.ReactNode }) {
  const me = useMe();
  return me.data?.role === "admin" ? children : <ErrorPage notFound />;
}

function Account() {
  const me = useMe();
  return me.data ? <AccountPage me={me.data} /> : null;
}

const appRoute = createRoute({ getParentRoute: () => rootRoute, id: "app", component: SignedIn });
const indexRoute = createRoute({ getParentRoute: () => appRoute, path: "/", component: () => <Navigate to="/berufe" /> });
const occupationsRoute = createRoute({ getParentRoute: () => appRoute, path: "/berufe", component: OccupationsPage });
const accountRoute = createRoute({ getParentRoute: () => appRoute, path: "/konto", component: Account });
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/verwaltung/benutzer",
  component: () => (
    <AdminOnly>
      <UsersPage />
    </AdminOnly>
  ),
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/verwaltung/audit",
  component: () => (
    <AdminOnly>
      <AuditPage />
    </AdminOnly>
  ),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  licencesRoute,
  appRoute.addChildren([indexRoute, occupationsRoute, accountRoute, usersRoute, auditRoute]),
]);

export const router = createRouter({ routeTree });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
