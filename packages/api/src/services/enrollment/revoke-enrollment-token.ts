import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { TActor } from "../../trpc";

/** Revokes an enrollment token (devices already enrolled with it stay enrolled). Another org's id is NOT_FOUND. */
export async function revokeEnrollmentToken({ db, actor, tokenId }: { db: PrismaClient; actor: TActor; tokenId: string }) {
  return db.$transaction(async (tx) => {
    const token = await tx.enrollmentToken.findFirst({ where: { id: tokenId, orgId: actor.orgId } });
    if (!token) throw new AppError("NOT_FOUND", `enrollment token \`${tokenId}\` not found`);
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    const revoked = await tx.enrollmentToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await writeAuditEvent(tx, actor, { action: "enrollment_token.revoked", targetType: "enrollment_token", targetId: token.id, before: { prefix: token.prefix, uses: token.uses } });

    return { id: revoked.id, revokedAt: revoked.revokedAt };
  });
}
