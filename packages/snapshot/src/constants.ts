/** Payload type of a snapshot envelope */
export const SNAPSHOT_PAYLOAD_TYPE = "application/vnd.egress.snapshot+json";

/** Payload type of a root document envelope */
export const ROOT_PAYLOAD_TYPE = "application/vnd.egress.root+json";

/** The only document `specVersion` this package understands */
export const SPEC_VERSION = 1;

/** Largest accepted snapshot payload, in bytes (decoded, before parsing) */
export const MAX_SNAPSHOT_BYTES = 4 * 1024 * 1024;

/** Largest accepted root document payload, in bytes (decoded, before parsing) */
export const MAX_ROOT_BYTES = 64 * 1024;

/** Most root rotations accepted in one `verifyRootChain` call */
export const MAX_ROOT_ROTATIONS = 64;

/** Most signatures accepted in one envelope */
export const MAX_SIGNATURES = 16;

/** Most keys accepted in each key list of a root document */
export const MAX_KEYS_PER_ROLE = 16;

/** Longest accepted `org`, `scope` and `revision` string */
export const MAX_NAME_LENGTH = 256;

/** Largest accepted serialized envelope (JSON text or bytes), checked before parsing */
export const MAX_ENVELOPE_BYTES = Math.ceil(MAX_SNAPSHOT_BYTES / 3) * 4 + 16 * 1024;

/** How far `issuedAt` may lie in the future of the verifier's clock before a document counts as not yet valid */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Every verification error code, in the order the checks run */
export const SNAPSHOT_ERROR_CODES = [
  "oversize",
  "malformed",
  "unknown_key",
  "bad_signature",
  "broken_root_chain",
  "wrong_org",
  "wrong_scope",
  "rollback",
  "expired",
] as const;
