import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, chmodSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Creates the state directory (and parents) with mode 0700, and tightens an existing one */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
  } catch {
    // Not ours to change (e.g. a shared parent); the files themselves are 0600
  }
}

/**
 * Writes `data` to `file` atomically: a temp file in the same directory, fsync, rename over the
 * target, then fsync the directory. A crash leaves either the old or the new content, never a mix
 */
export function writeFileAtomic(opts: { file: string; data: string | Uint8Array; mode?: number }): void {
  const { file, data } = opts;
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = openSync(temp, "wx", opts.mode ?? 0o600);
  try {
    const buffer = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    let offset = 0;
    while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSilently(temp);
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    unlinkSilently(temp);
    throw error;
  }
  fsyncDir(dir);
}

/** fsync a directory so a rename inside it survives a crash (best effort where unsupported) */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function unlinkSilently(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone
  }
}

/** Result of reading a state file: missing, unreadable (with the reason) or its text */
export type TReadResult = { kind: "missing" } | { kind: "error"; message: string } | { kind: "ok"; text: string };

/** Reads a UTF-8 file, telling "missing" apart from "unreadable" */
export function readTextFile(file: string): TReadResult {
  try {
    return { kind: "ok", text: readFileSync(file, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "missing" };

    return { kind: "error", message: code ?? (error instanceof Error ? error.message : "unknown error") };
  }
}

/** Parses a JSON object from a read result; `undefined` when missing, a reason string when corrupt */
export function parseJsonObject(result: TReadResult): { kind: "missing" } | { kind: "error"; message: string } | { kind: "ok"; value: Record<string, unknown> } {
  if (result.kind !== "ok") return result;
  try {
    const value = JSON.parse(result.text) as unknown;
    if (typeof value !== "object" || value === null || Array.isArray(value)) return { kind: "error", message: "not a json object" };

    return { kind: "ok", value: value as Record<string, unknown> };
  } catch {
    return { kind: "error", message: "not valid json" };
  }
}
