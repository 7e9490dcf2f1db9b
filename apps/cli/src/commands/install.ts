import type { Command } from "commander";

/** Registers `egress-sync install` (implementation in progress). */
export function configureInstallCommand(program: Command): Command {
  return program
    .command("install")
    .description("write the egress-sync hook into an agent's configuration")
    .argument("<agent>", "claude-code | codex | gemini-cli | cursor | copilot")
    .option("--scope <scope>", "user | project | managed", "user")
    .option("--dry-run", "show what would change without writing")
    .option("--json", "machine-readable output")
    .action(() => {
      process.stderr.write("egress-sync: `install` is not implemented yet\n");
      process.exitCode = 1;
    });
}
