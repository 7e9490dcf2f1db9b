import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests only (src/**/*.test.ts); Playwright specs live in the e2e workspace.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: { include: ["src/**/*.test.ts"], exclude: ["**/node_modules/**", "e2e/**", ".next/**"] },
});
