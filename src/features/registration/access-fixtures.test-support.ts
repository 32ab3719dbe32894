import type { AccessFixture } from "../../../tests/support/access-fixture.js";

export const accessFixtures: AccessFixture[] = [
  {
    route: "GET /api/v1/registration/texts/{language}",
    make: async () => ({ params: { language: "ar" }, missingParams: { language: "xx" }, districtBound: false, secrets: [] }),
  },
];
