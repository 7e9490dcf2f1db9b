import { defineConfig } from "vitest/config";

// End-to-end tests: the built CLI as a subprocess against the BUILT console (`next start`) on a
// fresh database — PGlite by default, PostgreSQL with EGRESS_TEST_DB=pg. Build first:
//   npx turbo run build --filter=@egress/console --filter=egress-sync
// One console per file; files run one after another (each starts its own console and database).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
  },
});
