import { verifySnapshot } from "@egress/snapshot/verify";
import type { TSnapshotDocument } from "@egress/snapshot";

import type { TStatePaths } from "./paths";
import { loadConfig, loadLastSeen, loadRoot } from "./store";
import type { TDeviceConfig, TPinnedRoot } from "./store";
import { readTextFile } from "./files";
import { fingerprintState, writeHookCache } from "./hook-cache";

/** Why the cached snapshot cannot be used: local state codes plus every snapshot verification code */
export type TCacheFailureCode =
  | "not_enrolled"
  | "no_snapshot"
  | "state_corrupt"
  | "oversize"
  | "malformed"
  | "unknown_key"
  | "bad_signature"
  | "broken_root_chain"
  | "wrong_org"
  | "wrong_scope"
  | "rollback"
  | "expired";

export type TVerifiedCache =
  | { ok: true; config: TDeviceConfig; root: TPinnedRoot; snapshot: TSnapshotDocument; digest: string }
  | { ok: false; code: TCacheFailureCode; message: string; config?: TDeviceConfig };

const ENROLL_HINT = "run `egress-sync enroll --server <console-url> --token <enrollment-token>`";

/**
 * Loads the cached snapshot and verifies it against the trusted root on every call: signature,
 * org, scope, rollback against the persisted highest version, expiry. Never throws
 */
export function loadVerifiedSnapshot(opts: { paths: TStatePaths; now: Date }): TVerifiedCache {
  const { paths, now } = opts;
  const config = loadConfig(paths);
  if (config.kind === "missing") return { ok: false, code: "not_enrolled", message: `this device is not enrolled: ${ENROLL_HINT}` };
  if (config.kind === "error") {
    return { ok: false, code: "state_corrupt", message: `the device configuration \`${paths.config}\` is unreadable (${config.message}): ${ENROLL_HINT} again` };
  }
  const root = loadRoot(paths);
  if (root.kind !== "ok") {
    const why = root.kind === "missing" ? "is missing" : `is unreadable (${root.message})`;

    return { ok: false, code: "state_corrupt", config: config.value, message: `the pinned root \`${paths.root}\` ${why}: ${ENROLL_HINT} again` };
  }
  const text = readTextFile(paths.snapshot);
  if (text.kind === "missing") return { ok: false, code: "no_snapshot", config: config.value, message: "no policy snapshot on this device yet: run `egress-sync pull`" };
  if (text.kind === "error") {
    return { ok: false, code: "state_corrupt", config: config.value, message: `the cached snapshot \`${paths.snapshot}\` is unreadable (${text.message}): run \`egress-sync pull\`` };
  }
  const lastSeen = loadLastSeen(paths);
  if (lastSeen.kind === "error") {
    return { ok: false, code: "state_corrupt", config: config.value, message: `the rollback record \`${paths.lastSeen}\` is unreadable (${lastSeen.message}): run \`egress-sync pull\`` };
  }
  const result = verifySnapshot({
    envelope: text.text,
    root: root.value.document,
    org: config.value.org.id,
    scope: config.value.scope,
    now,
    ...(lastSeen.kind === "ok" ? { lastSeen: lastSeen.value } : {}),
  });
  if (!result.ok) return { ok: false, code: result.code, config: config.value, message: cacheFailureMessage({ code: result.code, detail: result.message }) };

  return { ok: true, config: config.value, root: root.value, snapshot: result.value, digest: result.digest };
}

/**
 * Verifies the cached snapshot in full, exactly as the hook does, and if it verifies writes the
 * hook's precompiled copy (hook-cache.json) bound to the files just verified. Never throws
 */
export function refreshHookCache(opts: { paths: TStatePaths; now: Date }): boolean {
  const state = fingerprintState(opts.paths);
  if (state === undefined) return false;
  const cache = loadVerifiedSnapshot(opts);

  return cache.ok && writeHookCache({ paths: opts.paths, state, snapshot: cache.snapshot });
}

/** An actionable sentence for a cached snapshot that failed verification */
export function cacheFailureMessage(opts: { code: string; detail: string }): string {
  const { code, detail } = opts;
  switch (code) {
    case "expired":
      return `the policy snapshot is expired (${detail}): only the console is reachable until you run \`egress-sync pull\``;
    case "rollback":
      return `the cached policy snapshot is older than one already accepted (${detail}): possible rollback, run \`egress-sync pull\``;
    case "wrong_org":
      return `the cached policy snapshot belongs to another organization (${detail}): run \`egress-sync pull\``;
    case "wrong_scope":
      return `the cached policy snapshot is for another scope (${detail}): run \`egress-sync pull\``;
    case "unknown_key":
      return `the cached policy snapshot is signed by an unknown key (${detail}): run \`egress-sync pull\``;
    case "bad_signature":
      return `the cached policy snapshot has a bad signature (${detail}): it was modified on disk, run \`egress-sync pull\``;
    case "oversize":
      return `the cached policy snapshot is too large (${detail}): run \`egress-sync pull\``;
    default:
      return `the cached policy snapshot is corrupt (${detail}): run \`egress-sync pull\``;
  }
}
