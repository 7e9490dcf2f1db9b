import type { PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import { createSnapshot, lockPolicy } from "./create-snapshot";

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a snapshot is due for re-signing: within min(ttl / 2, 24 h) of its expiry. */
export function getResignWindowMs(ttlSeconds: number): number {
  return Math.min((ttlSeconds * 1000) / 2, DAY_MS);
}

/**
 * Re-signs the SAME published revision with a higher version and a fresh expiry for every org and
 * scope whose latest snapshot expires soon, or carries a temporary grant that has lapsed since it
 * was issued, so devices never freeze while the policy is unchanged and expired allows disappear.
 */
export async function resignExpiringSnapshots({ db, now = new Date(), kek }: { db: PrismaClient; now?: Date; kek: Buffer }) {
  // The latest snapshot of every org and scope, straight from the (orgId, scope, version) index
  const latestIds = await db.$queryRaw<{ id: string }[]>`SELECT DISTINCT ON ("orgId", "scope") "id" FROM "Snapshot" ORDER BY "orgId", "scope", "version" DESC`;
  const latest = await db.snapshot.findMany({
    where: { id: { in: latestIds.map((row) => row.id) } },
    select: { id: true, orgId: true, scope: true, policyId: true, version: true, revisionId: true, issuedAt: true, expiresAt: true, org: { select: { snapshotTtlSeconds: true } } },
  });
  const resigned: { orgId: string; scope: string; version: number; reason: "expiring" | "grant_lapsed" }[] = [];
  for (const snapshot of latest) {
    const isExpiring = snapshot.expiresAt.getTime() - now.getTime() <= getResignWindowMs(snapshot.org.snapshotTtlSeconds);
    const lapsed = isExpiring
      ? 0
      : await db.accessRequest.count({
          where: { orgId: snapshot.orgId, status: "approved", allowUntil: { gt: snapshot.issuedAt, lte: now }, ...(snapshot.scope === "default" ? { OR: [{ device: { scope: "default" } }, { deviceId: null }] } : { device: { scope: snapshot.scope } }) },
        });
    if (!isExpiring && lapsed === 0) continue;
    const reason = isExpiring ? "expiring" : "grant_lapsed";
    const created = await db.$transaction(async (tx) => {
      await lockPolicy({ tx, policyId: snapshot.policyId });
      // Another instance may have re-signed (or someone published) meanwhile
      const current = await tx.snapshot.findFirst({ where: { orgId: snapshot.orgId, scope: snapshot.scope }, orderBy: { version: "desc" }, select: { version: true } });
      if (current && current.version !== snapshot.version) return null;
      const next = await createSnapshot({ tx, orgId: snapshot.orgId, policyId: snapshot.policyId, revisionId: snapshot.revisionId, kek, now });
      await writeAuditEvent(tx, { userId: null, orgId: snapshot.orgId, label: "system", type: "system" }, {
        action: "snapshot.resigned",
        targetType: "snapshot",
        targetId: next.id,
        after: { scope: snapshot.scope, version: next.version, previousVersion: snapshot.version, reason, expiresAt: next.expiresAt },
      });

      return next;
    });
    if (created) resigned.push({ orgId: snapshot.orgId, scope: snapshot.scope, version: created.version, reason });
  }

  return { resigned };
}
