import type { Command } from "commander";

import { EXIT_CODES, ExitError } from "../common";
import { AGENT_IDS, parseAgentId, SCOPES } from "./agents";
import type { TAgentId, TScope } from "./agents";
import type { TInstallResult } from "./install";

/** Options shared by install and uninstall */
export type TInstallOptions = { scope?: string; dryRun?: boolean; json?: boolean };

/** Adds `--scope`, `--dry-run` and `--json` */
export function installOptions(command: Command): Command {
  return command
    .option("--scope <scope>", `where to write: ${SCOPES.join(" | ")}`, "user")
    .option("--dry-run", "show what would change without writing anything")
    .option("--json", "print machine-readable json on stdout");
}

/** Validates the agent and scope arguments with errors that list what is accepted */
export function parseInstallTarget(opts: { agent: string | undefined; scope: string | undefined }): { agent: TAgentId; scope: TScope } {
  const agent = parseAgentId(opts.agent ?? "");
  if (!agent) {
    throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "unknown_agent", message: `unknown agent \`${opts.agent ?? ""}\`: expected one of ${AGENT_IDS.map((a) => `\`${a}\``).join(", ")}` });
  }
  const scope = opts.scope ?? "user";
  if (!(SCOPES as readonly string[]).includes(scope)) {
    throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "unknown_scope", message: `unknown scope \`${scope}\`: expected one of ${SCOPES.map((s) => `\`${s}\``).join(", ")}` });
  }

  return { agent, scope: scope as TScope };
}

const VERBS: Record<TInstallResult["action"], string> = {
  created: "created",
  updated: "updated",
  unchanged: "already up to date:",
  removed: "removed the egress-sync hook from",
  deleted: "removed (nothing else was in it)",
  absent: "nothing to do, no file at",
};

/** Human lines describing an install or uninstall */
export function describeResult(opts: { result: TInstallResult; installing: boolean }): string[] {
  const { result } = opts;
  const would = result.dryRun && result.action !== "unchanged" && result.action !== "absent" ? "(dry run) would be " : "";
  const lines = [`${result.agent} (${result.scope}): ${would}${VERBS[result.action]} \`${result.file}\``];
  if (result.backup) lines.push(`  backup: \`${result.backup}\``);
  if (!opts.installing) return lines;
  if (result.failClosed.supported) lines.push(`  fail-closed: on (${result.failClosed.knob})`);
  else lines.push(`  fail-closed: not available: ${result.failClosed.note}`);
  if (result.sessionStart) lines.push(`  session start: background \`egress-sync pull\` on ${result.sessionStart}`);
  if (result.dryRun && result.content !== undefined) lines.push("", result.content);

  return lines;
}
