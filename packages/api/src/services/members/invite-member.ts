import { z } from "zod";
import { AppError, canManageRole, ROLES, SECRET_PREFIXES } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { writeAuditEvent } from "../audit/write-audit-event";
import { hashPassword, normalizeEmail } from "../auth/password";
import { createSecretToken } from "../auth/secret-token";
import { parseInput } from "../orgs/parse-input";
import { INVITE_TTL_DAYS } from "./member-schemas";

export const ZInviteMemberInputSchema = z
  .object({
    email: z.email("must be an e-mail address").transform(normalizeEmail),
    name: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES),
    /** New accounts only: a one-time invite link, or an initial password chosen by the inviter. */
    method: z.enum(["link", "password"]).default("link"),
    password: z.string().optional(),
  })
  .strict();
export type TInviteMemberInput = z.input<typeof ZInviteMemberInputSchema>;

/** `added`: an existing user joined; `invited`: new account + link token (shown once); `created`: new account with the given password. */
export type TInviteMemberResult = {
  status: "added" | "invited" | "created";
  membershipId: string;
  userId: string;
  inviteToken: string | null;
  inviteExpiresAt: Date | null;
};

/**
 * Adds a person to the actor's organization. Existing users are simply added. A new e-mail gets an
 * account with either a one-time invite link (random `egi_` token, stored hashed, valid 7 days) or
 * an initial password chosen by the inviter. Only owners can grant the owner role.
 */
export async function inviteMember({ db, actor, input }: { db: PrismaClient; actor: TActor; input: TInviteMemberInput }): Promise<TInviteMemberResult> {
  const { email, name, role, method, password } = parseInput(ZInviteMemberInputSchema, input);
  if (!canManageRole(actor.role, role)) throw new AppError("FORBIDDEN", `only owners can grant the \`${role}\` role`);
  if (method === "password" && !password) throw new AppError("BAD_REQUEST", "initial password required: choose one or invite with a link", [{ path: "password", message: "required" }]);
  const passwordHash = method === "password" && password ? await hashPassword(password) : null;

  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email } });
    if (existing && (await tx.membership.findUnique({ where: { userId_orgId: { userId: existing.id, orgId: actor.orgId } } }))) {
      throw new AppError("CONFLICT", `\`${email}\` is already a member of this organization`, [{ path: "email", message: "already a member" }]);
    }
    const user = existing ?? (await tx.user.create({ data: { email, name: name ?? null, passwordHash } }));
    const membership = await tx.membership.create({ data: { userId: user.id, orgId: actor.orgId, role } });
    let invite: { token: string; expiresAt: Date } | null = null;
    if (!existing && method === "link") {
      const secret = createSecretToken(SECRET_PREFIXES.invite);
      const expiresAt = new Date(Date.now() + INVITE_TTL_DAYS * 24 * 3600 * 1000);
      await tx.invite.create({ data: { orgId: actor.orgId, email, role, tokenHash: secret.tokenHash, expiresAt, createdById: actor.userId } });
      invite = { token: secret.token, expiresAt };
    }
    const status = existing ? "added" : invite ? "invited" : "created";
    await writeAuditEvent(tx, actor, {
      action: "member.invited",
      targetType: "membership",
      targetId: membership.id,
      after: { email, role, status, userId: user.id, inviteExpiresAt: invite?.expiresAt ?? null },
    });

    return { status, membershipId: membership.id, userId: user.id, inviteToken: invite?.token ?? null, inviteExpiresAt: invite?.expiresAt ?? null };
  });
}
