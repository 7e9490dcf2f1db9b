import { AppError, SECRET_PREFIXES } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import { hashPassword } from "../auth/password";
import { hashSecretToken } from "../auth/secret-token";

export type TAcceptInviteResult = { userId: string; email: string; orgId: string; sessionEpoch: number };

const UNKNOWN = "invite link is not valid: check that you copied the whole link, or ask for a new invite";

/**
 * Redeems a one-time invite link: sets the new account's password and marks the invite used. An
 * unknown, used or expired token is refused with a message that says what to do; the token is
 * claimed atomically, so a link works exactly once.
 */
export async function acceptInvite({ db, token, password, name, now = new Date() }: { db: PrismaClient; token: string; password: string; name?: string; now?: Date }): Promise<TAcceptInviteResult> {
  if (!token.startsWith(SECRET_PREFIXES.invite)) throw new AppError("NOT_FOUND", UNKNOWN);
  const invite = await db.invite.findUnique({ where: { tokenHash: hashSecretToken(token) } });
  if (!invite) throw new AppError("NOT_FOUND", UNKNOWN);
  if (invite.usedAt) throw new AppError("TOKEN_EXHAUSTED", "invite link was already used: sign in, or ask for a new invite");
  if (invite.expiresAt <= now) {
    throw new AppError("TOKEN_EXPIRED", `invite link expired on ${invite.expiresAt.toISOString().slice(0, 10)}: ask an administrator for a new invite`);
  }
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    const claimed = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError("TOKEN_EXHAUSTED", "invite link was already used: sign in, or ask for a new invite");
    const user = await tx.user.findUnique({ where: { email: invite.email } });
    const membership = user && (await tx.membership.findUnique({ where: { userId_orgId: { userId: user.id, orgId: invite.orgId } } }));
    if (!user || !membership) throw new AppError("NOT_FOUND", "invite was withdrawn: ask an administrator for a new invite");
    if (user.disabledAt) throw new AppError("FORBIDDEN", "this account is disabled: ask an administrator of your organization");
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, name: user.name ?? name ?? null, sessionEpoch: { increment: 1 } },
    });
    await writeAuditEvent(tx, { userId: user.id, orgId: invite.orgId, label: user.email, type: "user" }, {
      action: "invite.accepted",
      targetType: "invite",
      targetId: invite.id,
      before: { usedAt: null },
      after: { usedAt: now, userId: user.id, role: membership.role },
    });

    return { userId: user.id, email: user.email, orgId: invite.orgId, sessionEpoch: updated.sessionEpoch };
  });
}
