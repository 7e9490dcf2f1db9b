import { AGENTS, denyDecision } from "@egress/policy/engine";
import type { TDecision } from "@egress/policy/engine";

import { currentUser, homeDir, resolveStateDir } from "../env";
import { isFlushDue } from "../spool/spool";
import { statePaths } from "../state/paths";
import type { TStatePaths } from "../state/paths";
import type * as TDetached from "../upload/detached";
import { decideHookInput, renderOutput } from "./decide";
import type { THookOutcome, THookOutput } from "./decide";
import { fallbackDenyOutput } from "./fallback-output";
import { cachedPolicySource } from "./policy-source";
import type { TPolicySource } from "./policy-source";
import { buildEvent, recordDecision } from "./record";
import { readStdinBounded } from "./stdin";
import type { TStdinResult } from "./stdin";

/** Largest hook input read (agents send a few KiB; anything bigger is denied unread) */
export const MAX_HOOK_INPUT_BYTES = 1024 * 1024;
/** How long the hook waits for its input */
export const STDIN_TIMEOUT_MS = 3_000;
/** The hook's own deadline, well under every agent's timeout (Copilot 30 s, Gemini 60 s): past it, deny */
export const HOOK_DEADLINE_MS = 5_000;

function denyBeforeParse(opts: { agent: string; rule: string; reason: string }): THookOutcome {
  const decision: TDecision = denyDecision({ rule: opts.rule, reason: opts.reason });

  return { ...renderOutput({ agent: opts.agent, decision }), decision };
}

/**
 * Spools and logs the decision at the policy's log level. Returns whether `commit` was asked and
 * said yes (true) or no (false: nothing recorded), undefined when there was nothing to record
 */
function record(opts: { paths: TStatePaths; agent: string; outcome: THookOutcome; source?: TPolicySource; now: Date; env: NodeJS.ProcessEnv; commit?: () => boolean }): boolean | undefined {
  const compiled = opts.source?.kind === "ok" ? opts.source.compiled : undefined;
  const logLevel = compiled ? compiled.logLevel : 1;
  const { decision } = opts.outcome;
  // Plain allows below log level 2 are neither spooled nor logged: skip building (and redacting) the event
  if (logLevel < 2 && decision.effect === "allow" && !decision.wouldDeny && !decision.warn) return undefined;
  if (opts.commit && !opts.commit()) return false;
  let event;
  try {
    event = buildEvent({
      agent: opts.agent,
      call: opts.outcome.call,
      decision: opts.outcome.decision,
      policyVersion: opts.source?.version,
      now: opts.now,
      user: currentUser(opts.env),
      dlp: compiled?.dlp?.compiled,
    });
  } catch {
    // INVARIANT: recording never changes the decision. If the call's text cannot be redacted, the
    // event keeps only what carries no call text: agent, decision and rule
    event = buildEvent({ agent: opts.agent, decision: { effect: decision.effect, wouldDeny: decision.wouldDeny, warn: decision.warn, rule: decision.rule, reason: "" }, policyVersion: opts.source?.version, now: opts.now });
  }
  recordDecision({ paths: opts.paths, logLevel, event });

  return opts.commit ? true : undefined;
}

/** Starts a detached upload of the spool when one is due (never waits for it, never throws) */
export function maybeStartFlush(paths: TStatePaths, now: Date): void {
  try {
    if (!isFlushDue({ stateDir: paths.dir, now })) return;
    // Loaded only when an upload is due: keeps child_process out of the hook's start-up
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startDetachedFlush } = require("../upload/detached") as typeof TDetached;
    startDetachedFlush({ stateDir: paths.dir, now });
  } catch {
    // Upload is best effort; the spool keeps the events
  }
}

/**
 * What one hook run printed, whether it decided against a usable (verified) policy, and what the
 * request's `commit` said (absent when there was nothing to record)
 */
export type THookRun = THookOutput & { policyOk: boolean; committed?: boolean };

/**
 * The hook's input and environment; `input` absent: read stdin here. `flush: false`: the caller
 * starts uploads itself (the daemon checks on a timer, not on every call). `commit`: asked once the
 * call has something to record, just before it is written; false: the caller is no longer waiting
 * (a hook client that gave up on the daemon records the call itself), so nothing is written
 */
export type THookRequest = { agent: string; input?: TStdinResult; env?: NodeJS.ProcessEnv; flush?: boolean; commit?: () => boolean };

async function decide(opts: THookRequest): Promise<THookRun> {
  const { agent } = opts;
  const env = opts.env ?? process.env;
  if (!(AGENTS as readonly string[]).includes(agent)) {
    return { ...fallbackDenyOutput({ agent, reason: `unknown agent \`${agent}\`: expected one of ${AGENTS.join(", ")}` }), policyOk: false };
  }
  const paths = statePaths(resolveStateDir(env));
  const now = new Date();
  const reading = opts.input ?? readStdinBounded({ maxBytes: MAX_HOOK_INPUT_BYTES, timeoutMs: STDIN_TIMEOUT_MS });
  // The policy is loaded while the input arrives (the read runs on libuv's thread pool)
  const [input, loaded] = await Promise.all([reading, cachedPolicySource({ paths, now })]);
  let outcome: THookOutcome;
  let source: TPolicySource | undefined;
  if (input.kind === "oversize") {
    outcome = denyBeforeParse({ agent, rule: "input.oversize", reason: `oversize input: the hook input is larger than ${MAX_HOOK_INPUT_BYTES} bytes, so it cannot be checked` });
  } else if (input.kind === "timeout") {
    outcome = denyBeforeParse({ agent, rule: "input.timeout", reason: `timed out after ${STDIN_TIMEOUT_MS} ms waiting for the hook input from ${agent}` });
  } else if (input.kind === "error") {
    outcome = denyBeforeParse({ agent, rule: "input.unreadable", reason: `cannot read the hook input (${input.message})` });
  } else {
    source = loaded;
    outcome = decideHookInput({ agent, raw: input.text, source: loaded, stateDir: paths.dir, homeDir: homeDir(env), env });
  }
  const committed = record({ paths, agent, outcome, source, now, env, commit: opts.commit });
  if (opts.flush !== false) maybeStartFlush(paths, now);
  const run: THookRun = { stdout: outcome.stdout, stderr: outcome.stderr, exitCode: outcome.exitCode, policyOk: loaded.kind === "ok" };
  if (committed !== undefined) run.committed = committed;

  return run;
}

/**
 * The whole `egress-sync hook <agent>` run: bounded stdin, verified cached snapshot, engine,
 * spool/log, detached flush. No network. Always resolves to an explicit decision in the agent's
 * protocol: any exception, and the deadline, deny
 */
export async function runHook(opts: THookRequest): Promise<THookRun> {
  const { agent } = opts;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<THookRun>((resolve) => {
    timer = setTimeout(() => resolve({ ...fallbackDenyOutput({ agent, reason: `the hook did not decide within ${HOOK_DEADLINE_MS} ms, so the call is denied` }), policyOk: false }), HOOK_DEADLINE_MS);
  });
  try {
    return await Promise.race([decide(opts), deadline]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);

    return { ...fallbackDenyOutput({ agent, reason: `internal error while checking this call (${message}): denied; run \`egress-sync doctor\`` }), policyOk: false };
  } finally {
    clearTimeout(timer);
  }
}
