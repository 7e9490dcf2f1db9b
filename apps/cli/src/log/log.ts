import { closeSync, fstatSync, openSync, renameSync, writeSync } from "node:fs";

/** Largest local log file before it is rotated to `egress.log.1` (one generation kept) */
export const MAX_LOG_BYTES = 2 * 1024 * 1024;

/** Log levels of the policy: 0 off, 1 blocks and warnings, 2 every decision */
export type TLogLevel = 0 | 1 | 2;

/** One local log line (already redacted by the caller) */
export type TLogEntry = { event: "egress_block" | "egress_warn" | "egress_decision"; [key: string]: unknown };

/**
 * Appends one JSON line to the local log with a single O_APPEND write; rotates to `<file>.1` when
 * the file is over {@link MAX_LOG_BYTES}. Never throws: logging must not change a decision
 */
export function appendLogLine(opts: { file: string; entry: TLogEntry }): void {
  try {
    const line = Buffer.from(`${JSON.stringify(opts.entry)}\n`, "utf8");
    let fd = openSync(opts.file, "a", 0o600);
    if (fstatSync(fd).size + line.length > MAX_LOG_BYTES) {
      closeSync(fd);
      renameSync(opts.file, `${opts.file}.1`);
      fd = openSync(opts.file, "a", 0o600);
    }
    try {
      writeSync(fd, line);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The log is best effort; the decision already stands
  }
}

/** Whether an event of this kind is logged at `level` */
export function shouldLog(opts: { level: number; event: TLogEntry["event"] }): boolean {
  if (opts.level >= 2) return true;
  if (opts.level >= 1) return opts.event !== "egress_decision";

  return false;
}
