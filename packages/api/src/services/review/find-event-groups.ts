import { Prisma, type PrismaClient, type TriageState } from "@egress/db";
import type { TActor } from "../../trpc";
import { decodeGroupCursor, encodeGroupCursor, likePattern, type TGroupSort } from "./group-cursor";
import { refreshEventGroups } from "./refresh-event-groups";

/** Filters of the review queue. Facet filters (agent, device, user, rule) match any event of a group. */
export type TEventGroupFilter = {
  state?: TriageState | undefined;
  kind?: "host" | "connector" | "command" | "tool" | undefined;
  search?: string | undefined;
  agent?: string | undefined;
  deviceId?: string | undefined;
  user?: string | undefined;
  rule?: string | undefined;
  /** Groups seen at or after this time. */
  from?: Date | undefined;
  /** Groups first seen before this time. */
  to?: Date | undefined;
};

export type TFindEventGroupsInput = { filter: TEventGroupFilter; sort: TGroupSort; cursor?: string | undefined; limit: number };

export type TEventGroupRow = {
  id: string;
  groupKey: string;
  kind: string;
  eventCount: number;
  blockCount: number;
  deviceCount: number;
  userCount: number;
  firstSeen: Date;
  lastSeen: Date;
  lastAgent: string | null;
  lastTool: string | null;
  lastDestination: string | null;
  lastRule: string | null;
  lastReason: string | null;
  lastExcerpt: string | null;
  triageState: TriageState;
  triageNote: string | null;
  triagedByLabel: string | null;
  triagedAt: Date | null;
  countAtTriage: number | null;
};

const iso = (date: Date) => date.toISOString();

function facet(name: string, value: string, from: Date | undefined) {
  const seen = from ? Prisma.sql` AND f."lastSeen" >= ${iso(from)}::timestamp(3)` : Prisma.empty;

  return Prisma.sql`EXISTS (SELECT 1 FROM "EventGroupFacet" f WHERE f."orgId" = g."orgId" AND f."groupKey" = g."groupKey" AND f.facet = ${name} AND f.value = ${value}${seen})`;
}

/**
 * The review queue: the org's event groups (refreshed from new events first), newest activity or
 * most events first, keyset-paginated over the aggregate's indexes, so a page costs the same with
 * a thousand or a million events behind it.
 */
export async function findEventGroups({ db, actor, input }: { db: PrismaClient; actor: TActor; input: TFindEventGroupsInput }) {
  const { filter, sort, limit } = input;
  const refresh = await refreshEventGroups({ db, orgId: actor.orgId });
  const where: Prisma.Sql[] = [Prisma.sql`g."orgId" = ${actor.orgId}`];
  if (filter.state) where.push(Prisma.sql`g."triageState" = ${filter.state}::"TriageState"`);
  if (filter.kind) where.push(Prisma.sql`g.kind = ${filter.kind}`);
  if (filter.search) where.push(Prisma.sql`g."groupKey" ILIKE ${likePattern(filter.search)}`);
  if (filter.agent) where.push(facet("agent", filter.agent, filter.from));
  if (filter.deviceId) where.push(facet("device", filter.deviceId, filter.from));
  if (filter.user) where.push(facet("user", filter.user, filter.from));
  if (filter.rule) where.push(facet("rule", filter.rule, filter.from));
  if (filter.from) where.push(Prisma.sql`g."lastSeen" >= ${iso(filter.from)}::timestamp(3)`);
  if (filter.to) where.push(Prisma.sql`g."firstSeen" < ${iso(filter.to)}::timestamp(3)`);
  if (input.cursor) {
    const after = decodeGroupCursor(sort, input.cursor);
    where.push(sort === "recent" ? Prisma.sql`(g."lastSeen", g.id) < (${String(after.value)}::timestamp(3), ${after.id})` : Prisma.sql`(g."eventCount", g.id) < (${Number(after.value)}::int, ${after.id})`);
  }
  const order = sort === "recent" ? Prisma.sql`g."lastSeen" DESC, g.id DESC` : Prisma.sql`g."eventCount" DESC, g.id DESC`;
  const [rows, states] = await Promise.all([
    db.$queryRaw<TEventGroupRow[]>`
      SELECT g.id, g."groupKey", g.kind, g."eventCount", g."blockCount", g."deviceCount", g."userCount", g."firstSeen", g."lastSeen", g."lastAgent", g."lastTool",
             g."lastDestination", g."lastRule", g."lastReason", g."lastExcerpt", g."triageState"::text AS "triageState", g."triageNote", g."triagedByLabel", g."triagedAt", g."countAtTriage"
      FROM "EventGroup" g WHERE ${Prisma.join(where, " AND ")} ORDER BY ${order} LIMIT ${limit + 1}::int`,
    db.eventGroup.groupBy({ by: ["triageState"], where: { orgId: actor.orgId }, _count: { _all: true } }),
  ]);
  const page = rows.slice(0, limit).map((row) => ({ ...row, firstSeen: new Date(row.firstSeen), lastSeen: new Date(row.lastSeen), triagedAt: row.triagedAt ? new Date(row.triagedAt) : null }));
  const last = page[page.length - 1];
  const stateCounts = { new: 0, acknowledged: 0, allowed: 0, dismissed: 0 };
  for (const s of states) stateCounts[s.triageState] = s._count._all;

  return { groups: page, nextCursor: rows.length > limit && last ? encodeGroupCursor(sort, last) : null, stateCounts, isCaughtUp: refresh.isCaughtUp };
}
