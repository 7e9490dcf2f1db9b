import { Option } from "commander";
import type { Command } from "commander";

import { printJson, printLine, wrapCommandAction } from "../common";
import { resolveStateDir } from "../env";
import { FLUSH_TIMEOUT_MS, flushSpool } from "../upload/flush";
import type { TFlushResult } from "../upload/flush";

type TFlushOptions = { json?: boolean; background?: boolean; timeout?: string };

/** Registers `egress-sync flush` */
export function configureFlushCommand(program: Command): Command {
  return program
    .command("flush")
    .description("upload spooled decision events to the console (at least once, in batches of 500)")
    .option("--json", "print machine-readable json on stdout")
    .option("--timeout <ms>", "overall time budget in milliseconds", String(FLUSH_TIMEOUT_MS))
    .addOption(new Option("--background", "started by the hook: no output").hideHelp())
    .action(
      wrapCommandAction<TFlushOptions>(async (options) => {
        const result = await flush(options);
        if (options.background) return;
        if (options.json) printJson({ ok: result.status !== "failed", ...summary(result), error: result.error ? { code: result.error.code, message: result.error.message } : undefined });
        else for (const line of describeFlush(result)) printLine(line);
        if (result.error) {
          if (!options.json) process.stderr.write(`egress-sync: ${result.error.message}\n`);
          process.exitCode = result.error.exitCode;
        }
      }),
    );
}

function summary(result: TFlushResult): Omit<TFlushResult, "error"> {
  const { error: _error, ...rest } = result;

  return rest;
}

/** Human summary of a flush */
export function describeFlush(result: TFlushResult): string[] {
  if (result.status === "busy") return [`another flush is already running (pid ${result.busyPid ?? "unknown"}): nothing to do`];
  const lines = [`sent ${result.sent} events: ${result.stored} stored, ${result.duplicates} already on the console, ${result.rejected} rejected`];
  if (result.rejected > 0) lines.push("rejected events were set aside in `rejected.jsonl` in the state directory and will not be sent again");
  if (result.pending > 0) lines.push(`${result.pending} events are kept in the spool for the next flush`);

  return lines;
}

/** Uploads the spool within an overall time budget; a hard timer ends a stuck process */
export async function flush(options: TFlushOptions & { stateDir?: string }): Promise<TFlushResult> {
  const parsed = Number(options.timeout ?? FLUSH_TIMEOUT_MS);
  const timeoutMs = Number.isFinite(parsed) && parsed > 0 ? parsed : FLUSH_TIMEOUT_MS;
  const hardStop = setTimeout(() => process.exit(process.exitCode ?? 1), timeoutMs + 10_000);
  hardStop.unref();
  try {
    return await flushSpool({ stateDir: options.stateDir ?? resolveStateDir(), timeoutMs });
  } finally {
    clearTimeout(hardStop);
  }
}
