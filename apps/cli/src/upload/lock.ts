import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

/** A flush lock older than this is stale even if its pid was reused by another process */
export const STALE_LOCK_MS = 5 * 60 * 1000;

export type TFlushLock = { release: () => void };
export type TLockHolder = { pid: number; startedAt: number };

function lockFile(stateDir: string): string {
  return join(stateDir, "spool", "flush.lock");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Who holds the flush lock, if a live process does */
export function readLockHolder(opts: { stateDir: string; now: Date }): TLockHolder | undefined {
  let holder: Partial<TLockHolder>;
  try {
    holder = JSON.parse(readFileSync(lockFile(opts.stateDir), "utf8")) as Partial<TLockHolder>;
  } catch {
    return undefined;
  }
  const pid = Number(holder.pid);
  const startedAt = Number(holder.startedAt);
  if (!Number.isSafeInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  if (!Number.isFinite(startedAt) || opts.now.getTime() - startedAt > STALE_LOCK_MS) return undefined;

  return { pid, startedAt };
}

/**
 * Takes the single-flusher lock (`spool/flush.lock`, O_EXCL). A lock whose process is gone or
 * that is older than {@link STALE_LOCK_MS} is taken over. Two flushers racing on a stale lock is
 * harmless: acks only move forward and the server deduplicates by event id
 */
export function acquireFlushLock(opts: { stateDir: string; now: Date }): TFlushLock | { busy: TLockHolder } {
  const file = lockFile(opts.stateDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: opts.now.getTime() }));
      closeSync(fd);

      return {
        release: () => {
          try {
            const holder = JSON.parse(readFileSync(file, "utf8")) as Partial<TLockHolder>;
            if (holder.pid === process.pid) unlinkSync(file);
          } catch {
            // Already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLockHolder(opts);
      if (holder) return { busy: holder };
      try {
        unlinkSync(file);
      } catch {
        // Someone else removed it first
      }
    }
  }
  const holder = readLockHolder(opts);

  return { busy: holder ?? { pid: 0, startedAt: 0 } };
}
