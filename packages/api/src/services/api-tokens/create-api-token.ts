import { z } from "zod";
import { AppError, ROLE_RANK, ROLES, SECRET_PREFIXES } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { writeAuditEvent } from "../audit/write-audit-event";
import { createSecretToken } from "../auth/secret-token";
import { parseInput } from "../orgs/parse-input";
import { toApiToken, type TApiToken } from "./api-token-schemas";

export const ZCreateApiTokenInputSchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100, "use at most 100 characters"),
    role: z.enum(ROLES).default("admin"),
    expiresInDays: z.number().int().min(1, "use at least 1 day").max(3650, "use at most 3650 days").optional(),
  })
  .strict();
export type TCreateApiTokenInput = z.input<typeof ZCreateApiTokenInputSchema>;

/**
 * Creates an org API token for automation: a random `egk_` secret returned ONCE, stored as its
 * SHA-256 with a short display prefix. A token never holds a role above its creator's.
 */
export async function createApiToken({ db, actor, input }: { db: PrismaClient; actor: TActor; input: TCreateApiTokenInput }): Promise<TApiToken & { token: string }> {
  const { name, role, expiresInDays } = parseInput(ZCreateApiTokenInputSchema, input);
  if (ROLE_RANK[role] < ROLE_RANK[actor.role]) throw new AppError("FORBIDDEN", `a token cannot hold the \`${role}\` role: it is above yours`);
  const secret = createSecretToken(SECRET_PREFIXES.apiToken);
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 24 * 3600 * 1000) : null;

  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { orgId: actor.orgId, name, role, prefix: secret.displayPrefix, tokenHash: secret.tokenHash, expiresAt, createdById: actor.userId },
    });
    const token = toApiToken(row);
    await writeAuditEvent(tx, actor, { action: "api_token.created", targetType: "api_token", targetId: row.id, after: { name, role, prefix: token.prefix, expiresAt } });

    return { ...token, token: secret.token };
  });
}
