import { spawn } from "node:child_process";
import { resolve } from "node:path";

import { claimFlush, isFlushDue } from "../spool/spool";

const PASSED_ENV = ["PATH", "HOME", "LANG", "NODE_EXTRA_CA_CERTS", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"] as const;

/** The minimal environment of a background flush: no agent or shell variables, never secrets */
export function detachedFlushEnv(opts: { stateDir: string; env?: NodeJS.ProcessEnv }): Record<string, string> {
  const env = opts.env ?? process.env;
  const out: Record<string, string> = {};
  for (const key of PASSED_ENV) {
    const value = env[key];
    if (value) out[key] = value;
  }
  out.EGRESS_SYNC_HOME = opts.stateDir;

  return out;
}

/**
 * Starts `egress-sync flush --background` detached (its own session, no stdio, by argv — never a
 * shell) when events wait and the backoff allows it, then returns at once. Never throws: the hook
 * must answer the agent whatever happens here
 */
export function startDetachedFlush(opts: { stateDir: string; cliPath?: string; now?: Date }): { started: boolean } {
  try {
    const now = opts.now ?? new Date();
    if (!isFlushDue({ stateDir: opts.stateDir, now })) return { started: false };
    const cli = opts.cliPath ?? process.argv[1];
    if (!cli) return { started: false };
    claimFlush({ stateDir: opts.stateDir, now });
    const child = spawn(process.execPath, [resolve(cli), "flush", "--background"], {
      detached: true,
      stdio: "ignore",
      cwd: opts.stateDir,
      env: detachedFlushEnv({ stateDir: opts.stateDir }),
      windowsHide: true,
    });
    child.on("error", () => undefined);
    child.unref();

    return { started: true };
  } catch {
    return { started: false };
  }
}
