import { baseConfig, boundary } from "@egress/eslint-config";

export default [
  ...baseConfig({ tsconfigRootDir: import.meta.dirname }),
  { ignores: ["next-env.d.ts"] },
  // Browser-reachable code (pages, components, the tRPC client) never imports the database or the
  // API internals; only server wiring and route handlers do.
  { ...boundary("consoleClient", ["src/**/*.ts", "src/**/*.tsx"]), ignores: ["src/server/**", "src/app/api/**", "src/instrumentation*.ts"] },
];
