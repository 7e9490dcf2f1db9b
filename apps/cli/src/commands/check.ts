import { resolve } from "node:path";
import { AGENTS } from "@egress/policy";
import type { Command } from "commander";

import { CHECK_STDIN_TIMEOUT_MS, takeHandedOver } from "../check/fast";
import { printCheckOutcome } from "../check/output";
import { EXIT_CODES, ExitError, wrapCommandAction } from "../common";
import { homeDir, resolveCacheDir, resolveStateDir } from "../env";
import { decideHookInput } from "../hook/decide";
import { filePolicySource } from "../hook/file-source";
import { MAX_HOOK_INPUT_BYTES } from "../hook/run-hook";
import { readStdinBounded } from "../hook/stdin";

export type TCheckOptions = { agent: string; policy: string; cwd?: string; json?: boolean; explain?: boolean };

/** `egress-sync check --agent <agent> --policy <file> [--cwd <dir>] [--json] [--explain]` */
export function configureCheckCommand(program: Command): Command {
  return program
    .command("check")
    .description("decide one hook input from stdin against a policy file, printing exactly what `hook <agent>` would")
    .requiredOption("--agent <agent>", `agent protocol: ${AGENTS.join(", ")}`)
    .requiredOption("--policy <file>", "native policy json or a cross-provider-egress-guard mcp-gate-policy.json")
    .option("--cwd <dir>", "working directory used to resolve git remotes (default: the input's cwd)")
    .option("--json", "print the decision object instead of the agent's output")
    .option("--explain", "print a human explanation instead of the agent's output")
    .action(wrapCommandAction<TCheckOptions>(check));
}

/** Same code path as the hook, with the policy from a file; same stdout and exit code unless --json/--explain */
export async function check(options: TCheckOptions): Promise<void> {
  if (!(AGENTS as readonly string[]).includes(options.agent)) {
    throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "unknown_agent", message: `unknown agent \`${options.agent}\`: expected one of ${AGENTS.join(", ")}` });
  }
  // The dispatcher may have read stdin already (it tried the hook daemon and the cached fast path first)
  const input = takeHandedOver() ?? (await readStdinBounded({ maxBytes: MAX_HOOK_INPUT_BYTES, timeoutMs: CHECK_STDIN_TIMEOUT_MS }));
  if (input.kind !== "ok") {
    const why = input.kind === "oversize" ? `is larger than ${MAX_HOOK_INPUT_BYTES} bytes` : input.kind === "timeout" ? "did not arrive" : `cannot be read (${input.message})`;
    throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "bad_input", message: `the hook input on stdin ${why}` });
  }
  const { source, info } = filePolicySource(resolve(options.policy), { cacheDir: resolveCacheDir() });
  const outcome = decideHookInput({ agent: options.agent, raw: input.text, source, stateDir: resolveStateDir(), homeDir: homeDir(), cwd: options.cwd ? resolve(options.cwd) : undefined });
  process.exitCode = printCheckOutcome({ outcome, info, mode: options });
}
