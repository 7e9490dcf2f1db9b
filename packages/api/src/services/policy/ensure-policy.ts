import { AppError } from "@egress/contracts";
import type { Prisma } from "@egress/db";

const SCOPE_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Checks a scope name: lowercase letters, digits, `-`, `_`, at most 64 characters. */
export function assertScope(scope: string): void {
  if (!SCOPE_RE.test(scope)) throw new AppError("BAD_REQUEST", `scope \`${scope.slice(0, 64)}\` is invalid: use lowercase letters, digits, \`-\` or \`_\` (at most 64)`);
}

/** The org's policy row for a scope, created empty on first write. */
export async function ensurePolicy({ tx, orgId, scope }: { tx: Prisma.TransactionClient; orgId: string; scope: string }) {
  assertScope(scope);

  return tx.policy.upsert({ where: { orgId_scope: { orgId, scope } }, create: { orgId, scope, name: scope }, update: {} });
}
