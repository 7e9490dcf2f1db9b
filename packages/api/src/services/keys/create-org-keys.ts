import type { Prisma } from "@egress/db";
import { createRootDocument, encryptPrivateKey, generateSigningKey } from "@egress/snapshot/sign";
import { getKeyAad } from "./key-aad";

/**
 * Creates an org's trust anchor inside the org-creation transaction: one Ed25519 root key, one
 * snapshot-signing key, and root document v1 (self-signed by the root key) certifying the signing
 * key. Private keys are stored only encrypted with the KEK (aad = org id + key id).
 */
export async function createOrgKeys(opts: { tx: Prisma.TransactionClient; orgId: string; orgSlug: string; kek: Buffer }): Promise<void> {
  const { tx, orgId, kek } = opts;
  const rootKey = generateSigningKey();
  const snapshotKey = generateSigningKey();
  const { envelope } = createRootDocument({
    org: orgId,
    version: 1,
    issuedAt: new Date(),
    rootKeys: [rootKey],
    snapshotKeys: [snapshotKey],
    signers: [rootKey],
  });
  await tx.signingKey.createMany({
    data: [
      { kind: "root" as const, key: rootKey },
      { kind: "snapshot" as const, key: snapshotKey },
    ].map(({ kind, key }) => ({
      orgId,
      kind,
      keyId: key.keyid,
      publicKey: key.publicKey,
      encryptedPrivateKey: encryptPrivateKey({ privateKeyPem: key.privateKeyPem, kek, aad: getKeyAad({ orgId, keyId: key.keyid }) }),
      rootVersion: 1,
    })),
  });
  await tx.rootDocument.create({ data: { orgId, version: 1, envelope } });
}
