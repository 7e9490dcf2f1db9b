import { writeSync } from "node:fs";

import { runHook } from "./run-hook";

// Entry of dist/hook.cjs, loaded by the bin dispatcher for `egress-sync hook <agent>` only.

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

void runHook({ agent: process.argv[3] ?? "" }).then((output) => {
  if (output.stdout) write(1, output.stdout);
  if (output.stderr) write(2, output.stderr);
  // Exit now: nothing else may run after the decision (a detached flush is its own process)
  process.exit(output.exitCode);
});
