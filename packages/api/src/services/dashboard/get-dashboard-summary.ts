import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { refreshEventGroups } from "../review/refresh-event-groups";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Empty buckets from `since` to `now`, a day (or an hour for windows up to two days) wide. */
function timeline(since: Date, now: Date, step: number) {
  const start = Math.floor(since.getTime() / step) * step;
  const out: { at: Date; blocked: number; warned: number; total: number }[] = [];
  for (let t = start; t <= now.getTime(); t += step) out.push({ at: new Date(t), blocked: 0, warned: 0, total: 0 });

  return out;
}

/**
 * The overview: blocks over time (from the hourly aggregate, never the raw events), the most
 * blocked destinations, fleet freshness by last pull, pending requests and the triage backlog.
 */
export async function getDashboardSummary({ db, actor, input, now = new Date() }: { db: PrismaClient; actor: TActor; input: { days: number }; now?: Date }) {
  await refreshEventGroups({ db, orgId: actor.orgId });
  const since = new Date(now.getTime() - input.days * DAY);
  const step = input.days <= 2 ? HOUR : DAY;
  const [buckets, top, fleet, pending, oldestPending, triage, org] = await Promise.all([
    db.eventBucket.findMany({ where: { orgId: actor.orgId, hour: { gte: since } }, orderBy: { hour: "asc" } }),
    db.eventGroup.findMany({
      where: { orgId: actor.orgId, lastSeen: { gte: since } },
      orderBy: [{ eventCount: "desc" }, { id: "desc" }],
      take: 8,
      select: { id: true, groupKey: true, kind: true, eventCount: true, deviceCount: true, lastSeen: true, triageState: true },
    }),
    db.device.findMany({ where: { orgId: actor.orgId, revokedAt: null }, select: { lastPullAt: true, lastSeenAt: true, snapshotVersion: true, scope: true }, take: 50_000 }),
    db.accessRequest.count({ where: { orgId: actor.orgId, status: "pending" } }),
    db.accessRequest.findFirst({ where: { orgId: actor.orgId, status: "pending" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db.eventGroup.groupBy({ by: ["triageState"], where: { orgId: actor.orgId }, _count: { _all: true } }),
    db.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { staleDeviceHours: true } }),
  ]);
  const series = timeline(since, now, step);
  for (const b of buckets) {
    const slot = series[Math.floor((b.hour.getTime() - (series[0]?.at.getTime() ?? 0)) / step)];
    if (!slot) continue;
    slot.blocked += b.blocked;
    slot.warned += b.warned;
    slot.total += b.total;
  }
  const staleMs = org.staleDeviceHours * HOUR;
  const freshness = { lastHour: 0, lastDay: 0, withinThreshold: 0, stale: 0, never: 0 };
  for (const d of fleet) {
    const seen = Math.max(d.lastPullAt?.getTime() ?? 0, d.lastSeenAt?.getTime() ?? 0);
    const age = now.getTime() - seen;
    if (!d.lastPullAt) freshness.never += 1;
    else if (age > staleMs) freshness.stale += 1;
    else if (age <= HOUR) freshness.lastHour += 1;
    else if (age <= DAY) freshness.lastDay += 1;
    else freshness.withinThreshold += 1;
  }
  const triageCounts = { new: 0, acknowledged: 0, allowed: 0, dismissed: 0 };
  for (const t of triage) triageCounts[t.triageState] = t._count._all;

  return {
    bucket: step === HOUR ? ("hour" as const) : ("day" as const),
    blocksOverTime: series,
    topDestinations: top,
    fleet: { total: fleet.length, staleDeviceHours: org.staleDeviceHours, ...freshness },
    pendingRequests: { count: pending, oldestAt: oldestPending?.createdAt ?? null },
    triage: triageCounts,
  };
}
