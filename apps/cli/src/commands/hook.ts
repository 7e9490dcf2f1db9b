import { writeSync } from "node:fs";
import type { Command } from "commander";

import { runHook } from "../hook/run-hook";

/** `egress-sync hook <agent>` (normally served by dist/hook.cjs; this entry covers help and direct calls) */
export function configureHookCommand(program: Command): Command {
  return program
    .command("hook")
    .description("decide one tool call of an agent from stdin, offline (installed into the agent's config by `install`)")
    .argument("<agent>", "claude-code, codex, gemini-cli, cursor or copilot")
    .action(hook);
}

/** Runs the hook for `agent` and exits with the agent protocol's code */
export async function hook(agent: string): Promise<void> {
  const output = await runHook({ agent });
  if (output.stdout) writeSync(1, output.stdout);
  if (output.stderr) writeSync(2, output.stderr);
  process.exitCode = output.exitCode;
}
