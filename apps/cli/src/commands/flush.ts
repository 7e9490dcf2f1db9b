import type { Command } from "commander";

/** Registers `egress-sync flush` (implementation in progress). */
export function configureFlushCommand(program: Command): Command {
  return program
    .command("flush")
    .description("upload spooled decision events to the console")
    .option("--json", "machine-readable output")
    .action(() => {
      process.stderr.write("egress-sync: `flush` is not implemented yet\n");
      process.exitCode = 1;
    });
}
