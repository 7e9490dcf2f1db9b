import { AppError } from "@egress/contracts";
import type { Prisma, PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";

/** An org's event group by id; another org's (or an unknown) id is NOT_FOUND. */
export async function getEventGroupRow({ db, orgId, groupId }: { db: PrismaClient | Prisma.TransactionClient; orgId: string; groupId: string }) {
  const group = await db.eventGroup.findFirst({ where: { id: groupId, orgId } });
  if (!group) throw new AppError("NOT_FOUND", `event group \`${groupId.slice(0, 64)}\` not found`);

  return group;
}

/**
 * One group with who and what it came from: the devices (name, owner), users, agents and rules
 * with the most events, from the facet table (its primary key starts with org and group).
 */
export async function getEventGroup({ db, actor, groupId }: { db: PrismaClient; actor: TActor; groupId: string }) {
  const group = await getEventGroupRow({ db, orgId: actor.orgId, groupId });
  const facets = await db.eventGroupFacet.findMany({
    where: { orgId: actor.orgId, groupKey: group.groupKey },
    orderBy: [{ eventCount: "desc" }, { value: "asc" }],
    take: 200,
  });
  const top = (name: string) => facets.filter((f) => f.facet === name).slice(0, 10).map((f) => ({ value: f.value, eventCount: f.eventCount, lastSeen: f.lastSeen }));
  const deviceFacets = top("device");
  const devices = await db.device.findMany({
    where: { orgId: actor.orgId, id: { in: deviceFacets.map((f) => f.value) } },
    select: { id: true, name: true, hostname: true, owner: { select: { email: true } } },
  });
  const byId = new Map(devices.map((d) => [d.id, d]));

  return {
    group,
    devices: deviceFacets.map((f) => {
      const device = byId.get(f.value);

      return { id: f.value, name: device?.name ?? "(removed device)", hostname: device?.hostname ?? null, ownerEmail: device?.owner?.email ?? null, eventCount: f.eventCount, lastSeen: f.lastSeen };
    }),
    users: top("user"),
    agents: top("agent"),
    rules: top("rule"),
  };
}
