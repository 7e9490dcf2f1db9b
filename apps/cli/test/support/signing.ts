import { createRootDocument, generateSigningKey, signSnapshot } from "@egress/snapshot/sign";
import type { TGeneratedSigningKey } from "@egress/snapshot/sign";
import type { TEnvelope, TRootDocument, TSnapshotDocument } from "@egress/snapshot";
import { rootFingerprint } from "@egress/snapshot/verify";

// Test-only keys and signed documents (tests may import the signing side; src never does).

export type TOrgKeys = { org: string; rootKey: TGeneratedSigningKey; snapshotKey: TGeneratedSigningKey; root: TRootDocument; rootEnvelope: TEnvelope; fingerprint: string };

/** A fresh org with a v1 root (one root key, one snapshot key) */
export function createOrg(org = "org_demo"): TOrgKeys {
  const rootKey = generateSigningKey();
  const snapshotKey = generateSigningKey();
  const { document, envelope } = createRootDocument({ org, version: 1, issuedAt: new Date(Date.now() - 60_000), rootKeys: [rootKey], snapshotKeys: [snapshotKey], signers: [rootKey] });

  return { org, rootKey, snapshotKey, root: document, rootEnvelope: envelope, fingerprint: rootFingerprint(document) };
}

/** Rotates both keys: root v(N+1) signed by the old and the new root key */
export function rotateOrg(previous: TOrgKeys): TOrgKeys {
  const rootKey = generateSigningKey();
  const snapshotKey = generateSigningKey();
  const { document, envelope } = createRootDocument({
    org: previous.org,
    version: previous.root.version + 1,
    issuedAt: new Date(),
    rootKeys: [rootKey],
    snapshotKeys: [snapshotKey],
    signers: [previous.rootKey, rootKey],
    previous: previous.root,
  });

  return { org: previous.org, rootKey, snapshotKey, root: document, rootEnvelope: envelope, fingerprint: rootFingerprint(document) };
}

/** The policy most tests use: github.com and api.example.com allowed, log level 1 */
export const TEST_POLICY = { version: 1, mode: "enforce", logLevel: 1, hosts: { allow: ["github.com", "api.example.com"] } };

/** Signs a snapshot for `keys.org` (overrides for tamper cases) */
export function makeSnapshot(opts: {
  keys: TOrgKeys;
  version?: number;
  scope?: string;
  org?: string;
  policy?: unknown;
  issuedAt?: Date;
  expiresAt?: Date;
  revision?: string;
  signWith?: TGeneratedSigningKey;
}): { envelope: TEnvelope; document: TSnapshotDocument } {
  const now = Date.now();
  const document: TSnapshotDocument = {
    type: "egress-snapshot",
    specVersion: 1,
    org: opts.org ?? opts.keys.org,
    scope: opts.scope ?? "default",
    version: opts.version ?? 1,
    revision: opts.revision ?? `rev_${opts.version ?? 1}`,
    issuedAt: (opts.issuedAt ?? new Date(now - 60_000)).toISOString(),
    expiresAt: (opts.expiresAt ?? new Date(now + 7 * 24 * 3600_000)).toISOString(),
    policy: opts.policy ?? TEST_POLICY,
  };
  const envelope = signSnapshot({ document, key: opts.signWith ?? opts.keys.snapshotKey });

  return { envelope, document };
}
