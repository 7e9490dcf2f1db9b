import type { PrismaClient } from "@egress/db";

/** Failed sign-ins allowed per key (e-mail, IP) inside one window before the key is locked. */
export const LOGIN_MAX_FAILURES = 5;
/** Length of the counting window and of the lock. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** Throttle keys for one attempt: the e-mail and, when known, the client IP. */
export function getLoginKeys({ email, ip }: { email: string; ip: string | null | undefined }): string[] {
  return ip ? [`email:${email}`, `ip:${ip}`] : [`email:${email}`];
}

/** The latest lock still in force for any of `keys`, or null. */
export async function findActiveLock({ db, keys, now }: { db: PrismaClient; keys: string[]; now: Date }): Promise<Date | null> {
  const rows = await db.loginAttempt.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const until = rows.map((row) => row.lockedUntil?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);

  return until > 0 ? new Date(until) : null;
}

/**
 * Counts one failure for each key (atomic increment, so concurrent attempts are all counted) and
 * locks a key that reaches the limit. Returns the lock end if this failure locked any key.
 */
export async function recordLoginFailure({ db, keys, now }: { db: PrismaClient; keys: string[]; now: Date }): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
  let lockedUntil: Date | null = null;
  for (const key of keys) {
    // An old window starts over.
    await db.loginAttempt.updateMany({ where: { key, windowStart: { lt: windowStart } }, data: { count: 0, windowStart: now, lockedUntil: null } });
    const row = await db.loginAttempt.upsert({
      where: { key },
      create: { key, count: 1, windowStart: now },
      update: { count: { increment: 1 } },
    });
    if (row.count >= LOGIN_MAX_FAILURES) {
      const until = new Date(now.getTime() + LOGIN_WINDOW_MS);
      await db.loginAttempt.update({ where: { key }, data: { lockedUntil: until } });
      lockedUntil = until;
    }
  }

  return lockedUntil;
}

/** Forgets the failures of the e-mail key after a successful sign-in (the IP key keeps counting). */
export async function clearLoginFailures({ db, email }: { db: PrismaClient; email: string }): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { key: `email:${email}` } });
}

/** `too many sign-in attempts: try again in 12 minutes` */
export function formatLockMessage({ until, now }: { until: Date; now: Date }): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

  return `too many sign-in attempts: try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}
