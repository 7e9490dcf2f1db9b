import { AppError } from "@egress/contracts";
import type { Prisma, PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";

/** Filters of {@link findEvents}; every one maps onto an `(orgId, …, occurredAt)` index. */
export type TFindEventsFilter = {
  deviceId?: string | undefined;
  groupKey?: string | undefined;
  triageState?: "new" | "acknowledged" | "allowed" | "dismissed" | undefined;
  type?: string | undefined;
  decision?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

/** The org's events, newest first, `limit` per page; `nextCursor` (an event id) fetches the next page. */
export async function findEvents({ db, actor, filter = {}, cursor, limit = 50 }: { db: PrismaClient; actor: TActor; filter?: TFindEventsFilter; cursor?: string | undefined; limit?: number }) {
  const where: Prisma.BlockEventWhereInput = {
    orgId: actor.orgId,
    ...(filter.deviceId ? { deviceId: filter.deviceId } : {}),
    ...(filter.groupKey ? { groupKey: filter.groupKey } : {}),
    ...(filter.triageState ? { triageState: filter.triageState } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.decision ? { decision: filter.decision } : {}),
    ...(filter.from || filter.to ? { occurredAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
  };
  const anchor = cursor ? await db.blockEvent.findFirst({ where: { id: cursor, orgId: actor.orgId }, select: { id: true } }) : null;
  if (cursor && !anchor) throw new AppError("BAD_REQUEST", `cursor \`${cursor.slice(0, 40)}\` is not valid: start again without it`);
  const rows = await db.blockEvent.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(anchor ? { cursor: { id: anchor.id }, skip: 1 } : {}),
    include: { device: { select: { name: true, hostname: true, owner: { select: { email: true } } } } },
  });
  const page = rows.slice(0, limit);

  return { events: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}
