import type { PrismaClient } from "@egress/db";
import type { TSessionUser } from "../../trpc";

/**
 * The user behind a session, or null when the session must end: unknown user, disabled user, or
 * a session epoch older than the user's (signed out everywhere, password changed). The console
 * calls this on every request.
 */
export async function getSessionUser({ db, userId, sessionEpoch }: { db: PrismaClient; userId: string; sessionEpoch: number }): Promise<TSessionUser | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, disabledAt: true, sessionEpoch: true } });
  if (!user || user.disabledAt || user.sessionEpoch !== sessionEpoch) return null;

  return { userId: user.id, email: user.email, name: user.name };
}
