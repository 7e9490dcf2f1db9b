import { z } from "zod";
import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { writeAuditEvent } from "../audit/write-audit-event";
import { parseInput } from "../orgs/parse-input";
import { toApiToken, type TApiToken } from "./api-token-schemas";

export const ZRevokeApiTokenInputSchema = z.object({ id: z.string().min(1).max(64) }).strict();
export type TRevokeApiTokenInput = z.infer<typeof ZRevokeApiTokenInputSchema>;

/** Revokes an API token of the actor's organization (another org's token is NOT_FOUND; revoking twice is CONFLICT). */
export async function revokeApiToken({ db, actor, input }: { db: PrismaClient; actor: TActor; input: TRevokeApiTokenInput }): Promise<TApiToken> {
  const { id } = parseInput(ZRevokeApiTokenInputSchema, input);

  return db.$transaction(async (tx) => {
    const current = await tx.apiToken.findFirst({ where: { id, orgId: actor.orgId }, omit: { tokenHash: true } });
    if (!current) throw new AppError("NOT_FOUND", "api token not found");
    if (current.revokedAt) throw new AppError("CONFLICT", `api token \`${current.name}\` is already revoked`);
    const revokedAt = new Date();
    const claimed = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    if (claimed.count !== 1) throw new AppError("CONFLICT", `api token \`${current.name}\` is already revoked`);
    await writeAuditEvent(tx, actor, {
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: id,
      before: { name: current.name, prefix: current.prefix, revokedAt: null },
      after: { name: current.name, prefix: current.prefix, revokedAt },
    });

    return toApiToken({ ...current, revokedAt });
  });
}
