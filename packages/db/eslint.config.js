import { baseConfig, boundary } from "@egress/eslint-config";

export default [...baseConfig({ tsconfigRootDir: import.meta.dirname }), boundary("db", ["src/**/*.ts"])];
