import { SECRET_PREFIXES, type TRole } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { hashSecretToken } from "../auth/secret-token";

export type TApiTokenPrincipal = { orgId: string; role: TRole; tokenId: string; label: string };

const MAX_TOKEN_LENGTH = 256;

/**
 * Resolves an `Authorization` value (`Bearer egk_…` or the bare token) to the org and role it acts
 * for; null for anything unknown, revoked or expired. Records `lastUsedAt`.
 */
export async function authenticateApiToken({ db, bearer, now = new Date() }: { db: PrismaClient; bearer: string | null | undefined; now?: Date }): Promise<TApiTokenPrincipal | null> {
  const token = bearer?.replace(/^Bearer\s+/i, "").trim();
  if (!token?.startsWith(SECRET_PREFIXES.apiToken) || token.length > MAX_TOKEN_LENGTH) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashSecretToken(token) }, select: { id: true, orgId: true, role: true, name: true, revokedAt: true, expiresAt: true } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });

  return { orgId: row.orgId, role: row.role, tokenId: row.id, label: `api-token:${row.name}` };
}
