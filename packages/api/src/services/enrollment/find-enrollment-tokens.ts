import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";

/** Whether a token can still enroll, and if not why. */
export function getTokenState(row: { revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number }, now: Date): "active" | "expired" | "exhausted" | "revoked" {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";

  return row.uses >= row.maxUses ? "exhausted" : "active";
}

/** The org's enrollment tokens, newest first, with their state; never the secret or its hash. */
export async function findEnrollmentTokens({ db, actor, now = new Date() }: { db: PrismaClient; actor: TActor; now?: Date }) {
  const rows = await db.enrollmentToken.findMany({
    where: { orgId: actor.orgId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      name: true,
      prefix: true,
      scope: true,
      expiresAt: true,
      maxUses: true,
      uses: true,
      revokedAt: true,
      createdAt: true,
      createdBy: { select: { email: true } },
      ownerUserId: true,
      _count: { select: { devices: true } },
    },
  });

  return rows.map(({ createdBy, _count, ...row }) => ({
    ...row,
    createdBy: createdBy?.email ?? null,
    devices: _count.devices,
    state: getTokenState(row, now),
  }));
}
