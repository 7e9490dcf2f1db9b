import type { Command } from "commander";

import { EXIT_CODES, printJson, printLine, wrapCommandAction } from "../common";
import { resolveStateDir } from "../env";
import { locateContext } from "../install/context";
import { runDoctorChecks } from "../install/doctor-checks";
import type { TCheck } from "../install/doctor-checks";

type TDoctorOptions = { json?: boolean; sample?: boolean };

const MARK: Record<TCheck["status"], string> = { ok: "ok  ", warn: "warn", fail: "FAIL" };

/** Registers `egress-sync doctor` */
export function configureDoctorCommand(program: Command): Command {
  return program
    .command("doctor")
    .description("check enrollment, the policy snapshot, installed hooks (with a sample decision each) and the event spool")
    .option("--json", "print machine-readable json on stdout")
    .option("--no-sample", "do not run a sample decision through each installed hook")
    .action(
      wrapCommandAction<TDoctorOptions>(async (options) => {
        const checks = doctor(options);
        const ok = !checks.some((check) => check.status === "fail");
        if (options.json) printJson({ ok, checks });
        else for (const line of describeChecks(checks)) printLine(line);
        if (!ok) process.exitCode = EXIT_CODES.ERROR;
      }),
    );
}

/** One line per check, then what to fix, one line each with the exact command */
export function describeChecks(checks: TCheck[]): string[] {
  const lines = checks.map((check) => `${MARK[check.status]}  ${check.message}`);
  const fixes = [...new Set(checks.filter((check) => check.status !== "ok" && check.fix).map((check) => check.fix))];
  if (fixes.length > 0) lines.push("", "to fix:", ...fixes.map((fix) => `  ${fix}`));
  else if (!checks.some((check) => check.status === "fail")) lines.push("", "everything looks good");

  return lines;
}

/** Runs every check */
export function doctor(options: TDoctorOptions & { stateDir?: string; cwd?: string; now?: Date }): TCheck[] {
  return runDoctorChecks({ stateDir: options.stateDir ?? resolveStateDir(), ctx: locateContext({ cwd: options.cwd }), now: options.now ?? new Date(), sample: options.sample !== false });
}
