import type { PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import { normalizeEmail } from "./password";
import type { TSignInUser } from "./verify-password-sign-in";

/** Outcome of a single sign-on login: the user to sign in, or a reason to show on the sign-in page. */
export type TOidcSignInResult = { status: "ok"; user: TSignInUser; linked: boolean } | { status: "refused"; reason: string };

type TOidcProfile = { db: PrismaClient; email: string | null | undefined; emailVerified: boolean; name?: string | null; provider: string; providerAccountId: string };

const toUser = (u: { id: string; email: string; name: string | null; sessionEpoch: number }): TSignInUser => ({ id: u.id, email: u.email, name: u.name, sessionEpoch: u.sessionEpoch });

/**
 * Resolves an OIDC login to a console user. An existing account link wins; otherwise the login is
 * linked to the EXISTING user with the same e-mail, and only if the identity provider verified that
 * e-mail. Nobody is created here: single sign-on users must be invited first.
 */
export async function findOrProvisionOidcUser({ db, email, emailVerified, name, provider, providerAccountId }: TOidcProfile): Promise<TOidcSignInResult> {
  const account = await db.account.findUnique({ where: { provider_providerAccountId: { provider, providerAccountId } }, include: { user: true } });
  if (account) {
    if (account.user.disabledAt) return { status: "refused", reason: "this account is disabled: ask an administrator of your organization" };

    return { status: "ok", user: toUser(account.user), linked: false };
  }
  if (!email) return { status: "refused", reason: `sign-in refused: \`${provider}\` did not return an e-mail address` };
  const normalized = normalizeEmail(email);
  if (!emailVerified) return { status: "refused", reason: `sign-in refused: \`${provider}\` has not verified \`${normalized}\`` };
  const user = await db.user.findUnique({ where: { email: normalized } });
  if (!user) return { status: "refused", reason: `no console account for \`${normalized}\`: ask an administrator to invite you first` };
  if (user.disabledAt) return { status: "refused", reason: "this account is disabled: ask an administrator of your organization" };

  await db.$transaction(async (tx) => {
    await tx.account.create({ data: { userId: user.id, type: "oidc", provider, providerAccountId } });
    await tx.user.update({ where: { id: user.id }, data: { emailVerified: user.emailVerified ?? new Date(), name: user.name ?? name ?? null } });
    await writeAuditEvent(tx, { userId: null, orgId: null, label: user.email, type: "system" }, {
      action: "user.sso_linked",
      targetType: "user",
      targetId: user.id,
      after: { provider },
    });
  });

  return { status: "ok", user: toUser(user), linked: true };
}
