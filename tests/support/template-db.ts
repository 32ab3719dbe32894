import { tmpdir } from "node:os";
import path from "node:path";

/** Where the migrated template database (PGlite dump) is kept for one test run. */
export const pgliteTemplatePath = () => path.join(tmpdir(), `lotse-test-template-${process.env.LOTSE_TEST_RUN ?? "local"}.tar`);
export const postgresTemplateName = "lotse_test_template";
