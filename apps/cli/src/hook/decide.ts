import { evaluate, gitRemoteDirs, gitRemotesNeeded, parseHookInput, renderHookOutput } from "@egress/policy/engine";
import type { TCompiledPolicy, TDecision, TEvaluationContext, TGitRemoteTable, TNormalizedCall } from "@egress/policy/engine";

import { resolveGitRemotes } from "../git/remotes";
import type { TPolicySource } from "./policy-source";

/** What the hook prints and how it exits, in the agent's own protocol */
export type THookOutput = { stdout: string; stderr: string; exitCode: number };

/** One decided call: the decision, the normalized call when the input parsed, and the rendered output */
export type THookOutcome = THookOutput & { decision: TDecision; call?: TNormalizedCall };

/** Renders a decision in `agent`'s protocol (always an explicit decision, allow included) */
export function renderOutput(opts: { agent: string; decision: TDecision; call?: TNormalizedCall }): THookOutput {
  const rendered = renderHookOutput(opts.agent, opts.decision, opts.call);

  return { stdout: rendered.stdout, stderr: rendered.stderr ?? "", exitCode: rendered.exitCode };
}

/** Most other directories a call's git commands may run in whose remotes are resolved (each runs git once) */
const MAX_GIT_DIRS = 4;

type TGitContext = { gitRemotes?: Record<string, string>; gitPushRemotes?: Record<string, string[]>; gitDefaultRemotes?: string[]; gitRemotesIn?: Record<string, TGitRemoteTable>; failure?: TDecision };

function gitContext(call: TNormalizedCall, compiled: TCompiledPolicy, ctx: TEvaluationContext, env: NodeJS.ProcessEnv | undefined): TGitContext {
  const needed = gitRemotesNeeded(call, compiled, ctx);
  if (needed.length === 0) return {};
  const names = needed.map((name) => `\`${name}\``).join(", ");
  if (!call.cwd) {
    return { failure: { effect: "deny", rule: "git.remote_unknown", reason: `cannot resolve git remote ${names}: the hook input has no working directory, so the destination is unknown` } };
  }
  const result = resolveGitRemotes({ cwd: call.cwd, env });
  if (!result.ok) {
    return { failure: { effect: "deny", rule: "git.remote_unknown", reason: `cannot resolve git remote ${names} in \`${call.cwd}\` (${result.message}): the destination is unknown` } };
  }
  // `cd sub && git push`, `git -C ../lib fetch`: the remotes of each other directory git runs in
  const gitRemotesIn: Record<string, TGitRemoteTable> = {};
  for (const dir of gitRemoteDirs(call, compiled, ctx).slice(0, MAX_GIT_DIRS)) {
    const there = resolveGitRemotes({ cwd: dir, env });
    if (!there.ok) {
      return { failure: { effect: "deny", rule: "git.remote_unknown", reason: `cannot resolve git remote ${names} in \`${dir}\`, where the command runs git (${there.message}): the destination is unknown` } };
    }
    gitRemotesIn[dir] = { remotes: there.remotes, pushRemotes: there.pushRemotes, defaults: there.defaults };
  }

  return { gitRemotes: result.remotes, gitPushRemotes: result.pushRemotes, gitDefaultRemotes: result.defaults, gitRemotesIn };
}

/**
 * Decides one raw hook input against a policy source. The single code path of `hook <agent>` and
 * `check`: parse → (git remotes) → evaluate → fail-closed rewrite → render
 */
export function decideHookInput(opts: { agent: string; raw: string; source: TPolicySource; stateDir: string; homeDir: string; cwd?: string; env?: NodeJS.ProcessEnv }): THookOutcome {
  const { agent, source } = opts;
  const parsed = parseHookInput(agent, opts.raw);
  if (!parsed.ok) return { ...renderOutput({ agent, decision: parsed.decision }), decision: parsed.decision };
  const call = opts.cwd ? { ...parsed.call, cwd: opts.cwd } : parsed.call;
  const compiled = source.kind === "ok" ? source.compiled : source.fallback;
  const paths = { stateDir: opts.stateDir, homeDir: opts.homeDir };
  const git = gitContext(call, compiled, paths, opts.env);
  let decision: TDecision;
  if (git.failure) decision = git.failure;
  else decision = evaluate(call, compiled, { gitRemotes: git.gitRemotes, gitPushRemotes: git.gitPushRemotes, gitDefaultRemotes: git.gitDefaultRemotes, gitRemotesIn: git.gitRemotesIn, ...paths });
  if (source.kind === "failed" && decision.effect === "deny" && !git.failure) {
    // INVARIANT: without a usable snapshot the engine runs a deny-all (or console-only) policy; its
    // denies carry the actual cause so the developer knows what to run
    const blocked = decision.destination ? ` (blocked: \`${decision.destination}\`)` : "";
    decision = { effect: "deny", rule: `snapshot.${source.code}`, reason: `${source.reason}${blocked}`, ...(decision.destination ? { destination: decision.destination } : {}) };
  }

  return { ...renderOutput({ agent, decision, call }), decision, call };
}
