import type { Command } from "commander";

import { installedAgentNames } from "../api/agents";
import { enrollDevice } from "../api/enroll-device";
import { pullSnapshot } from "../api/pull-snapshot";
import { commonOptions, EXIT_CODES, ExitError, printJson, printLine, reportError, wrapCommandAction } from "../common";
import type { TCommonOptions } from "../common";
import { enrollTokenFromEnv, resolveStateDir } from "../env";
import { readStdinBounded } from "../hook/stdin";
import { statePaths } from "../state/paths";

export type TEnrollOptions = TCommonOptions & { server: string; token?: string; name?: string; force?: boolean };

/** `egress-sync enroll --server <url> [--token <token> | --token - | $EGRESS_ENROLL_TOKEN] [--name <name>] [--force] [--json]` */
export function configureEnrollCommand(program: Command): Command {
  return commonOptions(
    program
      .command("enroll")
      .description("enroll this device with your organization's console, pin its root key and pull the policy")
      .requiredOption("--server <url>", "console url (https; http only for localhost)")
      .option("--token <token>", "one-time enrollment token from the console; `-` reads it from stdin, and without the option it is taken from EGRESS_ENROLL_TOKEN (either keeps it out of the process list and shell history)")
      .option("--name <name>", "device name shown in the console (default: host name)")
      .option("--force", "replace an existing enrollment"),
  ).action(wrapCommandAction<TEnrollOptions>(enroll));
}

/** Enrolls, prints the root fingerprint to compare with the console, then does a first pull (a missing snapshot is not fatal) */
export async function enroll(options: TEnrollOptions): Promise<void> {
  const token = await enrollmentToken(options.token);
  const paths = statePaths(resolveStateDir());
  const agents = installedAgentNames();
  const result = await enrollDevice({ paths, server: options.server, token, name: options.name, force: options.force, agents, now: new Date() });
  let pull: { ok: true; version: number; expiresAt: string } | { ok: false; code: string; message: string; exitCode: number };
  try {
    const pulled = await pullSnapshot({ paths, now: () => new Date(), agents });
    pull = { ok: true, version: pulled.version, expiresAt: pulled.expiresAt };
  } catch (error) {
    if (!(error instanceof ExitError)) throw error;
    pull = { ok: false, code: error.code, message: error.message, exitCode: error.exitCode };
  }
  const { config } = result;
  if (options.json) {
    printJson({ ok: true, deviceId: config.deviceId, org: config.org, scope: config.scope, server: config.server, rootVersion: result.rootVersion, rootFingerprint: result.fingerprint, pull });
  } else {
    printLine(`enrolled \`${config.name}\` as device \`${config.deviceId}\` in org \`${config.org.slug}\` (scope \`${config.scope}\`) on ${config.server}`);
    printLine(`root key fingerprint: ${result.fingerprint}`);
    printLine("compare it with the fingerprint shown in the console (Fleet → Enrollment); if they differ, run `egress-sync enroll --force` again only after asking your security team");
    if (pull.ok) printLine(`pulled policy snapshot v${pull.version}, valid until ${pull.expiresAt}`);
    else if (pull.code === "no_snapshot") printLine("no policy is published for this scope yet: the hook denies network calls until you run `egress-sync pull` after one is published");
  }
  if (!pull.ok && pull.code !== "no_snapshot") {
    // Enrollment stands; the pull failure keeps its own exit code
    if (!options.json) reportError({ error: new ExitError({ exitCode: pull.exitCode, code: pull.code, message: `enrolled, but the first pull failed: ${pull.message}` }) });
    else process.exitCode = pull.exitCode;
  }
}

/** The token from `--token <token>`, from stdin for `--token -`, else from EGRESS_ENROLL_TOKEN */
async function enrollmentToken(option: string | undefined): Promise<string> {
  let token = option;
  if (option === "-") {
    const input = await readStdinBounded({ maxBytes: 4096, timeoutMs: 30_000 });
    if (input.kind !== "ok") {
      const why = input.kind === "oversize" ? "is longer than 4096 bytes" : input.kind === "timeout" ? "did not arrive within 30 s" : `cannot be read (${input.message})`;
      throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "bad_token", message: `\`--token -\` reads the enrollment token from stdin, but stdin ${why}` });
    }
    token = input.text.trim();
  } else if (option === undefined) token = enrollTokenFromEnv();
  if (!token) {
    throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "bad_token", message: "no enrollment token: pass `--token <token>`, pipe it with `--token -`, or set EGRESS_ENROLL_TOKEN (the console shows one under Fleet → Enrollment)" });
  }
  if (/\s/.test(token)) throw new ExitError({ exitCode: EXIT_CODES.USAGE, code: "bad_token", message: "the enrollment token contains whitespace: pass exactly the token the console shows" });

  return token;
}
