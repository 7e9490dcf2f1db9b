import { spawn } from "node:child_process";
import { resolve } from "node:path";

import { claimFlush, isFlushDue } from "../spool/spool";
import { detachedFlushEnv } from "./flush-env";

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
