import type { Command } from "commander";

/** Process exit codes of `egress-sync` (the hook uses each agent's own protocol instead) */
export const EXIT_CODES = {
  OK: 0,
  ERROR: 1,
  USAGE: 2,
  NOT_ENROLLED: 3,
  NETWORK: 4,
  SERVER_ERROR: 5,
  DEVICE_REVOKED: 6,
  NO_SNAPSHOT: 7,
  PROTOCOL: 8,
  UNAUTHORIZED: 9,
  SNAPSHOT_OVERSIZE: 10,
  SNAPSHOT_MALFORMED: 11,
  SNAPSHOT_UNKNOWN_KEY: 12,
  SNAPSHOT_BAD_SIGNATURE: 13,
  SNAPSHOT_BROKEN_ROOT_CHAIN: 14,
  SNAPSHOT_WRONG_ORG: 15,
  SNAPSHOT_WRONG_SCOPE: 16,
  SNAPSHOT_ROLLBACK: 17,
  SNAPSHOT_EXPIRED: 18,
  POLICY_INVALID: 19,
  STATE_CORRUPT: 20,
  INSECURE_SERVER: 21,
} as const;
export type TExitCodeName = keyof typeof EXIT_CODES;
export type TExitCode = (typeof EXIT_CODES)[TExitCodeName];

/** Snapshot verification code (from `@egress/snapshot/verify`) → exit code */
export const SNAPSHOT_EXIT_CODES: Readonly<Record<string, TExitCode>> = {
  oversize: EXIT_CODES.SNAPSHOT_OVERSIZE,
  malformed: EXIT_CODES.SNAPSHOT_MALFORMED,
  unknown_key: EXIT_CODES.SNAPSHOT_UNKNOWN_KEY,
  bad_signature: EXIT_CODES.SNAPSHOT_BAD_SIGNATURE,
  broken_root_chain: EXIT_CODES.SNAPSHOT_BROKEN_ROOT_CHAIN,
  wrong_org: EXIT_CODES.SNAPSHOT_WRONG_ORG,
  wrong_scope: EXIT_CODES.SNAPSHOT_WRONG_SCOPE,
  rollback: EXIT_CODES.SNAPSHOT_ROLLBACK,
  expired: EXIT_CODES.SNAPSHOT_EXPIRED,
};

/**
 * An error with a message a developer can act on and the exit code to leave with.
 * `code` is a stable snake_case identifier printed in `--json` output
 */
export class ExitError extends Error {
  readonly exitCode: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(opts: { exitCode: number; code: string; message: string; details?: Record<string, unknown> }) {
    super(opts.message);
    this.name = "ExitError";
    this.exitCode = opts.exitCode;
    this.code = opts.code;
    this.details = opts.details;
  }
}

/** Options every command accepts */
export type TCommonOptions = { json?: boolean };

/** Adds `--json` to a command */
export function commonOptions(command: Command): Command {
  return command.option("--json", "print machine-readable json on stdout");
}

/** Writes one JSON document on stdout */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes human text on stdout (ignored in `--json` mode by callers) */
export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Writes a human error line on stderr: `egress-sync: <message>` */
export function printError(message: string): void {
  process.stderr.write(`egress-sync: ${message}\n`);
}

function toExitError(error: unknown): ExitError {
  if (error instanceof ExitError) return error;
  const message = error instanceof Error ? error.message : String(error);

  return new ExitError({ exitCode: EXIT_CODES.ERROR, code: "internal_error", message: `unexpected error: ${message}` });
}

/** Reports an error as JSON (`{ ok: false, error: { code, message } }` on stdout) or as text on stderr, and sets the exit code */
export function reportError(opts: { error: unknown; json?: boolean }): number {
  const error = toExitError(opts.error);
  if (opts.json) printJson({ ok: false, error: { code: error.code, message: error.message, exitCode: error.exitCode, ...error.details } });
  else printError(error.message);
  process.exitCode = error.exitCode;

  return error.exitCode;
}

/**
 * Wraps a command action: runs it, turns thrown errors into a message and an exit code.
 * The action receives the command's options (merged with global ones) and positional args
 */
export function wrapCommandAction<TOptions extends TCommonOptions>(
  action: (options: TOptions, ...args: string[]) => Promise<void> | void,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const options = command.optsWithGlobals<TOptions>();
    const positional = args.slice(0, -2).filter((value): value is string => typeof value === "string");
    try {
      await action(options, ...positional);
    } catch (error) {
      reportError({ error, json: options.json });
    }
  };
}

declare const __EGRESS_CLI_VERSION__: string | undefined;

/** The CLI version (injected by the build; `0.0.0-dev` when run from source) */
export const CLI_VERSION: string = typeof __EGRESS_CLI_VERSION__ === "string" ? __EGRESS_CLI_VERSION__ : "0.0.0-dev";
