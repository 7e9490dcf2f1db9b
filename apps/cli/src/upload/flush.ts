import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { MAX_EVENTS_PER_BATCH, ZEventBatchResponseSchema } from "@egress/contracts";
import type { TDecisionEvent } from "@egress/contracts";

import { callApi } from "../api/client";
import { EXIT_CODES, ExitError } from "../common";
import { ackOutbox, collectOutbox, markFlushAttempt } from "../spool/spool";
import { statePaths } from "../state/paths";
import { loadConfig, loadCredential } from "../state/store";
import { acquireFlushLock } from "./lock";

/** Overall time budget of one flush */
export const FLUSH_TIMEOUT_MS = 60_000;

export type TFlushResult = {
  status: "done" | "busy" | "partial" | "failed";
  sent: number;
  stored: number;
  duplicates: number;
  rejected: number;
  /** Events still waiting in the spool */
  pending: number;
  busyPid?: number;
  error?: ExitError;
};

/** Appends rejected events (with the server's reason) to `<state>/rejected.jsonl` and fsyncs, before they are acked */
export function setAsideRejected(opts: { stateDir: string; items: { event: TDecisionEvent; message: string | undefined }[]; now: Date }): void {
  if (opts.items.length === 0) return;
  mkdirSync(opts.stateDir, { recursive: true, mode: 0o700 });
  const lines = opts.items.map((item) => JSON.stringify({ rejectedAt: opts.now.toISOString(), message: item.message ?? null, event: item.event })).join("\n");
  const fd = openSync(join(opts.stateDir, "rejected.jsonl"), "a", 0o600);
  try {
    writeSync(fd, `${lines}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function notEnrolled(): ExitError {
  return new ExitError({
    exitCode: EXIT_CODES.NOT_ENROLLED,
    code: "not_enrolled",
    message: "this device is not enrolled: events stay in the spool; enroll with `egress-sync enroll`, then run `egress-sync flush`",
  });
}

/**
 * Uploads the spool in batches of at most {@link MAX_EVENTS_PER_BATCH} (at least once: an event is
 * acknowledged locally only after the server answered stored, duplicate or rejected for it)
 */
export async function flushSpool(opts: { stateDir: string; timeoutMs?: number; batchSize?: number }): Promise<TFlushResult> {
  const paths = statePaths(opts.stateDir);
  const config = loadConfig(paths);
  const credential = loadCredential(paths);
  if (config.kind !== "ok" || credential.kind !== "ok") throw notEnrolled();
  const deadline = Date.now() + (opts.timeoutMs ?? FLUSH_TIMEOUT_MS);
  const batchSize = Math.min(MAX_EVENTS_PER_BATCH, Math.max(1, opts.batchSize ?? MAX_EVENTS_PER_BATCH));
  const lock = acquireFlushLock({ stateDir: opts.stateDir, now: new Date() });
  const result: TFlushResult = { status: "done", sent: 0, stored: 0, duplicates: 0, rejected: 0, pending: 0 };
  if ("busy" in lock) return { ...result, status: "busy", busyPid: lock.busy.pid };
  try {
    const outbox = collectOutbox({ stateDir: opts.stateDir, now: new Date() });
    result.pending = outbox.reduce((sum, file) => sum + file.events.length, 0);
    for (const file of outbox) {
      for (let offset = 0; offset < file.events.length; offset += batchSize) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) return { ...result, status: "partial" };
        const chunk = file.events.slice(offset, offset + batchSize);
        let response;
        try {
          response = await callApi({
            server: config.value.server,
            path: "/events",
            method: "POST",
            credential: credential.value,
            body: { events: chunk },
            schema: ZEventBatchResponseSchema,
            timeoutMs: Math.min(15_000, remaining),
          });
        } catch (error) {
          markFlushAttempt({ stateDir: opts.stateDir, now: new Date(), ok: false });
          const exit = error instanceof ExitError ? error : new ExitError({ exitCode: EXIT_CODES.ERROR, code: "flush_failed", message: String(error) });

          return { ...result, status: "failed", error: exit };
        }
        if (response.notModified) continue;
        const byIndex = new Map(response.data.results.map((r) => [r.index, r]));
        const rejected: { event: TDecisionEvent; message: string | undefined }[] = [];
        let handled = 0;
        for (; handled < chunk.length; handled++) {
          const outcome = byIndex.get(handled);
          const event = chunk[handled];
          if (!outcome || !event) break;
          if (outcome.id !== undefined && outcome.id !== event.id) break;
          if (outcome.status === "stored") result.stored++;
          else if (outcome.status === "duplicate") result.duplicates++;
          else rejected.push({ event, message: outcome.message });
        }
        setAsideRejected({ stateDir: opts.stateDir, items: rejected, now: new Date() });
        result.rejected += rejected.length;
        ackOutbox({ file: file.file, count: file.acked + offset + handled });
        result.sent += handled;
        result.pending -= handled;
        if (handled < chunk.length) {
          markFlushAttempt({ stateDir: opts.stateDir, now: new Date(), ok: false });
          const error = new ExitError({
            exitCode: EXIT_CODES.PROTOCOL,
            code: "incomplete_ack",
            message: `the console acknowledged only \`${handled}\` of \`${chunk.length}\` events: the rest stay in the spool and are sent again`,
          });

          return { ...result, status: "failed", error };
        }
      }
    }
    markFlushAttempt({ stateDir: opts.stateDir, now: new Date(), ok: true });

    return result;
  } finally {
    lock.release();
  }
}
