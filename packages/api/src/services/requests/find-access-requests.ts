import type { Prisma, PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";

/** Filters of {@link findAccessRequests}. */
export type TFindAccessRequestsFilter = { status?: "pending" | "approved" | "denied" | "expired" | undefined; deviceId?: string | undefined };

/** The org's access requests (newest first, cursor paginated), or only one device's (`deviceId`) for the device API. */
export async function findAccessRequests({ db, orgId, filter = {}, cursor, limit = 50 }: { db: PrismaClient; orgId: TActor["orgId"]; filter?: TFindAccessRequestsFilter; cursor?: string | undefined; limit?: number }) {
  const where: Prisma.AccessRequestWhereInput = { orgId, ...(filter.status ? { status: filter.status } : {}), ...(filter.deviceId ? { deviceId: filter.deviceId } : {}) };
  const anchor = cursor ? await db.accessRequest.findFirst({ where: { id: cursor, orgId }, select: { id: true } }) : null;
  const rows = await db.accessRequest.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(anchor ? { cursor: { id: anchor.id }, skip: 1 } : {}),
    include: { requester: { select: { email: true, name: true } }, decidedBy: { select: { email: true } }, device: { select: { name: true, scope: true } } },
  });
  const page = rows.slice(0, limit);

  return { requests: page, nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}
