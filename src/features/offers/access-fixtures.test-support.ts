import type { AccessFixture } from "../../../tests/support/access-fixture.js";
import { demo } from "../../../tests/support/test-app.js";
import { halleCompany } from "../companies/access-fixtures.test-support.js";

const missing = "00000000-0000-4000-8000-000000000000";

const offerRoute = (route: string, body?: unknown): AccessFixture => ({
  route,
  make: async (t) => {
    const company = await halleCompany(t);
    const res = await t.request("POST", "/api/v1/offers", {
      as: await t.signIn(demo.coordinator),
      body: { companyId: company.id, kind: "training", occupationId: "tischler", places: 2, startDate: "2027-08-01" },
    });
    if (res.status !== 201) throw new Error(`fixture offer: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    return { params: { id }, missingParams: { id: missing }, body, districtBound: true, secrets: [company.name] };
  },
});

export const accessFixtures: AccessFixture[] = [
  offerRoute("GET /api/v1/offers/{id}"),
  offerRoute("PATCH /api/v1/offers/{id}", { places: 3 }),
  offerRoute("DELETE /api/v1/offers/{id}"),
];
