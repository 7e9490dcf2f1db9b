import type { Command } from "commander";

import { commonOptions, EXIT_CODES, ExitError, printJson, printLine, wrapCommandAction } from "../common";
import type { TCommonOptions } from "../common";
import { resolveStateDir } from "../env";
import { describeSpool } from "../spool/spool";
import { peekSnapshot } from "../state/describe";
import { statePaths } from "../state/paths";
import { loadConfig, loadRoot, loadStatus } from "../state/store";
import { loadVerifiedSnapshot } from "../state/verified";

/** `egress-sync status [--json]` */
export function configureStatusCommand(program: Command): Command {
  return commonOptions(program.command("status").description("show enrollment, the cached policy version and its expiry, and the last pull")).action(
    wrapCommandAction<TCommonOptions>(status),
  );
}

/** Prints the device's state; exit 0 when enrolled (even with a stale snapshot), 3 when not */
export function status(options: TCommonOptions): void {
  const paths = statePaths(resolveStateDir());
  const config = loadConfig(paths);
  if (config.kind !== "ok") {
    const message = config.kind === "missing" ? "this device is not enrolled: run `egress-sync enroll --server <console-url> --token <enrollment-token>`" : `the device configuration is unreadable (${config.message})`;
    throw new ExitError({ exitCode: config.kind === "missing" ? EXIT_CODES.NOT_ENROLLED : EXIT_CODES.STATE_CORRUPT, code: config.kind === "missing" ? "not_enrolled" : "state_corrupt", message });
  }
  const now = new Date();
  const cache = loadVerifiedSnapshot({ paths, now });
  const peek = peekSnapshot(paths);
  const pull = loadStatus(paths);
  const root = loadRoot(paths);
  const expiresAt = peek?.expiresAt;
  const report = {
    ok: true,
    enrolled: true,
    server: config.value.server,
    deviceId: config.value.deviceId,
    org: config.value.org,
    scope: config.value.scope,
    rootVersion: root.kind === "ok" ? root.value.version : undefined,
    rootFingerprint: root.kind === "ok" ? root.value.fingerprint : undefined,
    snapshot: peek ? { ...peek, verified: cache.ok, problem: cache.ok ? undefined : { code: cache.code, message: cache.message } } : undefined,
    expired: expiresAt ? now.getTime() >= Date.parse(expiresAt) : undefined,
    lastPull: { at: pull.lastPullAt, ok: pull.lastPullOk, code: pull.lastPullCode, message: pull.lastPullMessage || undefined, lastSuccessAt: pull.lastSuccessAt },
    spool: describeSpool({ stateDir: paths.dir }),
  };
  if (options.json) {
    printJson(report);

    return;
  }
  printLine(`server:      ${report.server}`);
  printLine(`device:      ${report.deviceId}`);
  printLine(`org:         ${report.org.slug} (${report.org.id})`);
  printLine(`scope:       ${report.scope}`);
  printLine(`root:        v${report.rootVersion ?? "?"} ${report.rootFingerprint ?? ""}`);
  if (!peek) printLine("policy:      none cached: run `egress-sync pull`");
  else {
    printLine(`policy:      v${peek.version ?? "?"} (revision ${peek.revision ?? "?"}), issued ${peek.issuedAt ?? "?"}, expires ${peek.expiresAt ?? "?"}${report.expired ? " — EXPIRED: run `egress-sync pull`" : ""}`);
    if (!cache.ok && cache.code !== "expired") printLine(`problem:     ${cache.message}`);
  }
  printLine(`last pull:   ${pull.lastPullAt ? `${pull.lastPullAt} ${pull.lastPullOk ? "ok" : `failed: ${pull.lastPullMessage ?? pull.lastPullCode ?? ""}`}` : "never"}`);
  printLine(`event spool: ${report.spool.liveBytes} bytes waiting, ${report.spool.outboxFiles} batches in outbox, ${report.spool.dropped} dropped`);
}
