import { existsSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

import { homeDir } from "../env";
import type { THookCommand, TLocateContext, TScope } from "./agents";

// Environment read by install/uninstall/doctor (kept in this one module; see STYLE §4.5):
// EGRESS_SYNC_MANAGED_ROOT moves the managed (system) locations under a directory, for tests and images;
// CLAUDE_CONFIG_DIR, CODEX_HOME and COPILOT_HOME are the agents' own overrides of their user directories.

/** The nearest directory at or above `cwd` holding `.git`, else `cwd` itself */
export function findProjectDir(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** Where config files live on this machine */
export function locateContext(opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): TLocateContext {
  const env = opts.env ?? process.env;
  const managedRoot = env.EGRESS_SYNC_MANAGED_ROOT ? resolve(env.EGRESS_SYNC_MANAGED_ROOT) : "/";

  return {
    home: homeDir(env),
    projectDir: findProjectDir(opts.cwd ?? process.cwd()),
    managedRoot,
    platform: process.platform,
    env: { CLAUDE_CONFIG_DIR: env.CLAUDE_CONFIG_DIR, CODEX_HOME: env.CODEX_HOME, COPILOT_HOME: env.COPILOT_HOME },
  };
}

/** The command agents run: this node binary and this CLI bundle, by absolute (real) path */
export function currentHookCommand(opts: { argv1?: string } = {}): THookCommand {
  const script = opts.argv1 ?? process.argv[1] ?? "";
  let cli = resolve(script);
  try {
    cli = realpathSync(cli);
  } catch {
    // Keep the resolved path; doctor reports it if it does not exist
  }

  return { node: process.execPath, cli };
}

/** Why the current user may not install at `scope`, or undefined when allowed */
export function scopePermissionProblem(opts: { scope: TScope; uid: number | undefined }): string | undefined {
  if (opts.scope !== "managed") return undefined;
  if (opts.uid === undefined || opts.uid === 0) return undefined;

  return "`--scope managed` writes system files and needs root: run it again with sudo";
}
