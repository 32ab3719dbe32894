import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/integration/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // Tests that start processes or build databases set their own, longer timeouts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
