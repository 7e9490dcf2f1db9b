import type { PrismaClient } from "@egress/db";
import { compilePolicy } from "@egress/policy";
import type { TActor } from "../../trpc";
import { explainCall } from "./explain-call";
import { getPolicyDocument, toResolved } from "./resolve-document";

export type TRunPolicyTestsInput = { scope: string; document?: unknown };

/**
 * Runs the policy tests stored in the draft (or the editor's working copy): each test's raw hook
 * input is evaluated and must get its expected effect (and rule, when given), in enforce terms —
 * the same rule `policy.publish` applies, so a failure here blocks publishing. Failures show the
 * call as read and the decision that was made instead.
 */
export async function runDraftPolicyTests({ db, actor, input }: { db: PrismaClient; actor: TActor; input: TRunPolicyTestsInput }) {
  const doc = input.document === undefined ? await getPolicyDocument({ db, actor, scope: input.scope, ref: { type: "draft" } }) : toResolved("working copy", input.document);
  if (!doc.policy) return { label: doc.label, isValid: false, errors: doc.errors, passed: 0, failed: 0, results: [] };
  const compiled = compilePolicy(doc.policy);
  const results = doc.policy.tests.map((test, index) => {
    const raw = typeof test.input === "string" ? test.input : JSON.stringify(test.input);
    const explained = explainCall({ agent: test.agent, raw, compiled, gitRemotes: test.gitRemotes });
    const isPassed = explained.enforcedEffect === test.expect && (test.rule === undefined || test.rule === explained.enforcedRule);

    return {
      index,
      name: test.name,
      agent: test.agent,
      passed: isPassed,
      expected: test.rule === undefined ? test.expect : `${test.expect} (${test.rule})`,
      actual: `${explained.enforcedEffect} (${explained.enforcedRule})`,
      reason: explained.decision.reason,
      input: raw.length > 4000 ? `${raw.slice(0, 4000)}…` : raw,
      call: explained.call,
    };
  });
  const failed = results.filter((r) => !r.passed).length;

  return { label: doc.label, isValid: true, errors: [], passed: results.length - failed, failed, results };
}
