import type { AccessFixture } from "../../../tests/support/access-fixture.js";

export const accessFixtures: AccessFixture[] = [
  {
    route: "GET /api/v1/occupations/{id}",
    make: async () => ({ params: { id: "tischler" }, missingParams: { id: "gibt-es-nicht" }, districtBound: false, secrets: [] }),
  },
];
