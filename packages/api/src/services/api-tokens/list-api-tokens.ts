import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { toApiToken, type TApiToken } from "./api-token-schemas";

/** The actor's organization's API tokens, newest first, without secrets or hashes. */
export async function listApiTokens({ db, actor }: { db: PrismaClient; actor: Pick<TActor, "orgId"> }): Promise<TApiToken[]> {
  const rows = await db.apiToken.findMany({ where: { orgId: actor.orgId }, orderBy: { createdAt: "desc" }, omit: { tokenHash: true } });

  return rows.map(toApiToken);
}
