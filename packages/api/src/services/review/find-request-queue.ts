import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { findAccessRequests, type TFindAccessRequestsFilter } from "../requests/find-access-requests";
import { groupKeyForTarget } from "./group-cursor";
import { refreshEventGroups } from "./refresh-event-groups";

const RECENT_BLOCKS = 3;

/**
 * The reviewers' request queue: the fleet's request list (requester, device, justification,
 * decision) with, for each request, the review group its target matches (counts, devices, last
 * seen, triage), how often the requester's own device hit it, and the group's latest blocks.
 * A page costs one query per request on the `(orgId, groupKey, occurredAt)` index.
 */
export async function findRequestQueue({ db, actor, input }: { db: PrismaClient; actor: TActor; input: { status?: TFindAccessRequestsFilter["status"]; cursor?: string | undefined; limit: number } }) {
  await refreshEventGroups({ db, orgId: actor.orgId });
  const page = await findAccessRequests({ db, orgId: actor.orgId, filter: { status: input.status }, cursor: input.cursor, limit: input.limit });
  const keys = [...new Set(page.requests.map((r) => groupKeyForTarget(r.kind, r.target)))];
  const [groups, deviceFacets] = await Promise.all([
    db.eventGroup.findMany({ where: { orgId: actor.orgId, groupKey: { in: keys } } }),
    db.eventGroupFacet.findMany({
      where: { orgId: actor.orgId, facet: "device", groupKey: { in: keys }, value: { in: page.requests.flatMap((r) => (r.deviceId ? [r.deviceId] : [])) } },
    }),
  ]);
  const groupByKey = new Map(groups.map((g) => [g.groupKey, g]));
  const recent = new Map(
    await Promise.all(
      groups.map(
        async (g) =>
          [
            g.groupKey,
            await db.blockEvent.findMany({
              where: { orgId: actor.orgId, groupKey: g.groupKey, type: { in: ["egress_block", "egress_warn"] } },
              orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
              take: RECENT_BLOCKS,
              select: { id: true, occurredAt: true, agent: true, tool: true, rule: true, reason: true, excerpt: true, device: { select: { id: true, name: true } } },
            }),
          ] as const,
      ),
    ),
  );

  return {
    nextCursor: page.nextCursor,
    requests: page.requests.map((r) => {
      const key = groupKeyForTarget(r.kind, r.target);
      const group = groupByKey.get(key) ?? null;
      const own = r.deviceId ? deviceFacets.find((f) => f.groupKey === key && f.value === r.deviceId) : undefined;

      return {
        id: r.id,
        kind: r.kind,
        target: r.target,
        reason: r.reason,
        status: r.status,
        createdAt: r.createdAt,
        decidedAt: r.decidedAt,
        decisionNote: r.decisionNote,
        allowUntil: r.allowUntil,
        requester: r.requester ? { email: r.requester.email, name: r.requester.name } : null,
        decidedBy: r.decidedBy ? { email: r.decidedBy.email } : null,
        device: r.device ? { id: r.deviceId, name: r.device.name, scope: r.device.scope } : null,
        matchingGroup: group ? { id: group.id, eventCount: group.eventCount, deviceCount: group.deviceCount, lastSeen: group.lastSeen, triageState: group.triageState } : null,
        fromRequesterDevice: own ? { eventCount: own.eventCount, lastSeen: own.lastSeen } : null,
        recentBlocks: (recent.get(key) ?? []).map(({ device, ...e }) => ({ ...e, deviceName: device.name })),
      };
    }),
  };
}
