import { baseConfig, boundary } from "@egress/eslint-config";

export default [
  ...baseConfig({ tsconfigRootDir: import.meta.dirname }),
  { ignores: ["test-results/**", "playwright-report/**", ".data/**"] },
  boundary("e2e", ["**/*.ts"]),
];
