import type { AccessFixture } from "../../../tests/support/access-fixture.js";
import { demo, type TestContext } from "../../../tests/support/test-app.js";
import { matchingRequests, occupationId } from "./helpers.test-support.js";

const missing = "00000000-0000-4000-8000-000000000000";

async function post<T>(t: TestContext, as: string, path: string, body: unknown, status: number): Promise<T> {
  const res = await t.request("POST", path, { as, body });
  if (res.status !== status) throw new Error(`fixture ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A young person in Halle with a matching consent, a place in Halle, their match, and a run over Halle: made through the API. */
async function halleMatch(t: TestContext) {
  const as = await t.signIn(demo.coordinator);
  const lastName = `Matrix-${Math.random().toString(36).slice(2, 8)}`;
  const { id: companyId } = await post<{ id: string }>(
    t,
    as,
    "/api/v1/companies",
    { name: `Matrixbetrieb ${lastName}`, postalCode: "06108", confirmNotDuplicate: true },
    201,
  );
  const { id: offerId } = await post<{ id: string }>(
    t,
    as,
    "/api/v1/offers",
    { companyId, kind: "training", occupationId: occupationId("Koch/Köchin"), places: 1, startDate: "2027-08-01" },
    201,
  );
  const { id: candidateId } = await post<{ id: string }>(
    t,
    as,
    "/api/v1/candidates",
    { firstName: "Samira", lastName, birthDate: "2005-03-14", postalCode: "06108", desiredOccupationIds: [occupationId("Koch/Köchin")] },
    201,
  );
  await post(
    t,
    as,
    `/api/v1/candidates/${candidateId}/consents`,
    { purposes: ["matching", "share_with_company"], recipients: [companyId] },
    201,
  );
  await post(t, as, `/api/v1/companies/${companyId}/contacts`, { name: "Frau Matrix", email: "ausbildung@matrix.example" }, 201);
  const { id: matchId } = await post<{ id: string }>(t, as, "/api/v1/matches", { candidateId, offerId }, 201);
  const { id: runId } = await post<{ id: string }>(t, as, "/api/v1/matching/runs", { mode: "optimal", districts: ["15002"] }, 202);
  await matchingRequests(t).runJobs();
  return { candidateId, offerId, matchId, runId, lastName };
}

type Made = Awaited<ReturnType<typeof halleMatch>>;

const route = (name: string, params: (m: Made) => Record<string, string>, body?: unknown): AccessFixture => ({
  route: name,
  make: async (t) => {
    const made = await halleMatch(t);
    return { params: params(made), missingParams: { id: missing }, body, districtBound: true, secrets: [made.lastName] };
  },
});

export const accessFixtures: AccessFixture[] = [
  route("GET /api/v1/candidates/{id}/suggestions", (m) => ({ id: m.candidateId })),
  route("GET /api/v1/offers/{id}/suggestions", (m) => ({ id: m.offerId })),
  route("GET /api/v1/matching/runs/{id}", (m) => ({ id: m.runId })),
  route("POST /api/v1/matching/runs/{id}/accept", (m) => ({ id: m.runId }), {}),
  route("GET /api/v1/matches/{id}", (m) => ({ id: m.matchId })),
  route("PATCH /api/v1/matches/{id}", (m) => ({ id: m.matchId }), { stage: "interview" }),
  route("POST /api/v1/matches/{id}/proposal", (m) => ({ id: m.matchId }), {}),
];
