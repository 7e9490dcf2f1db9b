import { AppError } from "@egress/contracts";
import type { Prisma, PrismaClient } from "@egress/db";
import { verifyRootDocument, type TRootDocument } from "@egress/snapshot";
import { decryptPrivateKey } from "@egress/snapshot/sign";
import type { TSigningKey } from "@egress/snapshot";
import { getKeyAad } from "./key-aad";

type TDb = PrismaClient | Prisma.TransactionClient;

/** The org's newest root document, decoded and checked against its own root keys. */
export async function getCurrentRoot({ db, orgId }: { db: TDb; orgId: string }): Promise<{ version: number; document: TRootDocument; envelope: unknown }> {
  const row = await db.rootDocument.findFirst({ where: { orgId }, orderBy: { version: "desc" } });
  if (!row) throw new AppError("INTERNAL", "organization has no root document: its signing keys were never created");
  const verified = verifyRootDocument({ envelope: row.envelope });
  if (!verified.ok) throw new AppError("INTERNAL", `stored root document \`v${row.version}\` does not verify: ${verified.message}`);

  return { version: row.version, document: verified.value, envelope: row.envelope };
}

/** Decrypts the active (not retired) keys of one kind; the PEMs stay in memory only. */
export async function loadActiveKeys({ db, orgId, kind, kek }: { db: TDb; orgId: string; kind: "root" | "snapshot"; kek: Buffer }): Promise<(TSigningKey & { id: string })[]> {
  const rows = await db.signingKey.findMany({ where: { orgId, kind, retiredAt: null }, orderBy: { createdAt: "desc" } });
  if (rows.length === 0) throw new AppError("INTERNAL", `organization has no active ${kind} key`);

  return rows.map((row) => ({
    id: row.id,
    keyid: row.keyId,
    privateKeyPem: decryptPrivateKey({ encrypted: row.encryptedPrivateKey, kek, aad: getKeyAad({ orgId, keyId: row.keyId }) }),
  }));
}

/** The key that signs new snapshots: the active snapshot key the current root certifies. */
export async function loadSnapshotSigner({ db, orgId, kek }: { db: TDb; orgId: string; kek: Buffer }): Promise<{ key: TSigningKey; root: TRootDocument }> {
  const root = await getCurrentRoot({ db, orgId });
  const keys = await loadActiveKeys({ db, orgId, kind: "snapshot", kek });
  const key = keys.find((candidate) => root.document.snapshotKeys.some((entry) => entry.keyid === candidate.keyid));
  if (!key) throw new AppError("INTERNAL", `no active snapshot key is certified by root \`v${root.version}\``);

  return { key: { keyid: key.keyid, privateKeyPem: key.privateKeyPem }, root: root.document };
}
