import { AppError, type TSnapshotResponse } from "@egress/contracts";
import type { Device, PrismaClient } from "@egress/db";

/** What the device reported in its `x-egress-*` headers. */
export type TDeviceReport = { cliVersion?: string | undefined; agents?: string[] | undefined; snapshotVersion?: number | undefined; rootVersion?: number | undefined };

/**
 * The latest snapshot of the device's own org and scope (never another's), with every root newer
 * than the one the device holds. Records last seen / last pull / version in use. A matching
 * `If-None-Match` digest answers `notModified`. Nothing published → NO_SNAPSHOT naming the scope.
 */
/** Last seen / last pull are recorded at most this often per device (a fleet polls; the row need not be rewritten on every 304). */
export const DEVICE_SEEN_RESOLUTION_MS = 60_000;

export async function pullSnapshot({ db, device, report, ifNoneMatch, now = new Date() }: { db: PrismaClient; device: Device; report: TDeviceReport; ifNoneMatch?: string | undefined; now?: Date }) {
  const hasNews =
    (report.snapshotVersion !== undefined && report.snapshotVersion !== device.snapshotVersion) ||
    (report.cliVersion !== undefined && report.cliVersion !== device.cliVersion) ||
    (report.agents !== undefined && JSON.stringify(report.agents) !== JSON.stringify(device.agents));
  const isStale = !device.lastPullAt || now.getTime() - device.lastPullAt.getTime() >= DEVICE_SEEN_RESOLUTION_MS;
  if (hasNews || isStale) {
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
  }
  // The head first: a conditional pull (the common case) never loads the envelope.
  const head = await db.snapshot.findFirst({
    where: { orgId: device.orgId, scope: device.scope },
    orderBy: { version: "desc" },
    select: { id: true, digest: true },
  });
  if (!head) throw new AppError("NO_SNAPSHOT", `no policy has been published for scope \`${device.scope}\` yet: ask your security team to publish one, then run \`egress-sync pull\` again`);
  const newerRoots = { orgId: device.orgId, version: { gt: report.rootVersion ?? 0 } };
  // A root rotation alone leaves the snapshot as it was: a device that names an older root still gets the newer roots
  const hasNewerRoot = report.rootVersion !== undefined && (await db.rootDocument.count({ where: newerRoots })) > 0;
  if (ifNoneMatch === head.digest && !hasNewerRoot) return { notModified: true as const, digest: head.digest };
  const [snapshot, roots] = await Promise.all([
    db.snapshot.findUniqueOrThrow({ where: { id: head.id } }),
    db.rootDocument.findMany({ where: newerRoots, orderBy: { version: "asc" }, take: 64, select: { envelope: true } }),
  ]);
  const body: TSnapshotResponse = {
    snapshot: snapshot.envelope as TSnapshotResponse["snapshot"],
    roots: roots.map((root) => root.envelope as TSnapshotResponse["snapshot"]),
    version: snapshot.version,
    issuedAt: snapshot.issuedAt.toISOString(),
    expiresAt: snapshot.expiresAt.toISOString(),
  };

  return { notModified: false as const, digest: snapshot.digest, body };
}
