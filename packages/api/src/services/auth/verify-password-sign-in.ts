import type { PrismaClient } from "@egress/db";
import { clearLoginFailures, findActiveLock, formatLockMessage, getLoginKeys, recordLoginFailure } from "./login-throttle";
import { normalizeEmail, verifyPasswordHash } from "./password";

export type TSignInUser = { id: string; email: string; name: string | null; sessionEpoch: number };

/** Outcome of a password sign-in. Messages are safe to show and never say whether the e-mail exists. */
export type TPasswordSignInResult =
  | { status: "ok"; user: TSignInUser }
  | { status: "invalid"; message: string }
  | { status: "rate_limited"; message: string; retryAt: Date }
  | { status: "disabled"; message: string };

// Verified against when the e-mail is unknown, so both paths cost one argon2 verification.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$lf7rcOyKt9vIf86WvP5zLw$9oI+6mV8H/RZgfKIMyhaNjxkT7XRkNz4ZXDHQMc00ug";
const INVALID = "invalid e-mail or password";

/**
 * Checks an e-mail and password, with sign-in throttling shared by every console instance:
 * LOGIN_MAX_FAILURES failures per window per e-mail and per IP lock that key for the window, and
 * a locked key is refused even with the right password until the lock ends.
 */
export async function verifyPasswordSignIn({ db, email, password, ip, now = new Date() }: { db: PrismaClient; email: string; password: string; ip?: string | null; now?: Date }): Promise<TPasswordSignInResult> {
  const normalized = normalizeEmail(email);
  const keys = getLoginKeys({ email: normalized, ip });
  const lock = await findActiveLock({ db, keys, now });
  if (lock) return { status: "rate_limited", message: formatLockMessage({ until: lock, now }), retryAt: lock };

  const user = await db.user.findUnique({ where: { email: normalized } });
  const isValid = await verifyPasswordHash({ passwordHash: user?.passwordHash ?? DUMMY_HASH, password });
  if (!user?.passwordHash || !isValid) {
    const lockedUntil = await recordLoginFailure({ db, keys, now });
    if (lockedUntil) return { status: "rate_limited", message: formatLockMessage({ until: lockedUntil, now }), retryAt: lockedUntil };

    return { status: "invalid", message: INVALID };
  }
  if (user.disabledAt) return { status: "disabled", message: "this account is disabled: ask an administrator of your organization" };
  await clearLoginFailures({ db, email: normalized });

  return { status: "ok", user: { id: user.id, email: user.email, name: user.name, sessionEpoch: user.sessionEpoch } };
}
