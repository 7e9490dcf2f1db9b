import { writeSync } from "node:fs";

import { checkFromCache } from "../check/fast";
import { resolveStateDir } from "../env";
import { retireHookDaemon, serveHookDaemon, startHookDaemon } from "./daemon";
import { runHook } from "./run-hook";
import type { TStdinResult } from "./stdin";
import { warmHookCode } from "./warmup";

// Entry of dist/hook.cjs. The bin dispatcher loads it (with its V8 code cache, see build.mjs) for
// `egress-sync hook <agent>` and calls `main`, and for `egress-sync check …` and calls `check`;
// build.mjs calls `warmup` once to record the code cache.

function write(fd: number, text: string): void {
  const buffer = Buffer.from(text, "utf8");
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += writeSync(fd, buffer, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return;
    }
  }
}

/**
 * What the dispatcher already did before loading this bundle: read stdin, and asked the hook daemon,
 * which did not answer: `absent` (none runs), `stale` (it runs another build), `failed` (it answered
 * wrongly or too late), `busy` (no free pipe), `off`, `skipped` (the input was not read whole)
 */
export type TDispatched = { input: TStdinResult; daemon: "absent" | "stale" | "failed" | "busy" | "off" | "skipped" };

/** Runs `egress-sync hook <agent>` for process.argv[3] in this process and exits with the agent's exit code */
export function main(dispatched?: TDispatched): void {
  void runHook({ agent: process.argv[3] ?? "", input: dispatched?.input }).then((output) => {
    if (output.stdout) write(1, output.stdout);
    if (output.stderr) write(2, output.stderr);
    // The answer is out; only now the daemon is replaced or started, for the next calls
    try {
      if (dispatched?.daemon === "failed") retireHookDaemon(resolveStateDir());
      if (output.policyOk && (dispatched?.daemon === "absent" || dispatched?.daemon === "stale")) startHookDaemon({ stateDir: resolveStateDir() });
    } catch {
      // The daemon only saves time
    }
    // Exit now: nothing else may run after the decision (a detached flush is its own process)
    process.exit(output.exitCode);
  });
}

/** `egress-sync hookd`: serves hook calls for this state directory until idle (hook/daemon.ts) */
export const serve = serveHookDaemon;

/**
 * `egress-sync check …` for an unchanged, already validated policy file; false: run the full CLI.
 * With the input the dispatcher read and why the daemon did not answer: a check taken here starts
 * the daemon for the next ones, as a hook call does
 */
export function check(argv: readonly string[], input?: TStdinResult, daemon?: TDispatched["daemon"]): boolean {
  const taken = checkFromCache(argv, input);
  try {
    if (taken && input && (daemon === "absent" || daemon === "stale")) startHookDaemon({ stateDir: resolveStateDir() });
  } catch {
    // The daemon only saves time
  }

  return taken;
}

/** Build time only: runs the decision path on sample calls so the code cache holds its compiled code */
export const warmup = warmHookCode;
