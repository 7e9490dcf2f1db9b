import type { Command } from "commander";

/** Registers `egress-sync request` (implementation in progress). */
export function configureRequestCommand(program: Command): Command {
  return program
    .command("request")
    .description("ask the security team for access to a host, MCP connector or command")
    .argument("<target>", "host, mcp:<connector> or cmd:<command>")
    .requiredOption("--reason <reason>", "why you need it")
    .option("--json", "machine-readable output")
    .action(() => {
      process.stderr.write("egress-sync: `request` is not implemented yet\n");
      process.exitCode = 1;
    });
}
