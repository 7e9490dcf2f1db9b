import type { PrismaClient } from "@egress/db";
import { getKek } from "../keys/kek";
import { resignExpiringSnapshots } from "./resign-expiring-snapshots";

/**
 * Runs {@link resignExpiringSnapshots} now and every `intervalMs` (default 15 min) without
 * overlapping runs; the timer does not keep the process alive. Returns a stop function. Errors are
 * logged (messages only, never keys) and retried on the next tick. Call from the console's
 * instrumentation hook; with several instances each runs it, and the policy row lock keeps them from double-signing.
 */
export function startResignLoop(opts: { db: PrismaClient; intervalMs?: number; kek?: Buffer; log?: (msg: string) => void }): () => void {
  const { db, intervalMs = 15 * 60 * 1000 } = opts;
  const log = opts.log ?? ((msg: string) => console.warn(msg));
  let isRunning = false;
  let isStopped = false;
  const tick = async () => {
    if (isRunning || isStopped) return;
    isRunning = true;
    try {
      const { resigned } = await resignExpiringSnapshots({ db, kek: opts.kek ?? getKek({ log }) });
      for (const r of resigned) log(`re-signed snapshot of scope \`${r.scope}\` (org \`${r.orgId}\`) as version ${r.version}: ${r.reason}`);
    } catch (error) {
      log(`snapshot re-sign failed: ${error instanceof Error ? error.message : "unknown error"}`);
    } finally {
      isRunning = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();

  return () => {
    isStopped = true;
    clearInterval(timer);
  };
}
