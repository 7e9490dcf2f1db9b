import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { TDecisionEvent } from "@egress/contracts";

import { readTextFile, writeFileAtomic } from "../state/files";
import { newEventId } from "./ids";

// On-disk, append-only, multi-process safe, size-capped event spool (ARCHITECTURE §5).
//
// spool/events.jsonl   live file: hooks append one JSON line per event with O_APPEND, one write()
// spool/dropped        one byte appended per event dropped because the live file was full
// spool/outbox/*.jsonl live files renamed here by collectOutbox (name = rename time), oldest first
// spool/outbox/*.ack   how many events of that file the server acknowledged (at-least-once)
// spool/flush.json     upload backoff: next attempt time and consecutive failures

/** Largest live spool file; beyond it events are dropped and counted */
export const MAX_SPOOL_BYTES = 4 * 1024 * 1024;
/** Most outbox files kept waiting for upload; while full, the live file is not rotated (so it caps too) */
export const MAX_OUTBOX_FILES = 8;
/** A renamed file is deleted only this long after its rename, so a hook that opened it just before finishes its write */
export const ROTATE_GRACE_MS = 2_000;
/** Shortest interval between two uploads when the last one succeeded */
export const FLUSH_INTERVAL_MS = 30_000;
/** Longest backoff after repeated upload failures */
export const MAX_BACKOFF_MS = 60 * 60 * 1000;

const LIVE = "events.jsonl";
const DROPPED = "dropped";
const OUTBOX = "outbox";
const FLUSH = "flush.json";

function spoolDir(stateDir: string): string {
  return join(stateDir, "spool");
}

function openAppend(file: string, dir: string): number {
  try {
    return openSync(file, "a", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dir, { recursive: true, mode: 0o700 });

    return openSync(file, "a", 0o600);
  }
}

function countDrop(dir: string): void {
  const fd = openAppend(join(dir, DROPPED), dir);
  try {
    writeSync(fd, "x");
  } finally {
    closeSync(fd);
  }
}

/**
 * Appends one (already redacted) event as one JSON line with a single O_APPEND write, so concurrent
 * hooks never interleave. When the live file is over {@link MAX_SPOOL_BYTES} the event is not
 * written and the drop counter grows by one
 */
export function appendSpoolEvent(opts: { stateDir: string; event: TDecisionEvent }): { written: boolean } {
  const dir = spoolDir(opts.stateDir);
  const line = Buffer.from(`${JSON.stringify(opts.event)}\n`, "utf8");
  const fd = openAppend(join(dir, LIVE), dir);
  try {
    if (fstatSync(fd).size + line.length > MAX_SPOOL_BYTES) {
      countDrop(dir);

      return { written: false };
    }
    const written = writeSync(fd, line);
    if (written !== line.length) throw new Error(`short write to the event spool: ${written} of ${line.length} bytes`);
  } finally {
    closeSync(fd);
  }

  return { written: true };
}

/** One outbox file's events not yet acknowledged by the server */
export type TOutboxBatch = { file: string; events: TDecisionEvent[]; acked: number };

function outboxName(now: Date, suffix: string): string {
  return `${String(now.getTime()).padStart(15, "0")}-${process.pid}-${suffix}.jsonl`;
}

function listOutbox(outbox: string): string[] {
  try {
    return readdirSync(outbox).filter((name) => name.endsWith(".jsonl")).sort();
  } catch {
    return [];
  }
}

function renameTime(name: string): number {
  return Number(name.slice(0, 15));
}

function claimDrops(opts: { dir: string; outbox: string; now: Date }): void {
  const claimed = join(opts.dir, `${DROPPED}.claimed`);
  try {
    renameSync(join(opts.dir, DROPPED), claimed);
  } catch {
    // No drops since the last collection (or a crash left an already claimed file: count it now)
  }
  let dropped: number;
  try {
    dropped = statSync(claimed).size;
  } catch {
    return;
  }
  if (dropped > 0) {
    const gap: TDecisionEvent = {
      id: newEventId(opts.now.getTime()),
      ts: opts.now.toISOString(),
      event: "egress_gap",
      decision: "deny",
      agent: "egress-sync",
      reason: `the local event spool was full: \`${dropped}\` events were dropped`,
      dropped,
    };
    writeFileAtomic({ file: join(opts.outbox, outboxName(opts.now, "0gap")), data: `${JSON.stringify(gap)}\n` });
  }
  unlinkSync(claimed);
}

function readAcked(file: string): number {
  const read = readTextFile(`${file}.ack`);
  const count = read.kind === "ok" ? Number.parseInt(read.text, 10) : 0;

  return Number.isSafeInteger(count) && count > 0 ? count : 0;
}

function parseEvents(text: string): TDecisionEvent[] {
  const events: TDecisionEvent[] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (typeof value === "object" && value !== null && typeof (value as { id?: unknown }).id === "string") events.push(value as TDecisionEvent);
    } catch {
      // A torn line (crash mid-write) is skipped, never sent
    }
  }

  return events;
}

/**
 * Moves the live file into the outbox (atomic rename; skipped while the outbox holds
 * {@link MAX_OUTBOX_FILES}), adds an `egress_gap` event when events were dropped, deletes fully
 * acknowledged files older than {@link ROTATE_GRACE_MS}, and returns every file's unacknowledged
 * events, oldest file first
 */
export function collectOutbox(opts: { stateDir: string; now: Date }): TOutboxBatch[] {
  const dir = spoolDir(opts.stateDir);
  const outbox = join(dir, OUTBOX);
  mkdirSync(outbox, { recursive: true, mode: 0o700 });
  claimDrops({ dir, outbox, now: opts.now });
  if (listOutbox(outbox).length < MAX_OUTBOX_FILES) {
    try {
      if (statSync(join(dir, LIVE)).size > 0) renameSync(join(dir, LIVE), join(outbox, outboxName(opts.now, "1ev")));
    } catch {
      // No live file yet
    }
  }
  const batches: TOutboxBatch[] = [];
  for (const name of listOutbox(outbox)) {
    const file = join(outbox, name);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const events = parseEvents(text);
    const acked = readAcked(file);
    if (acked >= events.length && opts.now.getTime() - renameTime(name) >= ROTATE_GRACE_MS) {
      removeOutboxFile(file);
      continue;
    }
    if (acked < events.length) batches.push({ file, events: events.slice(acked), acked });
  }

  return batches;
}

function removeOutboxFile(file: string): void {
  for (const path of [file, `${file}.ack`]) {
    try {
      unlinkSync(path);
    } catch {
      // Already removed by a concurrent flush
    }
  }
}

/**
 * Persists upload progress of one outbox file: `count` is the TOTAL number of its events the
 * server has acknowledged (the batch's `acked` plus how many of its `events` were stored or
 * duplicate). Progress never goes backwards; a kill -9 before this call resends (server dedups)
 */
export function ackOutbox(opts: { file: string; count: number }): void {
  const count = Math.max(readAcked(opts.file), Math.floor(opts.count));
  writeFileAtomic({ file: `${opts.file}.ack`, data: String(count) });
}

type TFlushState = { nextAttemptAt: number; failures: number };

function readFlushState(stateDir: string): TFlushState {
  const read = readTextFile(join(spoolDir(stateDir), FLUSH));
  if (read.kind !== "ok") return { nextAttemptAt: 0, failures: 0 };
  try {
    const value = JSON.parse(read.text) as Partial<TFlushState>;

    return { nextAttemptAt: Number(value.nextAttemptAt) || 0, failures: Number(value.failures) || 0 };
  } catch {
    return { nextAttemptAt: 0, failures: 0 };
  }
}

function hasPendingEvents(dir: string): boolean {
  for (const name of [LIVE, DROPPED, `${DROPPED}.claimed`]) {
    // Absent files are the common case on the hook's path: no exception thrown for them
    if ((statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0) > 0) return true;
  }

  return listOutbox(join(dir, OUTBOX)).length > 0;
}

/** True when events wait for upload and the backoff allows an attempt now */
export function isFlushDue(opts: { stateDir: string; now: Date }): boolean {
  const dir = spoolDir(opts.stateDir);
  // Nothing was ever recorded on this machine
  if (statSync(dir, { throwIfNoEntry: false }) === undefined) return false;
  if (opts.now.getTime() < readFlushState(opts.stateDir).nextAttemptAt) return false;

  return hasPendingEvents(dir);
}

/**
 * Records an upload attempt: success waits {@link FLUSH_INTERVAL_MS} before the next one; each
 * consecutive failure doubles the wait (with jitter) up to {@link MAX_BACKOFF_MS}
 */
export function markFlushAttempt(opts: { stateDir: string; now: Date; ok: boolean }): void {
  const previous = readFlushState(opts.stateDir);
  const failures = opts.ok ? 0 : previous.failures + 1;
  const base = opts.ok ? FLUSH_INTERVAL_MS : Math.min(MAX_BACKOFF_MS, FLUSH_INTERVAL_MS * 2 ** Math.min(failures - 1, 16));
  const jitter = opts.ok ? 0 : Math.floor(Math.random() * base * 0.2);
  const state: TFlushState = { nextAttemptAt: opts.now.getTime() + base + jitter, failures };
  mkdirSync(spoolDir(opts.stateDir), { recursive: true, mode: 0o700 });
  writeFileAtomic({ file: join(spoolDir(opts.stateDir), FLUSH), data: JSON.stringify(state) });
}

/** Pushes the next attempt {@link FLUSH_INTERVAL_MS} away without counting a failure, so hooks running right after do not start another upload */
export function claimFlush(opts: { stateDir: string; now: Date }): void {
  const previous = readFlushState(opts.stateDir);
  mkdirSync(spoolDir(opts.stateDir), { recursive: true, mode: 0o700 });
  writeFileAtomic({ file: join(spoolDir(opts.stateDir), FLUSH), data: JSON.stringify({ nextAttemptAt: opts.now.getTime() + FLUSH_INTERVAL_MS, failures: previous.failures }) });
}

/** Files and counts, for `status` and `doctor` */
export function describeSpool(opts: { stateDir: string }): { liveBytes: number; outboxFiles: number; dropped: number } {
  const dir = spoolDir(opts.stateDir);
  const size = (name: string): number => {
    try {
      return statSync(join(dir, name)).size;
    } catch {
      return 0;
    }
  };

  return { liveBytes: size(LIVE), outboxFiles: listOutbox(join(dir, OUTBOX)).length, dropped: size(DROPPED) + size(`${DROPPED}.claimed`) };
}
