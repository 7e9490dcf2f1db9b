import type { Command } from "commander";

import { printJson, printLine, wrapCommandAction } from "../common";
import { currentHookCommand, locateContext } from "../install/context";
import { installAgent, resolveConfigFile } from "../install/install";
import type { TInstallResult } from "../install/install";
import { describeResult, installOptions, parseInstallTarget } from "../install/report";
import type { TInstallOptions } from "../install/report";

/** Registers `egress-sync install <agent>` */
export function configureInstallCommand(program: Command): Command {
  return installOptions(
    program
      .command("install")
      .description("write the egress-sync hook into an agent's configuration (backup first, idempotent)")
      .argument("<agent>", "claude-code | codex | gemini-cli | cursor | copilot"),
  ).action(
    wrapCommandAction<TInstallOptions>(async (options, agent) => {
      const result = install({ ...options, agent });
      if (options.json) printJson({ ok: true, ...result });
      else for (const line of describeResult({ result, installing: true })) printLine(line);
    }),
  );
}

/** Installs the hook for one agent at one scope */
export function install(options: TInstallOptions & { agent: string | undefined; cwd?: string; now?: Date }): TInstallResult {
  const { agent, scope } = parseInstallTarget({ agent: options.agent, scope: options.scope });
  const ctx = locateContext({ cwd: options.cwd });
  const file = resolveConfigFile({ agent, scope, ctx, uid: process.getuid?.() });

  return installAgent({ agent, scope, file, cmd: currentHookCommand(), dryRun: options.dryRun === true, now: options.now ?? new Date() });
}
