import { ROLE_RANK } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import type { TMember } from "./member-schemas";

/** Members of the actor's organization, most privileged first, then by e-mail. */
export async function findMembers({ db, actor }: { db: PrismaClient; actor: Pick<TActor, "orgId"> }): Promise<TMember[]> {
  const memberships = await db.membership.findMany({
    where: { orgId: actor.orgId },
    include: { user: { select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, _count: { select: { accounts: true } } } } },
  });
  const members = memberships.map((m) => ({
    membershipId: m.id,
    userId: m.user.id,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    isPending: !m.user.passwordHash && m.user._count.accounts === 0,
    isDisabled: !!m.user.disabledAt,
    joinedAt: m.createdAt,
  }));

  return members.sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.email.localeCompare(b.email));
}
