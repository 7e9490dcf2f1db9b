import type { Command } from "commander";

import { installedAgentNames } from "../api/agents";
import { pullSnapshot } from "../api/pull-snapshot";
import { commonOptions, printJson, printLine, wrapCommandAction } from "../common";
import type { TCommonOptions } from "../common";
import { resolveStateDir } from "../env";
import { statePaths } from "../state/paths";

export type TPullOptions = TCommonOptions & { timeout?: string };

/** `egress-sync pull [--json] [--timeout <ms>]` */
export function configurePullCommand(program: Command): Command {
  return commonOptions(
    program
      .command("pull")
      .description("fetch, verify and cache the latest signed policy snapshot (a failed pull keeps the last good one)")
      .option("--timeout <ms>", "network timeout in milliseconds", "15000"),
  ).action(wrapCommandAction<TPullOptions>(pull));
}

/** Pulls and verifies the latest snapshot; every failure has its own exit code */
export async function pull(options: TPullOptions): Promise<void> {
  const paths = statePaths(resolveStateDir());
  const timeoutMs = Number(options.timeout) > 0 ? Number(options.timeout) : undefined;
  const result = await pullSnapshot({ paths, now: () => new Date(), agents: installedAgentNames(), timeoutMs });
  if (options.json) {
    printJson({ ok: true, ...result });

    return;
  }
  const what = result.changed ? `pulled policy snapshot v${result.version}` : `policy snapshot v${result.version} is up to date`;
  printLine(`${what} (revision ${result.revision}), valid until ${result.expiresAt}`);
  if (result.rootRotated) printLine(`the organization rotated its root key: now trusting root v${result.rootVersion} (verified against the pinned root)`);
}
