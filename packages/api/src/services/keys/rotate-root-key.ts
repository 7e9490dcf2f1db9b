import type { PrismaClient } from "@egress/db";
import { rootFingerprint } from "@egress/snapshot";
import { createRootDocument, generateSigningKey, getPublicKey } from "@egress/snapshot/sign";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { TActor } from "../../trpc";
import { getKek } from "./kek";
import { getCurrentRoot, loadActiveKeys } from "./load-org-keys";
import { storeSigningKey } from "./store-signing-key";

/**
 * Replaces the root key: root N+1 lists the new root key (and the current snapshot keys) and is
 * signed by the OLD and the NEW root key, so enrolled devices follow the chain without
 * re-enrolling. The old root key is retired; the fingerprint changes (compare it out of band).
 */
export async function rotateRootKey(opts: { db: PrismaClient; actor: TActor; kek?: Buffer }) {
  const { db, actor } = opts;
  const kek = opts.kek ?? getKek();

  return db.$transaction(async (tx) => {
    const orgId = actor.orgId;
    const root = await getCurrentRoot({ db: tx, orgId });
    const oldRootKeys = await loadActiveKeys({ db: tx, orgId, kind: "root", kek });
    const newKey = generateSigningKey();
    const version = root.version + 1;
    const { document, envelope } = createRootDocument({
      org: orgId,
      version,
      issuedAt: new Date(),
      rootKeys: [newKey],
      snapshotKeys: root.document.snapshotKeys,
      threshold: 1,
      signers: [...oldRootKeys, newKey],
      previous: root.document,
    });
    await tx.rootDocument.create({ data: { orgId, version, envelope } });
    await tx.signingKey.updateMany({ where: { orgId, kind: "root", retiredAt: null }, data: { retiredAt: new Date() } });
    await storeSigningKey({ tx, orgId, kind: "root", key: newKey, rootVersion: version, kek });
    const fingerprint = rootFingerprint(document);
    await writeAuditEvent(tx, actor, {
      action: "keys.root_rotated",
      targetType: "signing_key",
      targetId: newKey.keyid,
      before: { rootKeys: oldRootKeys.map((k) => getPublicKey(k.privateKeyPem).keyid), rootVersion: root.version, fingerprint: rootFingerprint(root.document) },
      after: { rootKeys: [newKey.keyid], rootVersion: version, fingerprint },
    });

    return { rootVersion: version, keyId: newKey.keyid, rootFingerprint: fingerprint };
  });
}
