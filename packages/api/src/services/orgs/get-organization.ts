import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { toOrganization, type TOrganization } from "./org-schemas";

/** The actor's organization; NOT_FOUND if it no longer exists. */
export async function getOrganization({ db, actor }: { db: PrismaClient; actor: Pick<TActor, "orgId"> }): Promise<TOrganization> {
  const org = await db.organization.findUnique({ where: { id: actor.orgId } });
  if (!org) throw new AppError("NOT_FOUND", "organization not found");

  return toOrganization(org);
}
