import { AppError, SECRET_PREFIXES } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { TActor } from "../../trpc";
import { assertScope } from "../policy/ensure-policy";
import { createSecret } from "./secrets";

/** Input of {@link createEnrollmentToken} (the contracts' request, defaults applied). */
export type TCreateEnrollmentTokenInput = { name?: string | undefined; scope: string; expiresInHours: number; maxUses: number; ownerEmail?: string | undefined };

/**
 * Creates an enrollment token: a random `ege_` secret returned ONCE (only its sha256 is stored),
 * with an expiry, a use limit, a scope and optionally the developer (an org member) who owns the
 * enrolled devices. The response carries the ready-to-paste `egress-sync enroll` command.
 */
export async function createEnrollmentToken({ db, actor, input, consoleUrl }: { db: PrismaClient; actor: TActor; input: TCreateEnrollmentTokenInput; consoleUrl: string }) {
  assertScope(input.scope);
  let ownerUserId: string | null = null;
  if (input.ownerEmail) {
    const member = await db.membership.findFirst({ where: { orgId: actor.orgId, user: { email: { equals: input.ownerEmail, mode: "insensitive" } } }, select: { userId: true } });
    if (!member) throw new AppError("NOT_FOUND", `no member with e-mail \`${input.ownerEmail}\` in this organization`, [{ path: "ownerEmail", message: "not a member" }]);
    ownerUserId = member.userId;
  }
  const { secret, hash, displayPrefix } = createSecret(SECRET_PREFIXES.enrollmentToken);
  const expiresAt = new Date(Date.now() + input.expiresInHours * 3600 * 1000);

  return db.$transaction(async (tx) => {
    const token = await tx.enrollmentToken.create({
      data: { orgId: actor.orgId, name: input.name ?? null, prefix: displayPrefix, tokenHash: hash, scope: input.scope, ownerUserId, expiresAt, maxUses: input.maxUses, createdById: actor.userId },
    });
    await writeAuditEvent(tx, actor, {
      action: "enrollment_token.created",
      targetType: "enrollment_token",
      targetId: token.id,
      after: { name: token.name, prefix: token.prefix, scope: token.scope, maxUses: token.maxUses, expiresAt, ownerUserId },
    });

    return {
      id: token.id,
      token: secret,
      expiresAt: expiresAt.toISOString(),
      maxUses: token.maxUses,
      scope: token.scope,
      command: `egress-sync enroll --server ${consoleUrl} --token ${secret}`,
    };
  });
}
