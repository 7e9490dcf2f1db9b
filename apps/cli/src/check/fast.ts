import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { AGENTS } from "@egress/policy/engine";

import { homeDir, resolveCacheDir, resolveStateDir } from "../env";
import { decideHookInput } from "../hook/decide";
import { MAX_HOOK_INPUT_BYTES, STDIN_TIMEOUT_MS } from "../hook/run-hook";
import { readStdinBounded } from "../hook/stdin";
import { printCheckOutcome } from "./output";
import { readCheckCache } from "./policy-cache";

/**
 * `egress-sync check` without the full CLI, for a policy file that validated before and has not
 * changed since (check/policy-cache.ts). Returns false, having read nothing from stdin, when it
 * cannot take the call (unusual arguments, unknown agent, a new or changed file): the full CLI
 * then runs it, validates the file and reports any problem. Same decision, output and exit code
 */
export function checkFromCache(argv: readonly string[]): boolean {
  let values: { agent?: string; policy?: string; cwd?: string; json?: boolean; explain?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { agent: { type: "string" }, policy: { type: "string" }, cwd: { type: "string" }, json: { type: "boolean" }, explain: { type: "boolean" } } }));
  } catch {
    return false;
  }
  const { agent, policy } = values;
  if (agent === undefined || policy === undefined || !(AGENTS as readonly string[]).includes(agent)) return false;
  const path = resolve(policy);
  const hit = readCheckCache({ cacheDir: resolveCacheDir(), path });
  if (hit === undefined) return false;
  void readStdinBounded({ maxBytes: MAX_HOOK_INPUT_BYTES, timeoutMs: STDIN_TIMEOUT_MS * 10 }).then((input) => {
    if (input.kind !== "ok") {
      // The full CLI's message and exit code for the same failure (it has no stdin left to read)
      const why = input.kind === "oversize" ? `is larger than ${MAX_HOOK_INPUT_BYTES} bytes` : input.kind === "timeout" ? "did not arrive" : `cannot be read (${input.message})`;
      const message = `the hook input on stdin ${why}`;
      if (values.json) process.stdout.write(`${JSON.stringify({ ok: false, error: { code: "bad_input", message, exitCode: 2 } }, null, 2)}\n`);
      else process.stderr.write(`egress-sync: ${message}\n`);
      process.exitCode = 2;

      return;
    }
    const outcome = decideHookInput({ agent, raw: input.text, source: { kind: "ok", compiled: hit.compiled, version: 0 }, stateDir: resolveStateDir(), homeDir: homeDir(), cwd: values.cwd === undefined ? undefined : resolve(values.cwd) });
    process.exitCode = printCheckOutcome({ outcome, info: hit.info, mode: values });
  });

  return true;
}
