// Public, safe-for-anyone entry: types, constants and the device-side verify functions.
// The signing code lives only in `@egress/snapshot/sign` (server side, never bundled into the CLI).

export * from "./verify";
