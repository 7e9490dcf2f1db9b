import type { SNAPSHOT_ERROR_CODES } from "./constants";

/** DSSE-style signed envelope: `payload` is the base64 of the exact signed bytes (canonical JSON) */
export type TEnvelope = {
  payloadType: string;
  /** Standard base64 (with padding) of the exact signed payload bytes */
  payload: string;
  /** One entry per signing key; `sig` is the base64 Ed25519 signature over the DSSE PAE bytes */
  signatures: TEnvelopeSignature[];
};

/** One signature inside a {@link TEnvelope} */
export type TEnvelopeSignature = {
  /** Hex sha256 of the signer's raw 32-byte Ed25519 public key */
  keyid: string;
  /** Base64 of the 64-byte Ed25519 signature */
  sig: string;
};

/** An Ed25519 public key as it appears in root documents */
export type TPublicKey = {
  /** Hex sha256 of the raw 32-byte Ed25519 public key */
  keyid: string;
  /** Base64 of the raw 32-byte Ed25519 public key */
  publicKey: string;
};

/** A private signing key as the signing functions take it (server side only) */
export type TSigningKey = {
  keyid: string;
  /** PKCS#8 PEM of the Ed25519 private key */
  privateKeyPem: string;
};

/**
 * Root document: the org's trust anchor, pinned by the device at enrollment.
 * The root keys certify the online snapshot-signing keys; version N+1 must be signed
 * by `threshold` of the version N root keys and `threshold` of its own root keys
 */
export type TRootDocument = {
  type: "egress-root";
  specVersion: 1;
  org: string;
  version: number;
  /** ISO 8601 UTC timestamp */
  issuedAt: string;
  rootKeys: TPublicKey[];
  snapshotKeys: TPublicKey[];
  /** How many distinct root keys must sign a root document (1 ≤ threshold ≤ rootKeys.length) */
  threshold: number;
};

/** Snapshot document: one signed policy revision for one org and scope */
export type TSnapshotDocument = {
  type: "egress-snapshot";
  specVersion: 1;
  org: string;
  scope: string;
  /** Monotonic per (org, scope); the device refuses to go backwards */
  version: number;
  /** Opaque revision identifier of the policy content (e.g. the console's revision id) */
  revision: string;
  /** ISO 8601 UTC timestamp */
  issuedAt: string;
  /** ISO 8601 UTC timestamp; the snapshot is expired when `now >= expiresAt` */
  expiresAt: string;
  /** The policy document; opaque to this package, validated by `@egress/policy` */
  policy: unknown;
};

/** One precise code per verification failure (see the README for the meaning of each) */
export type TSnapshotErrorCode = (typeof SNAPSHOT_ERROR_CODES)[number];

/** A verification failure */
export type TVerifyFailure = { ok: false; code: TSnapshotErrorCode; message: string };

/** Result of every verify function: never throws on bad input, returns a code instead */
export type TVerifyResult<T> =
  | {
      ok: true;
      value: T;
      /** Hex sha256 of the payload bytes (the exact signed bytes) */
      digest: string;
    }
  | TVerifyFailure;

/** What the device persisted about the last snapshot it accepted, for rollback checks */
export type TLastSeen = {
  version: number;
  /** Hex sha256 of the accepted payload bytes (the `digest` of the accepted result) */
  digest: string;
};
