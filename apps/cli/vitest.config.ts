import { defineConfig } from "vitest/config";

// Unit and built-CLI tests against in-process fakes. Tests against a real console process live in
// test/e2e and run with vitest.e2e.config.ts (npm run test:e2e / test:e2e:pg).
export default defineConfig({
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], exclude: ["test/e2e/**", "**/node_modules/**"], testTimeout: 60_000, hookTimeout: 120_000 },
});
