import { constants, copyFileSync, chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, unlinkSync } from "node:fs";
import { dirname } from "node:path";

import { EXIT_CODES, ExitError } from "../common";
import { writeFileAtomic } from "../state/files";
import { AGENTS } from "./agents";
import type { TAgentId, TFailClosed, THookCommand, TLocateContext, TScope } from "./agents";
import { scopePermissionProblem } from "./context";
import { ConfigRefusedError, mergeEntries, removeEntries } from "./jsonc-edit";

export type TInstallAction = "created" | "updated" | "unchanged" | "removed" | "deleted" | "absent";

export type TInstallResult = {
  agent: TAgentId;
  scope: TScope;
  file: string;
  action: TInstallAction;
  dryRun: boolean;
  backup: string | null;
  failClosed: TFailClosed;
  sessionStart: string | null;
  /** The file's new content (dry run) */
  content?: string;
};

function refuse(message: string): ExitError {
  return new ExitError({ exitCode: EXIT_CODES.ERROR, code: "config_refused", message });
}

/** The config file of an agent at a scope; throws a clear error when the scope is refused */
export function resolveConfigFile(opts: { agent: TAgentId; scope: TScope; ctx: TLocateContext; uid: number | undefined }): string {
  const located = AGENTS[opts.agent].locate({ scope: opts.scope, ctx: opts.ctx });
  if ("refused" in located) throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "scope_unsupported", message: located.refused });
  const problem = scopePermissionProblem({ scope: opts.scope, uid: opts.uid });
  if (problem) throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "needs_root", message: `${problem}: \`${located.file}\`` });

  return located.file;
}

/** Reads the current config: its text and mode, or null when the file does not exist. Refuses symlinks and non-files */
export function readConfigFile(file: string): { text: string; mode: number } | null {
  let stat;
  try {
    stat = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw refuse(`cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? "unknown error"}`);
  }
  if (stat.isSymbolicLink()) {
    throw refuse(`\`${file}\` is a symlink to \`${readlinkSync(file)}\`: egress-sync does not write through symlinks; edit the target directly or replace the link with a file, nothing was changed`);
  }
  if (!stat.isFile()) throw refuse(`\`${file}\` is not a regular file; nothing was changed`);

  return { text: readFileSync(file, "utf8"), mode: stat.mode & 0o777 };
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

/** Copies `file` to `<file>.egress-backup-<timestamp>` (never overwriting an older backup) */
export function backupFile(opts: { file: string; mode: number; now: Date }): string {
  const base = `${opts.file}.egress-backup-${timestamp(opts.now)}`;
  for (let n = 1; n < 100; n++) {
    const target = n === 1 ? base : `${base}-${n}`;
    try {
      copyFileSync(opts.file, target, constants.COPYFILE_EXCL);
      chmodSync(target, opts.mode);

      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw refuse(`cannot back up \`${opts.file}\`: ${(error as NodeJS.ErrnoException).code ?? "unknown error"}; nothing was changed`);
    }
  }
  throw refuse(`too many backups of \`${opts.file}\` in the same second; nothing was changed`);
}

function edited<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ConfigRefusedError) throw refuse(error.message);
    throw error;
  }
}

/** Merges the egress-sync hook into the agent's config (backup first, idempotent) */
export function installAgent(opts: { agent: TAgentId; scope: TScope; file: string; cmd: THookCommand; dryRun: boolean; now: Date }): TInstallResult {
  const spec = AGENTS[opts.agent];
  const current = readConfigFile(opts.file);
  const next = edited(() => mergeEntries({ text: current?.text ?? "", file: opts.file, spec, cmd: opts.cmd }));
  const base = { agent: opts.agent, scope: opts.scope, file: opts.file, dryRun: opts.dryRun, failClosed: spec.failClosed, sessionStart: spec.sessionStart };
  if (current && next === current.text) return { ...base, action: "unchanged", backup: null };
  const action: TInstallAction = current ? "updated" : "created";
  if (opts.dryRun) return { ...base, action, backup: null, content: next };
  let backup: string | null = null;
  if (current) backup = backupFile({ file: opts.file, mode: current.mode, now: opts.now });
  else mkdirSync(dirname(opts.file), { recursive: true, mode: 0o755 });
  writeFileAtomic({ file: opts.file, data: next, mode: current?.mode ?? 0o644 });
  if (current) chmodSync(opts.file, current.mode);

  return { ...base, action, backup };
}

/** Removes exactly the entries install added; deletes the file when nothing else is left in it */
export function uninstallAgent(opts: { agent: TAgentId; scope: TScope; file: string; dryRun: boolean; now: Date }): TInstallResult {
  const spec = AGENTS[opts.agent];
  const current = readConfigFile(opts.file);
  const base = { agent: opts.agent, scope: opts.scope, file: opts.file, dryRun: opts.dryRun, failClosed: spec.failClosed, sessionStart: spec.sessionStart };
  if (!current) return { ...base, action: "absent", backup: null };
  const next = edited(() => removeEntries({ text: current.text, file: opts.file, spec }));
  if (next === current.text) return { ...base, action: "unchanged", backup: null };
  const isDelete = typeof next !== "string";
  if (opts.dryRun) return { ...base, action: isDelete ? "deleted" : "removed", backup: null, content: isDelete ? "" : next };
  const backup = backupFile({ file: opts.file, mode: current.mode, now: opts.now });
  if (isDelete) unlinkSync(opts.file);
  else {
    writeFileAtomic({ file: opts.file, data: next, mode: current.mode });
    chmodSync(opts.file, current.mode);
  }

  return { ...base, action: isDelete ? "deleted" : "removed", backup };
}
