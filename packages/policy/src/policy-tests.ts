/** Runs a policy's own tests (tool call → expected decision). */
import type { TPolicyDocument } from "./schema.js";
import type { TDecision } from "./types.js";
import { compilePolicy } from "./engine/compile.js";
import { evaluate } from "./engine/evaluate.js";
import { parseHookInput } from "./adapters/parse.js";

/** One policy test result. */
export type TPolicyTestResult = { name: string; passed: boolean; expected: string; actual: TDecision };

/** Evaluates every `tests` entry of the policy; a test passes when effect (and rule, if given) match. */
export function runPolicyTests(policy: TPolicyDocument): TPolicyTestResult[] {
  const compiled = compilePolicy(policy);
  return (policy.tests ?? []).map((t) => {
    const raw = typeof t.input === "string" ? t.input : JSON.stringify(t.input);
    const parsed = parseHookInput(t.agent, raw);
    const actual = parsed.ok ? evaluate(parsed.call, compiled, { gitRemotes: t.gitRemotes }) : parsed.decision;
    // Observe mode allows everything; tests assert the enforce-mode outcome.
    const effect = actual.wouldDeny === true ? "deny" : actual.effect;
    const rule = actual.observedRule ?? actual.rule;
    const passed = effect === t.expect && (t.rule === undefined || t.rule === rule);
    return { name: t.name, passed, expected: t.rule === undefined ? t.expect : `${t.expect} (${t.rule})`, actual };
  });
}
