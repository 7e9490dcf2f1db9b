import { writeSync } from "node:fs";

import { checkFromCache } from "../check/fast";
import { runHook } from "./run-hook";
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

/** Runs `egress-sync hook <agent>` for process.argv[3] and exits with the agent's exit code */
export function main(): void {
  void runHook({ agent: process.argv[3] ?? "" }).then((output) => {
    if (output.stdout) write(1, output.stdout);
    if (output.stderr) write(2, output.stderr);
    // Exit now: nothing else may run after the decision (a detached flush is its own process)
    process.exit(output.exitCode);
  });
}

/** `egress-sync check …` for an unchanged, already validated policy file; false: run the full CLI */
export const check = checkFromCache;

/** Build time only: runs the decision path on sample calls so the code cache holds its compiled code */
export const warmup = warmHookCode;
