import type { Prisma } from "@egress/db";
import { encryptPrivateKey, type TGeneratedSigningKey } from "@egress/snapshot/sign";
import { getKeyAad } from "./key-aad";

/** Stores a generated key with its private half encrypted under the KEK (never in clear). */
export async function storeSigningKey(opts: { tx: Prisma.TransactionClient; orgId: string; kind: "root" | "snapshot"; key: TGeneratedSigningKey; rootVersion: number; kek: Buffer }) {
  const { tx, orgId, kind, key, rootVersion, kek } = opts;

  return tx.signingKey.create({
    data: {
      orgId,
      kind,
      keyId: key.keyid,
      publicKey: key.publicKey,
      encryptedPrivateKey: encryptPrivateKey({ privateKeyPem: key.privateKeyPem, kek, aad: getKeyAad({ orgId, keyId: key.keyid }) }),
      rootVersion,
    },
  });
}
