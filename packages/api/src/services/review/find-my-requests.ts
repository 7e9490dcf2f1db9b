import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";

/** The signed-in member's own requests (filed in the console or from their devices), newest first. */
export async function findMyRequests({ db, actor, limit }: { db: PrismaClient; actor: TActor; limit: number }) {
  if (!actor.userId) return [];

  return db.accessRequest.findMany({
    where: { orgId: actor.orgId, requesterId: actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, target: true, reason: true, status: true, createdAt: true, decidedAt: true, decisionNote: true, allowUntil: true, device: { select: { name: true } } },
  });
}
