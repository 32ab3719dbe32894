import type { AccessFixture } from "../../../tests/support/access-fixture.js";
import { demo, type TestContext } from "../../../tests/support/test-app.js";
import { dryRun } from "./imports.test-support.js";

const missing = "00000000-0000-4000-8000-000000000000";

/** An import of a Halle company by the counsellor of Halle, its dry run done: theirs, the coordinators' and admins' to see. */
async function halleImport(t: TestContext) {
  const name = `Matrix-Import ${Math.random().toString(36).slice(2, 8)}`;
  const id = await dryRun(
    t,
    await t.signIn(demo.counsellorHalle),
    { content: `Name;PLZ;Beruf;Beginn\n${name};06108;Tischler/-in;01.08.2027\n` },
    "csv",
  );
  return { id, name };
}

const importRoute = (route: string, districtBound: boolean): AccessFixture => ({
  route,
  make: async (t) => {
    const made = await halleImport(t);
    return { params: { id: made.id }, missingParams: { id: missing }, districtBound, secrets: [made.name] };
  },
});

export const accessFixtures: AccessFixture[] = [
  importRoute("GET /api/v1/imports/{id}", true),
  importRoute("GET /api/v1/imports/{id}/rejected", true),
  // Answers 202 (a job), which the matrix's district check does not expect; imports.test.ts checks the 404.
  importRoute("POST /api/v1/imports/{id}/commit", false),
];
