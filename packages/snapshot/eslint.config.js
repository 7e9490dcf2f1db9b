import { baseConfig, boundary } from "@egress/eslint-config";

export default [
  ...baseConfig({ tsconfigRootDir: import.meta.dirname }),
  boundary("snapshot", ["src/**/*.ts"]),
  {
    files: ["src/verify.ts", "src/verify/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["./sign", "./sign/*", "../sign", "../sign/*", "node:crypto#sign"], message: "import boundary: the device-side verify path must not import the signing code" }] }] },
  },
];
