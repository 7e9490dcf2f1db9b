// Public, safe-for-anyone entry: types, constants and the device-side verify functions.
// The signing code lives only in `@egress/snapshot/sign` (server side).

export * from "./constants";
export type * from "./types";
export { decodeEnvelope, hasSnapshotKeysChanged, rootFingerprint, verifyRootChain, verifyRootDocument, verifySnapshot } from "./verify";
