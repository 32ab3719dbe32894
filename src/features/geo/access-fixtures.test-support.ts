import type { AccessFixture } from "../../../tests/support/access-fixture.js";

export const accessFixtures: AccessFixture[] = [
  {
    route: "GET /api/v1/geo/postcodes/{postcode}",
    make: async () => ({ params: { postcode: "06108" }, missingParams: { postcode: "00000" }, districtBound: false, secrets: [] }),
  },
];
