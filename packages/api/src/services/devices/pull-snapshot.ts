import { AppError, type TSnapshotResponse } from "@egress/contracts";
import type { Device, PrismaClient } from "@egress/db";

/** What the device reported in its `x-egress-*` headers. */
export type TDeviceReport = { cliVersion?: string | undefined; agents?: string[] | undefined; snapshotVersion?: number | undefined; rootVersion?: number | undefined };

/**
 * The latest snapshot of the device's own org and scope (never another's), with every root newer
 * than the one the device holds. Records last seen / last pull / version in use. A matching
 * `If-None-Match` digest answers `notModified`. Nothing published → NO_SNAPSHOT naming the scope.
 */
export async function pullSnapshot({ db, device, report, ifNoneMatch, now = new Date() }: { db: PrismaClient; device: Device; report: TDeviceReport; ifNoneMatch?: string | undefined; now?: Date }) {
  await db.device.update({
    where: { id: device.id },
    data: {
      lastSeenAt: now,
      lastPullAt: now,
      ...(report.snapshotVersion === undefined ? {} : { snapshotVersion: report.snapshotVersion }),
      ...(report.cliVersion === undefined ? {} : { cliVersion: report.cliVersion }),
      ...(report.agents === undefined ? {} : { agents: report.agents }),
    },
  });
  const snapshot = await db.snapshot.findFirst({ where: { orgId: device.orgId, scope: device.scope }, orderBy: { version: "desc" } });
  if (!snapshot) throw new AppError("NO_SNAPSHOT", `no policy has been published for scope \`${device.scope}\` yet: ask your security team to publish one, then run \`egress-sync pull\` again`);
  const roots = await db.rootDocument.findMany({
    where: { orgId: device.orgId, version: { gt: report.rootVersion ?? 0 } },
    orderBy: { version: "asc" },
    take: 64,
    select: { envelope: true },
  });
  // A root rotation alone leaves the snapshot as it was: a device that names an older root still gets the newer roots
  const hasNewerRoot = report.rootVersion !== undefined && roots.length > 0;
  if (ifNoneMatch === snapshot.digest && !hasNewerRoot) return { notModified: true as const, digest: snapshot.digest };
  const body: TSnapshotResponse = {
    snapshot: snapshot.envelope as TSnapshotResponse["snapshot"],
    roots: roots.map((root) => root.envelope as TSnapshotResponse["snapshot"]),
    version: snapshot.version,
    issuedAt: snapshot.issuedAt.toISOString(),
    expiresAt: snapshot.expiresAt.toISOString(),
  };

  return { notModified: false as const, digest: snapshot.digest, body };
}
