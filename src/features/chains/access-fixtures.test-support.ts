import type { AccessFixture } from "../../../tests/support/access-fixture.js";
import { demo, type TestContext } from "../../../tests/support/test-app.js";
import { occupationId } from "../matching/helpers.test-support.js";
import { syncChainReference } from "./reference.js";
import type { Run, TemplatePage } from "./schema.js";

const missing = "00000000-0000-4000-8000-000000000000";

async function call<T>(t: TestContext, as: string, method: string, path: string, body: unknown, status: number): Promise<T> {
  const res = await t.request(method, path, { as, body });
  if (res.status !== status) throw new Error(`fixture ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A draft for Halle copied from the seeded Halle chain (templates are not district-bound: every staff role reads them). */
async function halleDraft(t: TestContext) {
  await syncChainReference(t.db, t.clock.now);
  const as = await t.signIn(demo.coordinator);
  const page = await call<TemplatePage>(t, as, "GET", "/api/v1/chains/templates?district=15002&status=published", undefined, 200);
  const source = page.items[0]?.id as string;
  const { id } = await call<{ id: string }>(t, as, "POST", `/api/v1/chains/templates/${source}/transfer`, { district: "15002" }, 201);
  return { id, source };
}

/** A young person in Halle with a Duldung, a place in Halle, their match at `contract` and its run: made through the API. */
async function halleRun(t: TestContext) {
  await syncChainReference(t.db, t.clock.now);
  const as = await t.signIn(demo.admin);
  const lastName = `Kette-${Math.random().toString(36).slice(2, 8)}`;
  const { id: companyId } = await call<{ id: string }>(
    t,
    as,
    "POST",
    "/api/v1/companies",
    { name: `Kettenbetrieb ${lastName}`, postalCode: "06108", confirmNotDuplicate: true },
    201,
  );
  const body = { companyId, kind: "training", occupationId: occupationId("Koch/Köchin"), places: 1, startDate: "2027-08-01" };
  const { id: offerId } = await call<{ id: string }>(t, as, "POST", "/api/v1/offers", body, 201);
  const person = {
    firstName: "Amal",
    lastName,
    birthDate: "2005-03-14",
    postalCode: "06108",
    desiredOccupationIds: [occupationId("Koch/Köchin")],
  };
  const { id: candidateId } = await call<{ id: string }>(t, as, "POST", "/api/v1/candidates", person, 201);
  await call(t, as, "POST", `/api/v1/candidates/${candidateId}/consents`, { purposes: ["matching"], recipients: [] }, 201);
  await call(t, as, "PUT", `/api/v1/candidates/${candidateId}/residence`, { status: "duldung", workPermission: "needs_approval" }, 200);
  const { id: matchId } = await call<{ id: string }>(t, as, "POST", "/api/v1/matches", { candidateId, offerId }, 201);
  await call(t, as, "PATCH", `/api/v1/matches/${matchId}`, { stage: "contract" }, 200);
  const run = await call<Run>(t, as, "POST", "/api/v1/chains/runs", { matchId }, 201);
  return { runId: run.id, stepId: run.steps.find((s) => s.code === "contract_registration")?.id as string, lastName };
}

/**
 * One record per test app, made on first use: the matrix calls a route's fixture once per role, and the calls
 * (reads, a step set to "in progress", a publish refused for unchecked fields) leave the record usable.
 */
function once<T>(make: (t: TestContext) => Promise<T>): (t: TestContext) => Promise<T> {
  const made = new WeakMap<TestContext, Promise<T>>();
  return (t) => {
    let p = made.get(t);
    if (!p) {
      p = make(t);
      made.set(t, p);
    }
    return p;
  };
}
const sharedDraft = once(halleDraft);
const sharedRun = once(halleRun);

const template = (
  route: string,
  body?: unknown,
  params: (m: { id: string; source: string }) => Record<string, string> = (m) => ({ id: m.id }),
): AccessFixture => ({
  route,
  make: async (t) => {
    const made = await sharedDraft(t);
    return { params: params(made), missingParams: { id: missing }, body, districtBound: false, secrets: [] };
  },
});

const run = (route: string, body?: unknown): AccessFixture => ({
  route,
  make: async (t) => {
    const made = await sharedRun(t);
    return {
      params: { id: made.runId, stepId: made.stepId },
      missingParams: { id: missing, stepId: missing },
      body,
      districtBound: true,
      secrets: [made.lastName],
    };
  },
});

export const accessFixtures: AccessFixture[] = [
  template("GET /api/v1/chains/templates/{id}"),
  template("PATCH /api/v1/chains/templates/{id}", { name: "Prozesskette Halle (Matrix)" }),
  template("POST /api/v1/chains/templates/{id}/transfer", { district: "15002" }, (m) => ({ id: m.source })),
  template("GET /api/v1/chains/templates/{id}/diff"),
  template("POST /api/v1/chains/templates/{id}/publish", {}),
  template("POST /api/v1/chains/templates/{id}/versions"),
  template("GET /api/v1/chains/templates/{id}/handout.pdf"),
  run("GET /api/v1/chains/runs/{id}"),
  run("PATCH /api/v1/chains/runs/{id}/steps/{stepId}", { status: "in_progress" }),
  run("GET /api/v1/chains/runs/{id}/handout.pdf"),
];
