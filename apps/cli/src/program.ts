import { Command } from "commander";

import { CLI_VERSION } from "./common";
import { configureCheckCommand } from "./commands/check";
import { configureDoctorCommand } from "./commands/doctor";
import { configureEnrollCommand } from "./commands/enroll";
import { configureFlushCommand } from "./commands/flush";
import { configureHookCommand } from "./commands/hook";
import { configureInstallCommand } from "./commands/install";
import { configurePullCommand } from "./commands/pull";
import { configureRequestCommand } from "./commands/request";
import { configureRequestsCommand } from "./commands/requests";
import { configureStatusCommand } from "./commands/status";
import { configureUninstallCommand } from "./commands/uninstall";
import { configureVerifyCommand } from "./commands/verify";

/** The `egress-sync` command tree */
export function createProgram(): Command {
  const program = new Command("egress-sync")
    .description("enforce your organization's egress policy on AI coding agents, offline")
    .version(CLI_VERSION, "-v, --version")
    .showHelpAfterError()
    .exitOverride();
  configureEnrollCommand(program);
  configurePullCommand(program);
  configureStatusCommand(program);
  configureVerifyCommand(program);
  configureHookCommand(program);
  configureCheckCommand(program);
  configureInstallCommand(program);
  configureUninstallCommand(program);
  configureDoctorCommand(program);
  configureFlushCommand(program);
  configureRequestCommand(program);
  configureRequestsCommand(program);

  return program;
}
