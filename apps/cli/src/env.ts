import type * as TOs from "node:os";
import { isAbsolute, join, resolve } from "node:path";

// The only module that reads process.env (STYLE §4.5).

/** Resolves the state directory: `EGRESS_SYNC_HOME`, else `$XDG_CONFIG_HOME/egress-sync`, else `~/.config/egress-sync` */
export function resolveStateDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.EGRESS_SYNC_HOME;
  if (explicit) return resolve(explicit);
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, "egress-sync");

  return join(homeDir(env), ".config", "egress-sync");
}

/** egress-sync's cache directory (derived data only): `$XDG_CACHE_HOME/egress-sync`, else `~/.cache/egress-sync` */
export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, "egress-sync");

  return join(homeDir(env), ".cache", "egress-sync");
}

/** The user's home directory (`HOME` first, as git and shells do) */
export function homeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOME && isAbsolute(env.HOME)) return env.HOME;
  // node:os is not preloaded by Node.js: required only when HOME is unusable (this runs on every hook call)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("node:os") as typeof TOs).homedir();
}

/** The minimal environment given to child processes such as `git`: PATH, HOME, LANG and nothing else */
export function childProcessEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["PATH", "HOME", "LANG"] as const) {
    const value = env[key];
    if (value !== undefined) out[key] = value;
  }

  return out;
}

/** The user name recorded in events (never a secret) */
export function currentUser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.USER ?? env.USERNAME ?? env.LOGNAME;
}

/** Whether hook calls may be handed to the hook daemon (`EGRESS_SYNC_HOOKD=0` turns it off) */
export function hookDaemonEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return process.platform !== "win32" && env.EGRESS_SYNC_HOOKD !== "0";
}

/** How long the hook daemon stays without a call before it exits (`EGRESS_SYNC_HOOKD_IDLE_MS`, default 15 min) */
export function hookDaemonIdleMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.EGRESS_SYNC_HOOKD_IDLE_MS);

  return Number.isInteger(ms) && ms >= 100 ? ms : 15 * 60 * 1000;
}

/** The enrollment token from EGRESS_ENROLL_TOKEN, when `enroll` is run without `--token` */
export function enrollTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.EGRESS_ENROLL_TOKEN?.trim() || undefined;
}
