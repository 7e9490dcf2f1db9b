import type { Prisma, PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";

/** Filters of {@link findDevices}. */
export type TFindDevicesFilter = { scope?: string | undefined; status?: "active" | "revoked" | "stale" | "all" | undefined; query?: string | undefined };

/**
 * The org's devices with what the fleet view needs: version in use vs the latest of its scope,
 * last pull, last seen (stale after the org's `staleDeviceHours`), owner, reported agents.
 */
export async function findDevices({ db, actor, filter = {}, now = new Date() }: { db: PrismaClient; actor: TActor; filter?: TFindDevicesFilter; now?: Date }) {
  const org = await db.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { staleDeviceHours: true } });
  const staleBefore = new Date(now.getTime() - org.staleDeviceHours * 3600 * 1000);
  const status = filter.status ?? "all";
  const where: Prisma.DeviceWhereInput = {
    orgId: actor.orgId,
    ...(filter.scope ? { scope: filter.scope } : {}),
    ...(status === "active" ? { revokedAt: null } : status === "revoked" ? { revokedAt: { not: null } } : {}),
    ...(status === "stale" ? { revokedAt: null, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: staleBefore } }] } : {}),
    ...(filter.query ? { AND: [{ OR: [{ name: { contains: filter.query, mode: "insensitive" } }, { hostname: { contains: filter.query, mode: "insensitive" } }, { owner: { email: { contains: filter.query, mode: "insensitive" } } }] }] } : {}),
  };
  const [devices, latest] = await Promise.all([
    db.device.findMany({ where, orderBy: { createdAt: "desc" }, take: 500, include: { owner: { select: { email: true, name: true } } } }),
    db.snapshot.groupBy({ by: ["scope"], where: { orgId: actor.orgId }, _max: { version: true } }),
  ]);
  const latestByScope = new Map(latest.map((row) => [row.scope, row._max.version]));

  return devices.map((device) => {
    const latestVersion = latestByScope.get(device.scope) ?? null;

    return {
      id: device.id,
      name: device.name,
      hostname: device.hostname,
      platform: device.platform,
      cliVersion: device.cliVersion,
      scope: device.scope,
      owner: device.owner ? { email: device.owner.email, name: device.owner.name } : null,
      agents: Array.isArray(device.agents) ? (device.agents as string[]) : [],
      snapshotVersion: device.snapshotVersion,
      latestVersion,
      isBehind: latestVersion !== null && (device.snapshotVersion ?? 0) < latestVersion,
      lastPullAt: device.lastPullAt,
      lastSeenAt: device.lastSeenAt,
      isStale: !device.revokedAt && (!device.lastSeenAt || device.lastSeenAt < staleBefore),
      revokedAt: device.revokedAt,
      revokedReason: device.revokedReason,
      createdAt: device.createdAt,
    };
  });
}
