import { z } from "zod";
import { AppError, canManageRole } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { writeAuditEvent } from "../audit/write-audit-event";
import { parseInput } from "../orgs/parse-input";
import { assertNotLastOwner, lockOrgMembers } from "./lock-org-members";

export const ZRemoveMemberInputSchema = z.object({ membershipId: z.string().min(1).max(64) }).strict();
export type TRemoveMemberInput = z.infer<typeof ZRemoveMemberInputSchema>;

/**
 * Removes a member from the actor's organization and withdraws their unused invite links. Only
 * owners remove owners, and the last owner cannot be removed (race-safe). Another org's membership
 * is NOT_FOUND. The user account itself stays (it may belong to other organizations).
 */
export async function removeMember({ db, actor, input }: { db: PrismaClient; actor: TActor; input: TRemoveMemberInput }) {
  const { membershipId } = parseInput(ZRemoveMemberInputSchema, input);

  return db.$transaction(async (tx) => {
    await lockOrgMembers({ tx, orgId: actor.orgId });
    const membership = await tx.membership.findFirst({ where: { id: membershipId, orgId: actor.orgId }, include: { user: { select: { email: true } } } });
    if (!membership) throw new AppError("NOT_FOUND", "member not found");
    if (!canManageRole(actor.role, membership.role)) throw new AppError("FORBIDDEN", "only owners can remove owners");
    if (membership.role === "owner") await assertNotLastOwner({ tx, orgId: actor.orgId, membershipId, verb: "removed" });
    await tx.membership.delete({ where: { id: membershipId } });
    await tx.invite.deleteMany({ where: { orgId: actor.orgId, email: membership.user.email, usedAt: null } });
    await writeAuditEvent(tx, actor, {
      action: "member.removed",
      targetType: "membership",
      targetId: membershipId,
      before: { email: membership.user.email, role: membership.role, userId: membership.userId },
    });

    return { membershipId };
  });
}
