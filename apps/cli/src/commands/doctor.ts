import type { Command } from "commander";

/** Registers `egress-sync doctor` (implementation in progress). */
export function configureDoctorCommand(program: Command): Command {
  return program
    .command("doctor")
    .description("check enrollment, snapshot, installed hooks and the hook itself")
    .option("--json", "machine-readable output")
    .action(() => {
      process.stderr.write("egress-sync: `doctor` is not implemented yet\n");
      process.exitCode = 1;
    });
}
