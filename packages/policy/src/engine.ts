/**
 * `@egress/policy/engine`: the evaluation path only (no zod, no tldts). The hook imports this:
 * parseHookInput → compilePolicy → evaluate → renderHookOutput.
 */
export { AGENTS } from "./types.js";
export type { TAgent, TCallKind, TDecision, TEvaluationContext, TGitRemoteTable, TNormalizedCall } from "./types.js";
export { parseHookInput } from "./adapters/parse.js";
export { renderHookOutput, type THookOutput } from "./adapters/render.js";
export { compilePolicy, type TCompiledPolicy } from "./engine/compile.js";
export { SortedKeys, type THostSet, type TKeySet } from "./hosts/match.js";
export { compilePolicyIndex, indexPolicy, POLICY_INDEX_FORMAT, type TPolicyIndex } from "./engine/policy-index.js";
export { evaluate, gitRemoteDirs, gitRemotesNeeded } from "./engine/evaluate.js";
export { denyDecision, requestCommandFor } from "./engine/decision.js";
export { defaultPolicyDocument } from "./defaults.js";
export { runPolicyTests, type TPolicyTestResult } from "./policy-tests.js";
export { diffPolicies, type TPolicyChange } from "./diff.js";
export { redactText, redactValue, scanText, compileDlp } from "./dlp/index.js";
export type { TPolicyDocument } from "./schema.js";
