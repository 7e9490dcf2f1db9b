import type { TRole } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";

export type TMyOrganization = { id: string; slug: string; name: string; role: TRole };

/** The organizations `userId` belongs to, with the role in each, oldest membership first. */
export async function listMyOrganizations({ db, userId }: { db: PrismaClient; userId: string }): Promise<TMyOrganization[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    include: { org: { select: { id: true, slug: true, name: true } } },
  });

  return memberships.map((m) => ({ id: m.org.id, slug: m.org.slug, name: m.org.name, role: m.role }));
}
