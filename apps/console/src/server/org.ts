import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { TRole } from "@egress/contracts";
import { ACTIVE_ORG_COOKIE } from "@/lib/constants";
import { getDb } from "./db";

export type TUserOrg = { id: string; name: string; slug: string; role: TRole };

/** The organizations the user belongs to, oldest membership first. */
export const findUserOrgs = cache(async (userId: string): Promise<TUserOrg[]> => {
  const db = await getDb();
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, org: { select: { id: true, name: true, slug: true } } },
  });

  return memberships.map((m) => ({ ...m.org, role: m.role }));
});

/**
 * The active organization: the one named by the cookie if the user belongs to it, else their
 * first. Null when the user has no membership at all.
 */
export const getActiveOrg = cache(async (userId: string): Promise<TUserOrg | null> => {
  const orgs = await findUserOrgs(userId);
  const wanted = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;

  return orgs.find((org) => org.id === wanted) ?? orgs[0] ?? null;
});
