import { Box, Center, Loader } from "@mantine/core";
import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Navigate, Outlet, useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "./features/auth/use-me";
import { AppLayout } from "./ui/app-layout";
import { ErrorPage } from "./ui/error-page";
import { PublicLayout } from "./ui/public-layout";

// Each page is its own chunk, loaded when it is first visited (or hovered in the navigation).
const LoginPage = lazyRouteComponent(() => import("./features/auth/login-page"), "LoginPage");
const AboutPage = lazyRouteComponent(() => import("./features/about/about-page"), "AboutPage");
const OccupationsPage = lazyRouteComponent(() => import("./features/occupations/occupations-page"), "OccupationsPage");
const AccountPage = lazyRouteComponent(() => import("./features/account/account-page"), "AccountPage");
const UsersPage = lazyRouteComponent(() => import("./features/users/users-page"), "UsersPage");
const AuditPage = lazyRouteComponent(() => import("./features/audit/audit-page"), "AuditPage");
const TodayPage = lazyRouteComponent(() => import("./features/today/today-page"), "TodayPage");
const CompaniesPage = lazyRouteComponent(() => import("./features/companies/companies-page"), "CompaniesPage");
const CompaniesBoardPage = lazyRouteComponent(() => import("./features/companies/companies-board-page"), "CompaniesBoardPage");
const CompanyNewPage = lazyRouteComponent(() => import("./features/companies/company-new-page"), "CompanyNewPage");
const CompanyDetailPage = lazyRouteComponent(() => import("./features/companies/company-detail-page"), "CompanyDetailPage");
const ImportUploadPage = lazyRouteComponent(() => import("./features/imports/import-upload-page"), "ImportUploadPage");
const ImportDetailPage = lazyRouteComponent(() => import("./features/imports/import-detail-page"), "ImportDetailPage");
const OffersPage = lazyRouteComponent(() => import("./features/offers/offers-page"), "OffersPage");
const MapPage = lazyRouteComponent(() => import("./features/map/map-page"), "MapPage");
const CandidatesPage = lazyRouteComponent(() => import("./features/candidates/candidates-page"), "CandidatesPage");
const CandidateNewPage = lazyRouteComponent(() => import("./features/candidates/candidate-new-page"), "CandidateNewPage");
const CandidateDetailPage = lazyRouteComponent(() => import("./features/candidates/candidate-detail-page"), "CandidateDetailPage");
const ConsultationsPage = lazyRouteComponent(() => import("./features/consultations/consultations-page"), "ConsultationsPage");
const MatchesBoardPage = lazyRouteComponent(() => import("./features/matching/matches-board-page"), "MatchesBoardPage");
const RunsPage = lazyRouteComponent(() => import("./features/matching/runs-page"), "RunsPage");
const RunDetailPage = lazyRouteComponent(() => import("./features/matching/run-detail-page"), "RunDetailPage");
const OfferMatchingPage = lazyRouteComponent(() => import("./features/matching/offer-matching-page"), "OfferMatchingPage");
const ChainTemplatesPage = lazyRouteComponent(() => import("./features/chains/templates-page"), "TemplatesPage");
const ChainTemplatePage = lazyRouteComponent(() => import("./features/chains/template-page"), "TemplatePage");
const ChainRunsPage = lazyRouteComponent(() => import("./features/chains/runs-page"), "ChainRunsPage");
const ChainRunPage = lazyRouteComponent(() => import("./features/chains/run-page"), "ChainRunPage");
const RegistrationPage = lazyRouteComponent(() => import("./features/registration/registration-page"), "RegistrationPage");
const RegistrationConfirmPage = lazyRouteComponent(
  () => import("./features/registration/registration-confirm-page"),
  "RegistrationConfirmPage",
);

function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="50vh">
      <Loader aria-label={t("common.loading")} />
    </Center>
  );
}

const signedIn = (me: ReturnType<typeof useMe>["data"]) => (me && !me.secondFactorPending ? me : null);

/** Pages anyone may open (licences, "not found"): in the app's frame when signed in, else in the public one. */
function OpenFrame({ children }: { children?: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  const account = signedIn(me.data);
  return account ? <AppLayout me={account}>{children}</AppLayout> : <PublicLayout>{children}</PublicLayout>;
}

/** Everything behind the sign-in; a forced password change keeps the person on their account page. */
function SignedIn() {
  const me = useMe();
  const path = useRouterState({ select: (s) => s.location.pathname });
  if (me.isPending) return <PageLoader />;
  if (me.error) {
    return (
      <Box component="main">
        <ErrorPage error={me.error} />
      </Box>
    );
  }
  const account = signedIn(me.data);
  if (!account) return <Navigate to="/anmelden" />;
  if (account.mustChangePassword && path !== "/konto") return <Navigate to="/konto" />;
  return <AppLayout me={account} />;
}

function AdminOnly() {
  const me = useMe();
  return me.data?.role === "admin" ? <Outlet /> : <ErrorPage notFound />;
}

/** Companies, places, matching, the map and the Start page: counselling, coordination and administration; partners see none of it. */
const staffRoles: readonly string[] = ["admin", "coordinator", "counsellor"];
function StaffOnly() {
  const me = useMe();
  return me.data && staffRoles.includes(me.data.role) ? <Outlet /> : <ErrorPage notFound />;
}

/** Counsellors and coordinators start their day on "Heute"; administrators and partners on the occupations. */
function Start() {
  const me = useMe();
  return me.data?.role === "counsellor" || me.data?.role === "coordinator" ? <TodayPage /> : <Navigate to="/berufe" />;
}

function Account() {
  const me = useMe();
  return me.data ? <AccountPage me={me.data} /> : null;
}

const rootRoute = createRootRoute({
  component: Outlet,
  errorComponent: ({ error }) => (
    <Box component="main">
      <ErrorPage error={error} />
    </Box>
  ),
  notFoundComponent: () => (
    <OpenFrame>
      <ErrorPage notFound />
    </OpenFrame>
  ),
});

const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: "/anmelden", component: LoginPage });
const openRoute = createRoute({ getParentRoute: () => rootRoute, id: "open", component: OpenFrame });
const licencesRoute = createRoute({ getParentRoute: () => openRoute, path: "/lizenzen", component: AboutPage });
// The young people's own pages: no sign-in, five languages, their own frame.
const registrationRoute = createRoute({ getParentRoute: () => rootRoute, path: "/registrieren", component: RegistrationPage });
const registrationConfirmRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/registrieren/bestaetigen",
  component: RegistrationConfirmPage,
});

const appRoute = createRoute({ getParentRoute: () => rootRoute, id: "app", component: SignedIn });
const indexRoute = createRoute({ getParentRoute: () => appRoute, path: "/", component: Start });
const occupationsRoute = createRoute({ getParentRoute: () => appRoute, path: "/berufe", component: OccupationsPage });
const accountRoute = createRoute({ getParentRoute: () => appRoute, path: "/konto", component: Account });
const adminRoute = createRoute({ getParentRoute: () => appRoute, id: "admin", component: AdminOnly });
const usersRoute = createRoute({ getParentRoute: () => adminRoute, path: "/verwaltung/benutzer", component: UsersPage });
const auditRoute = createRoute({ getParentRoute: () => adminRoute, path: "/verwaltung/audit", component: AuditPage });

const staffRoute = createRoute({ getParentRoute: () => appRoute, id: "staff", component: StaffOnly });
const companiesRoute = createRoute({ getParentRoute: () => staffRoute, path: "/betriebe", component: CompaniesPage });
const companiesBoardRoute = createRoute({ getParentRoute: () => staffRoute, path: "/betriebe/board", component: CompaniesBoardPage });
const companyNewRoute = createRoute({ getParentRoute: () => staffRoute, path: "/betriebe/neu", component: CompanyNewPage });
const companyRoute = createRoute({ getParentRoute: () => staffRoute, path: "/betriebe/$id", component: CompanyDetailPage });
const importRoute = createRoute({ getParentRoute: () => staffRoute, path: "/betriebe/import", component: ImportUploadPage });
const importDetailRoute = createRoute({ getParentRoute: () => staffRoute, path: "/betriebe/import/$id", component: ImportDetailPage });
const offersRoute = createRoute({ getParentRoute: () => staffRoute, path: "/ausbildungsplaetze", component: OffersPage });
const mapRoute = createRoute({ getParentRoute: () => staffRoute, path: "/karte", component: MapPage });
const candidatesRoute = createRoute({ getParentRoute: () => staffRoute, path: "/jugendliche", component: CandidatesPage });
const candidateNewRoute = createRoute({ getParentRoute: () => staffRoute, path: "/jugendliche/neu", component: CandidateNewPage });
const candidateRoute = createRoute({ getParentRoute: () => staffRoute, path: "/jugendliche/$id", component: CandidateDetailPage });
const consultationsRoute = createRoute({ getParentRoute: () => staffRoute, path: "/beratungen", component: ConsultationsPage });
const offerMatchingRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/ausbildungsplaetze/$id/matching",
  component: OfferMatchingPage,
});
const matchingRoute = createRoute({
  getParentRoute: () => staffRoute,
  path: "/matching",
  component: () => <Navigate to="/matching/board" replace />,
});
const matchingBoardRoute = createRoute({ getParentRoute: () => staffRoute, path: "/matching/board", component: MatchesBoardPage });
const runsRoute = createRoute({ getParentRoute: () => staffRoute, path: "/matching/laeufe", component: RunsPage });
const runRoute = createRoute({ getParentRoute: () => staffRoute, path: "/matching/laeufe/$id", component: RunDetailPage });
const chainTemplatesRoute = createRoute({ getParentRoute: () => staffRoute, path: "/prozessketten", component: ChainTemplatesPage });
const chainRunsRoute = createRoute({ getParentRoute: () => staffRoute, path: "/prozessketten/laeufe", component: ChainRunsPage });
const chainRunRoute = createRoute({ getParentRoute: () => staffRoute, path: "/prozessketten/laeufe/$id", component: ChainRunPage });
const chainTemplateRoute = createRoute({ getParentRoute: () => staffRoute, path: "/prozessketten/$id", component: ChainTemplatePage });

const routeTree = rootRoute.addChildren([
  loginRoute,
  registrationRoute,
  registrationConfirmRoute,
  openRoute.addChildren([licencesRoute]),
  appRoute.addChildren([
    indexRoute,
    occupationsRoute,
    accountRoute,
    staffRoute.addChildren([
      companiesRoute,
      companiesBoardRoute,
      companyNewRoute,
      companyRoute,
      importRoute,
      importDetailRoute,
      offersRoute,
      mapRoute,
      candidatesRoute,
      candidateNewRoute,
      candidateRoute,
      consultationsRoute,
      offerMatchingRoute,
      matchingRoute,
      matchingBoardRoute,
      runsRoute,
      runRoute,
      chainTemplatesRoute,
      chainRunsRoute,
      chainRunRoute,
      chainTemplateRoute,
    ]),
    adminRoute.addChildren([usersRoute, auditRoute]),
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: "intent", defaultPendingComponent: PageLoader });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
