import { baseConfig, boundary } from "@egress/eslint-config";

export default [...baseConfig({ tsconfigRootDir: import.meta.dirname }), boundary("contracts", ["src/**/*.ts"])];
