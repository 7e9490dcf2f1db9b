import { AppError } from "@egress/contracts";
import type { Prisma } from "@egress/db";

/**
 * Serialises membership changes of one organization: takes a row lock on the organization until
 * the transaction ends, so two concurrent demotions cannot both see "another owner remains".
 */
export async function lockOrgMembers({ tx, orgId }: { tx: Prisma.TransactionClient; orgId: string }): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${orgId} FOR UPDATE`;
}

/** Throws LAST_OWNER unless `orgId` keeps an owner besides `membershipId`. Call after lockOrgMembers. */
export async function assertNotLastOwner({ tx, orgId, membershipId, verb }: { tx: Prisma.TransactionClient; orgId: string; membershipId: string; verb: "removed" | "demoted" }): Promise<void> {
  const others = await tx.membership.count({ where: { orgId, role: "owner", id: { not: membershipId } } });
  if (others === 0) {
    throw new AppError("LAST_OWNER", `the last owner cannot be ${verb}: make another member an owner first`);
  }
}
