import type { Prisma } from "@egress/db";
import type { TPolicyDocument } from "@egress/policy";

/** An approved access request with an `allowUntil`: merged into snapshots while it lasts. */
export type TTemporaryGrant = { kind: string; target: string; allowUntil: Date };

// Requests filed without a device (console) belong to the default scope
const scopeFilter = (scope: string): Prisma.AccessRequestWhereInput =>
  scope === "default" ? { OR: [{ device: { scope } }, { deviceId: null }] } : { device: { scope } };

/**
 * Temporary allows live server-side, not in the draft: an approved access request with
 * `allowUntil` is a grant. Every snapshot built before `allowUntil` carries it; the next snapshot
 * after it (publish, or the re-sign loop, which watches for lapsed grants) leaves it out.
 */
export async function findActiveGrants({ tx, orgId, scope, now }: { tx: Prisma.TransactionClient; orgId: string; scope: string; now: Date }): Promise<TTemporaryGrant[]> {
  const rows = await tx.accessRequest.findMany({
    where: { orgId, status: "approved", allowUntil: { gt: now }, ...scopeFilter(scope) },
    select: { kind: true, target: true, allowUntil: true },
    orderBy: { createdAt: "asc" },
  });

  return rows.flatMap((row) => (row.allowUntil ? [{ kind: row.kind, target: row.target, allowUntil: row.allowUntil }] : []));
}

/** Adds each grant to a copy of the policy: hosts to `hosts.allow`, connectors to `mcp.connectors`; commands need a policy edit. */
export function applyGrants(policy: TPolicyDocument, grants: TTemporaryGrant[]): TPolicyDocument {
  if (grants.length === 0) return policy;
  const next = structuredClone(policy);
  for (const grant of grants) {
    if (grant.kind === "host" && !next.hosts.allow.includes(grant.target)) next.hosts.allow.push(grant.target);
    if (grant.kind === "connector" && !next.mcp.connectors.some((c) => c.name === grant.target)) next.mcp.connectors.push({ name: grant.target, tools: ["*"] });
  }

  return next;
}
