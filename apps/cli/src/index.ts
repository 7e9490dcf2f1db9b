import { CommanderError } from "commander";

import { EXIT_CODES, reportError } from "./common";
import { createProgram } from "./program";

// Entry of dist/cli.cjs (the bin dispatcher loads it for every command but `hook <agent>`).

async function main(): Promise<void> {
  const program = createProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; every usage error exits 2 (commander already printed it)
      process.exitCode = error.exitCode === 0 ? EXIT_CODES.OK : EXIT_CODES.USAGE;

      return;
    }
    reportError({ error, json: process.argv.includes("--json") });
  }
}

void main();
