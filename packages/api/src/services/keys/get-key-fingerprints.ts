import type { PrismaClient } from "@egress/db";
import { rootFingerprint } from "@egress/snapshot";
import type { TActor } from "../../trpc";
import { getCurrentRoot } from "./load-org-keys";

/**
 * The org's trust anchor as people compare it out of band: the root fingerprint exactly as
 * `rootFingerprint()` prints it (and `egress-sync enroll` shows), plus the keys and their history.
 */
export async function getKeyFingerprints({ db, actor }: { db: PrismaClient; actor: TActor }) {
  const root = await getCurrentRoot({ db, orgId: actor.orgId });
  const keys = await db.signingKey.findMany({
    where: { orgId: actor.orgId },
    orderBy: { createdAt: "desc" },
    select: { keyId: true, kind: true, rootVersion: true, createdAt: true, retiredAt: true },
  });

  return {
    rootVersion: root.version,
    rootFingerprint: rootFingerprint(root.document),
    rootIssuedAt: root.document.issuedAt,
    threshold: root.document.threshold,
    keys: keys.map((key) => ({ ...key, isActive: key.retiredAt === null })),
  };
}
