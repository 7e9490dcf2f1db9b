import type { PrismaClient } from "@egress/db";
import { createRootDocument, generateSigningKey, getPublicKey } from "@egress/snapshot/sign";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { TActor } from "../../trpc";
import { getKek } from "./kek";
import { getCurrentRoot, loadActiveKeys } from "./load-org-keys";
import { resignCurrentSnapshots } from "./resign-current-snapshots";
import { storeSigningKey } from "./store-signing-key";

/**
 * Replaces the online snapshot-signing key: root N+1 (same root keys, signed by them) certifies
 * only the new key, the old one is retired, and every scope's current snapshot is re-signed with
 * the new key under a higher version so devices move on at their next pull.
 */
export async function rotateSigningKey(opts: { db: PrismaClient; actor: TActor; kek?: Buffer }) {
  const { db, actor } = opts;
  const kek = opts.kek ?? getKek();

  return db.$transaction(async (tx) => {
    const orgId = actor.orgId;
    const root = await getCurrentRoot({ db: tx, orgId });
    const rootKeys = await loadActiveKeys({ db: tx, orgId, kind: "root", kek });
    const oldKeys = await tx.signingKey.findMany({ where: { orgId, kind: "snapshot", retiredAt: null }, select: { keyId: true } });
    const newKey = generateSigningKey();
    const version = root.version + 1;
    const { envelope } = createRootDocument({
      org: orgId,
      version,
      issuedAt: new Date(),
      rootKeys: rootKeys.map((key) => getPublicKey(key.privateKeyPem)),
      snapshotKeys: [newKey],
      threshold: root.document.threshold,
      signers: rootKeys,
      previous: root.document,
    });
    await tx.rootDocument.create({ data: { orgId, version, envelope } });
    await tx.signingKey.updateMany({ where: { orgId, kind: "snapshot", retiredAt: null }, data: { retiredAt: new Date() } });
    await storeSigningKey({ tx, orgId, kind: "snapshot", key: newKey, rootVersion: version, kek });
    const resigned = await resignCurrentSnapshots({ tx, orgId, kek });
    await writeAuditEvent(tx, actor, {
      action: "keys.signing_rotated",
      targetType: "signing_key",
      targetId: newKey.keyid,
      before: { snapshotKeys: oldKeys.map((k) => k.keyId), rootVersion: root.version },
      after: { snapshotKeys: [newKey.keyid], rootVersion: version, resigned },
    });

    return { rootVersion: version, keyId: newKey.keyid, resigned };
  });
}
