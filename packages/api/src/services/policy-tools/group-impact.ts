import type { Prisma, PrismaClient } from "@egress/db";
import type { TEventTuple } from "./synthetic-call";

type TOutcome = { effect: "allow" | "deny"; rule: string; reason: string; wouldDeny: boolean };

/** One replayed tuple whose decision changes between the published policy and the draft. */
export type TImpactChange = TEventTuple & {
  direction: "newly_allowed" | "newly_blocked";
  events: number;
  before: TOutcome;
  after: TOutcome;
  devices: { id: string; name: string; events: number }[];
  users: { name: string; events: number }[];
};

type TTally = { newlyAllowed: number; newlyBlocked: number };

const bump = (map: Map<string, TTally>, key: string, direction: TImpactChange["direction"], n: number) => {
  const t = map.get(key) ?? { newlyAllowed: 0, newlyBlocked: 0 };
  if (direction === "newly_allowed") t.newlyAllowed += n;
  else t.newlyBlocked += n;
  map.set(key, t);
};

/**
 * Breaks the most frequent `limit` changes down by device and user (one more grouped query over
 * the same window, restricted to those tuples), and totals them by destination, device and user.
 */
export async function groupImpact({ db, where, changes, limit }: { db: PrismaClient; where: Prisma.BlockEventWhereInput; changes: TImpactChange[]; limit: number }) {
  const sorted = [...changes].sort((a, b) => b.events - a.events);
  const detailed = sorted.slice(0, limit);
  const key = (t: TEventTuple) => JSON.stringify({ agent: t.agent, kind: t.kind, tool: t.tool, destination: t.destination });
  const byKey = new Map(detailed.map((c) => [key(c), c]));
  const rows =
    detailed.length === 0
      ? []
      : await db.blockEvent.groupBy({
          by: ["agent", "kind", "tool", "destination", "deviceId", "userName"],
          where: { AND: [where, { OR: detailed.map((c) => ({ agent: c.agent, kind: c.kind, tool: c.tool, destination: c.destination })) }] },
          _count: { _all: true },
        });
  const deviceIds = [...new Set(rows.map((r) => r.deviceId))];
  const devices = new Map((await db.device.findMany({ where: { orgId: (where as { orgId: string }).orgId, id: { in: deviceIds } }, select: { id: true, name: true } })).map((d) => [d.id, d.name]));
  const byDevice = new Map<string, TTally>();
  const byUser = new Map<string, TTally>();
  const byDestination = new Map<string, TTally>();
  for (const row of rows) {
    const change = byKey.get(key(row));
    if (!change) continue;
    const n = row._count._all;
    const device = change.devices.find((d) => d.id === row.deviceId);
    if (device) device.events += n;
    else change.devices.push({ id: row.deviceId, name: devices.get(row.deviceId) ?? row.deviceId, events: n });
    const userName = row.userName ?? "(unknown user)";
    const user = change.users.find((u) => u.name === userName);
    if (user) user.events += n;
    else change.users.push({ name: userName, events: n });
    bump(byDevice, row.deviceId, change.direction, n);
    bump(byUser, userName, change.direction, n);
  }
  for (const change of sorted) bump(byDestination, change.destination ?? `(${change.tool ?? "no destination"})`, change.direction, change.events);
  const list = <T extends object>(map: Map<string, TTally>, make: (k: string) => T) =>
    [...map.entries()].map(([k, t]) => ({ ...make(k), ...t })).sort((a, b) => b.newlyAllowed + b.newlyBlocked - (a.newlyAllowed + a.newlyBlocked));

  return {
    changes: sorted,
    isDetailCapped: sorted.length > limit,
    byDestination: list(byDestination, (destination) => ({ destination })),
    byDevice: list(byDevice, (id) => ({ deviceId: id, deviceName: devices.get(id) ?? id })),
    byUser: list(byUser, (userName) => ({ userName })),
  };
}
