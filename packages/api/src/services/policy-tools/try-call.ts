import type { PrismaClient } from "@egress/db";
import { compilePolicy } from "@egress/policy";
import type { TActor } from "../../trpc";
import { explainCall } from "./explain-call";
import { getPolicyDocument, requireValid, resolvePolicyDocument, toResolved } from "./resolve-document";

export type TTryCallInput = { scope: string; agent: string; raw: string; gitRemotes?: Record<string, string> | undefined; document?: unknown };

/**
 * "Try a call": evaluates a pasted raw hook input against the draft (or the editor's unsaved
 * working copy) and explains the decision, next to what the published policy decides today.
 */
export async function tryPolicyCall({ db, actor, input }: { db: PrismaClient; actor: TActor; input: TTryCallInput }) {
  const draftDoc = input.document === undefined ? await getPolicyDocument({ db, actor, scope: input.scope, ref: { type: "draft" } }) : toResolved("working copy", input.document);
  const draft = explainCall({ agent: input.agent, raw: input.raw, gitRemotes: input.gitRemotes, compiled: compilePolicy(requireValid(draftDoc)) });
  const publishedDoc = await resolvePolicyDocument({ db, actor, scope: input.scope, ref: { type: "published" } });
  const published = publishedDoc?.policy ? explainCall({ agent: input.agent, raw: input.raw, gitRemotes: input.gitRemotes, compiled: compilePolicy(publishedDoc.policy) }) : null;

  return {
    draftLabel: draftDoc.label,
    draft,
    published: published && { label: publishedDoc?.label ?? "published", enforcedEffect: published.enforcedEffect, enforcedRule: published.enforcedRule, reason: published.decision.reason },
  };
}
