import type { Command } from "commander";

import { printJson, printLine, wrapCommandAction } from "../common";
import { locateContext } from "../install/context";
import { resolveConfigFile, uninstallAgent } from "../install/install";
import type { TInstallResult } from "../install/install";
import { describeResult, installOptions, parseInstallTarget } from "../install/report";
import type { TInstallOptions } from "../install/report";

/** Registers `egress-sync uninstall <agent>` */
export function configureUninstallCommand(program: Command): Command {
  return installOptions(
    program
      .command("uninstall")
      .description("remove exactly the entries `install` added to an agent's configuration")
      .argument("<agent>", "claude-code | codex | gemini-cli | cursor | copilot"),
  ).action(
    wrapCommandAction<TInstallOptions>(async (options, agent) => {
      const result = uninstall({ ...options, agent });
      if (options.json) printJson({ ok: true, ...result });
      else for (const line of describeResult({ result, installing: false })) printLine(line);
    }),
  );
}

/** Removes the hook of one agent at one scope */
export function uninstall(options: TInstallOptions & { agent: string | undefined; cwd?: string; now?: Date }): TInstallResult {
  const { agent, scope } = parseInstallTarget({ agent: options.agent, scope: options.scope });
  const file = resolveConfigFile({ agent, scope, ctx: locateContext({ cwd: options.cwd }), uid: process.getuid?.() });

  return uninstallAgent({ agent, scope, file, dryRun: options.dryRun === true, now: options.now ?? new Date() });
}
