import type { PrismaClient } from "@egress/db";
import { diffPolicies, type TPolicyChange } from "@egress/policy";
import type { TActor } from "../../trpc";
import { collapseContext, diffLines } from "./line-diff";
import { resolvePolicyDocument, toResolved, type TPolicyRef, type TResolvedDocument } from "./resolve-document";

export type TDiffPolicyInput = { scope: string; from: TPolicyRef; to: TPolicyRef; context?: number };

const pretty = (doc: TResolvedDocument | null): string => (doc ? JSON.stringify(doc.raw, null, 2) : "");

/**
 * Compares two documents of a scope by meaning (hosts added/removed, connectors changed, mode
 * switched… from @egress/policy `diffPolicies`) and as text. A missing side (nothing published
 * yet) compares against an empty document; an invalid side has no semantic diff, only text.
 */
export async function diffPolicy({ db, actor, input }: { db: PrismaClient; actor: TActor; input: TDiffPolicyInput }) {
  const [from, to] = await Promise.all([
    resolvePolicyDocument({ db, actor, scope: input.scope, ref: input.from }),
    resolvePolicyDocument({ db, actor, scope: input.scope, ref: input.to }),
  ]);
  let changes: TPolicyChange[] | null = null;
  // A missing side means "nothing published": compare with an empty document (everything is added).
  const empty = toResolved("empty", { version: 1 }).policy;
  const before = from ? from.policy : empty;
  const after = to ? to.policy : empty;
  if (before && after) changes = diffPolicies(before, after);
  const lines = collapseContext(diffLines(pretty(from), pretty(to)), input.context ?? 3);
  const side = (doc: TResolvedDocument | null) => ({ label: doc?.label ?? "nothing published", exists: doc !== null, errors: doc?.errors ?? [] });

  return {
    from: side(from),
    to: side(to),
    changes,
    isIdentical: pretty(from) === pretty(to),
    lines: lines.map((line) => ("skipped" in line ? { op: "…" as const, text: `${line.skipped} unchanged line(s)` } : line)),
  };
}
