import type { Command } from "commander";

/** Registers `egress-sync uninstall` (implementation in progress). */
export function configureUninstallCommand(program: Command): Command {
  return program
    .command("uninstall")
    .description("remove the egress-sync hook from an agent's configuration")
    .argument("<agent>", "claude-code | codex | gemini-cli | cursor | copilot")
    .option("--scope <scope>", "user | project | managed", "user")
    .option("--dry-run", "show what would change without writing")
    .option("--json", "machine-readable output")
    .action(() => {
      process.stderr.write("egress-sync: `uninstall` is not implemented yet\n");
      process.exitCode = 1;
    });
}
