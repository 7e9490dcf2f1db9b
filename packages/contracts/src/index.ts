export * from "./permissions";
export * from "./errors";
export * from "./rest/common";
export * from "./rest/device";
export * from "./rest/admin";
