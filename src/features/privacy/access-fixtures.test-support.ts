import type { AccessFixture } from "../../../tests/support/access-fixture.js";
import { candidateRoute } from "../candidates/access-fixtures.test-support.js";

export const accessFixtures: AccessFixture[] = [
  candidateRoute("GET /api/v1/candidates/{id}/consents"),
  candidateRoute("POST /api/v1/candidates/{id}/consents", () => ({ purposes: ["counselling"] })),
  candidateRoute("POST /api/v1/candidates/{id}/consents/{consentId}/withdraw"),
  candidateRoute("POST /api/v1/candidates/{id}/consents/{consentId}/confirm"),
  candidateRoute("GET /api/v1/candidates/{id}/consent-form"),
  candidateRoute("POST /api/v1/candidates/{id}/shares", () => ({ recipient: { partnerName: "Jobcenter Halle (Saale)" } })),
  candidateRoute("GET /api/v1/candidates/{id}/data-export"),
  candidateRoute("POST /api/v1/candidates/{id}/erase", (made) => ({ confirmName: `Samira ${made.lastName}` })),
];
