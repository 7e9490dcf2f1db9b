import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { AGENTS } from "@egress/policy/engine";

import { homeDir, resolveCacheDir, resolveStateDir } from "../env";
import { decideHookInput } from "../hook/decide";
import type { THookOutput } from "../hook/decide";
import { MAX_HOOK_INPUT_BYTES, STDIN_TIMEOUT_MS } from "../hook/run-hook";
import { readStdinBounded } from "../hook/stdin";
import type { TStdinResult } from "../hook/stdin";
import { checkOutcomeOutput, printOutput } from "./output";
import { readCheckCache } from "./policy-cache";

type TCheckValues = { agent?: string; policy?: string; cwd?: string; json?: boolean; explain?: boolean };

/** How long `check` waits for its input (a person may be typing it) */
export const CHECK_STDIN_TIMEOUT_MS = STDIN_TIMEOUT_MS * 10;

/** The arguments the fast path takes, or undefined (unusual arguments, unknown agent): the full CLI runs it */
function fastArgs(argv: readonly string[]): (TCheckValues & { agent: string; policy: string }) | undefined {
  let values: TCheckValues;
  try {
    ({ values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { agent: { type: "string" }, policy: { type: "string" }, cwd: { type: "string" }, json: { type: "boolean" }, explain: { type: "boolean" } } }));
  } catch {
    return undefined;
  }
  const { agent, policy } = values;
  if (agent === undefined || policy === undefined || !(AGENTS as readonly string[]).includes(agent)) return undefined;

  return { ...values, agent, policy };
}

/** The full CLI's message and exit code for input that could not be read whole */
function badInput(input: Exclude<TStdinResult, { kind: "ok" }>, json: boolean | undefined): THookOutput {
  const why = input.kind === "oversize" ? `is larger than ${MAX_HOOK_INPUT_BYTES} bytes` : input.kind === "timeout" ? "did not arrive" : `cannot be read (${input.message})`;
  const message = `the hook input on stdin ${why}`;
  if (json) return { stdout: `${JSON.stringify({ ok: false, error: { code: "bad_input", message, exitCode: 2 } }, null, 2)}\n`, stderr: "", exitCode: 2 };

  return { stdout: "", stderr: `egress-sync: ${message}\n`, exitCode: 2 };
}

/**
 * `check` of a policy file that validated before and is unchanged since (check/policy-cache.ts), for
 * a caller whose working directory and environment are given (the hook daemon, or this process).
 * Undefined when it cannot take the call: the full CLI then validates the file and reports any problem
 */
export function checkFromCacheOutput(argv: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; input: TStdinResult }): THookOutput | undefined {
  const values = fastArgs(argv);
  if (values === undefined) return undefined;
  const hit = readCheckCache({ cacheDir: resolveCacheDir(opts.env), path: resolve(opts.cwd, values.policy) });

  return hit === undefined ? undefined : decideCheck(values, hit, opts);
}

function decideCheck(values: TCheckValues & { agent: string }, hit: NonNullable<ReturnType<typeof readCheckCache>>, opts: { cwd: string; env: NodeJS.ProcessEnv; input: TStdinResult }): THookOutput {
  if (opts.input.kind !== "ok") return badInput(opts.input, values.json);
  const outcome = decideHookInput({ agent: values.agent, raw: opts.input.text, source: { kind: "ok", compiled: hit.compiled, version: 0 }, stateDir: resolveStateDir(opts.env), homeDir: homeDir(opts.env), cwd: values.cwd === undefined ? undefined : resolve(opts.cwd, values.cwd), env: opts.env });

  return checkOutcomeOutput({ outcome, info: hit.info, mode: values });
}

/**
 * `egress-sync check …` in this process without the full CLI. `input`: stdin as the dispatcher
 * already read it; absent, stdin is read here, only once the call is known to be taken. Returns false
 * when it cannot take the call (see {@link checkFromCacheOutput}). Same decision, output and exit code
 */
export function checkFromCache(argv: readonly string[], input?: TStdinResult): boolean {
  const values = fastArgs(argv);
  const hit = values === undefined ? undefined : readCheckCache({ cacheDir: resolveCacheDir(), path: resolve(values.policy) });
  if (values === undefined || hit === undefined) return false;
  const decide = (read: TStdinResult): void => {
    process.exitCode = printOutput(decideCheck(values, hit, { cwd: process.cwd(), env: process.env, input: read }));
  };
  if (input) decide(input);
  else void readStdinBounded({ maxBytes: MAX_HOOK_INPUT_BYTES, timeoutMs: CHECK_STDIN_TIMEOUT_MS }).then(decide);

  return true;
}

/** Where the dispatcher leaves stdin it read before loading the full CLI (src/bin/dispatcher.cjs) */
const PRE_READ = Symbol.for("egress-sync.check-input");

/** The stdin the dispatcher read before the full CLI was loaded, once */
export function takeHandedOver(): TStdinResult | undefined {
  const store = globalThis as Record<symbol, unknown>;
  const input = store[PRE_READ] as TStdinResult | undefined;
  delete store[PRE_READ];

  return input;
}
