import type { TestContext } from "./test-app.js";

/**
 * What the route matrix test needs to call a route that has path parameters: real values for them,
 * a body that passes validation, and what must never leak to someone who may not see the record.
 * Each feature keeps its fixtures in `src/features/<name>/access-fixtures.test-support.ts`; a route with path
 * parameters and no fixture fails the matrix test.
 */
export type AccessFixture = {
  /** The route as in the OpenAPI document, e.g. "GET /api/v1/users/{id}". */
  route: string;
  make: (t: TestContext) => Promise<{
    /** Parameters of a record in Halle (15002) or Saalekreis (15088), or not district-bound. */
    params: Record<string, string>;
    /** Parameters of a record that does not exist. */
    missingParams: Record<string, string>;
    body?: unknown;
    /** True when the record belongs to a district: a counsellor of other districts must get 404. */
    districtBound: boolean;
    secrets: string[];
  }>;
};
