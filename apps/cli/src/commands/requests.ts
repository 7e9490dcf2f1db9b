import type { Command } from "commander";

/** Registers `egress-sync requests` (implementation in progress). */
export function configureRequestsCommand(program: Command): Command {
  return program
    .command("requests")
    .description("list this device's access requests")
    .option("--json", "machine-readable output")
    .action(() => {
      process.stderr.write("egress-sync: `requests` is not implemented yet\n");
      process.exitCode = 1;
    });
}
