import { z } from "zod";
import { AppError, canManageRole, ROLES } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { writeAuditEvent } from "../audit/write-audit-event";
import { parseInput } from "../orgs/parse-input";
import { assertNotLastOwner, lockOrgMembers } from "./lock-org-members";

export const ZChangeMemberRoleInputSchema = z.object({ membershipId: z.string().min(1).max(64), role: z.enum(ROLES) }).strict();
export type TChangeMemberRoleInput = z.infer<typeof ZChangeMemberRoleInputSchema>;

/**
 * Changes a member's role in the actor's organization. Only owners touch owners (granting or
 * changing), and the last owner cannot be demoted (checked under a lock, so it is race-safe).
 * A membership of another organization is NOT_FOUND.
 */
export async function changeMemberRole({ db, actor, input }: { db: PrismaClient; actor: TActor; input: TChangeMemberRoleInput }) {
  const { membershipId, role } = parseInput(ZChangeMemberRoleInputSchema, input);

  return db.$transaction(async (tx) => {
    await lockOrgMembers({ tx, orgId: actor.orgId });
    const membership = await tx.membership.findFirst({ where: { id: membershipId, orgId: actor.orgId }, include: { user: { select: { email: true } } } });
    if (!membership) throw new AppError("NOT_FOUND", "member not found");
    if (!canManageRole(actor.role, membership.role) || !canManageRole(actor.role, role)) {
      throw new AppError("FORBIDDEN", `only owners can change owners or grant the owner role`);
    }
    if (membership.role === role) return { membershipId, role };
    if (membership.role === "owner") await assertNotLastOwner({ tx, orgId: actor.orgId, membershipId, verb: "demoted" });
    await tx.membership.update({ where: { id: membershipId }, data: { role } });
    await writeAuditEvent(tx, actor, {
      action: "member.role_changed",
      targetType: "membership",
      targetId: membershipId,
      before: { email: membership.user.email, role: membership.role },
      after: { email: membership.user.email, role },
    });

    return { membershipId, role };
  });
}
