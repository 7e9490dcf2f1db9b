import type { TEnvelope, TLastSeen, TRootDocument } from "@egress/snapshot";

import { ensurePrivateDir, parseJsonObject, readTextFile, writeFileAtomic } from "./files";
import type { TStatePaths } from "./paths";

// Plain readers and writers of the state files. No zod here: the hook loads this module.

/** `config.json`: what enrollment established */
export type TDeviceConfig = {
  server: string;
  deviceId: string;
  org: { id: string; slug: string; name: string };
  scope: string;
  consoleUrl: string;
  name: string;
  enrolledAt: string;
};

/** `root.json`: the trusted root (pinned at enrollment, advanced by verified rotations) */
export type TPinnedRoot = { version: number; fingerprint: string; document: TRootDocument; envelope: TEnvelope; pinnedAt: string };

/** `status.json`: outcome of the last pull */
export type TPullStatus = {
  lastPullAt?: string;
  lastPullOk?: boolean;
  lastPullCode?: string;
  lastPullMessage?: string;
  lastSuccessAt?: string;
  etag?: string;
};

/** A state file read: present and well formed, missing, or corrupt (with why) */
export type TLoad<T> = { kind: "ok"; value: T } | { kind: "missing" } | { kind: "error"; message: string };

function isString(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads `config.json` */
export function loadConfig(paths: TStatePaths): TLoad<TDeviceConfig> {
  const read = parseJsonObject(readTextFile(paths.config));
  if (read.kind !== "ok") return read;
  const value = read.value;
  const org = value.org;
  if (!isString(value.server) || !isString(value.deviceId) || !isString(value.scope) || !isObject(org) || !isString(org.id)) {
    return { kind: "error", message: "missing `server`, `deviceId`, `org` or `scope`" };
  }

  return { kind: "ok", value: value as unknown as TDeviceConfig };
}

/** Reads the device credential */
export function loadCredential(paths: TStatePaths): TLoad<string> {
  const read = readTextFile(paths.credential);
  if (read.kind !== "ok") return read;
  const credential = read.text.trim();
  if (!credential) return { kind: "error", message: "the credential file is empty" };

  return { kind: "ok", value: credential };
}

/** Reads `root.json` */
export function loadRoot(paths: TStatePaths): TLoad<TPinnedRoot> {
  const read = parseJsonObject(readTextFile(paths.root));
  if (read.kind !== "ok") return read;
  const value = read.value;
  if (typeof value.version !== "number" || !isObject(value.document) || !isObject(value.envelope)) {
    return { kind: "error", message: "missing `version`, `document` or `envelope`" };
  }

  return { kind: "ok", value: value as unknown as TPinnedRoot };
}

/** Reads `last-seen.json`; missing means no snapshot was ever accepted */
export function loadLastSeen(paths: TStatePaths): TLoad<TLastSeen> {
  const read = parseJsonObject(readTextFile(paths.lastSeen));
  if (read.kind !== "ok") return read;
  const { version, digest } = read.value;
  if (typeof version !== "number" || typeof digest !== "string") return { kind: "error", message: "missing `version` or `digest`" };

  return { kind: "ok", value: { version, digest } };
}

/** Reads `status.json` (never fails: a broken status file reads as empty) */
export function loadStatus(paths: TStatePaths): TPullStatus {
  const read = parseJsonObject(readTextFile(paths.status));

  return read.kind === "ok" ? (read.value) : {};
}

/** Writes `config.json` (0600, atomic) */
export function saveConfig(opts: { paths: TStatePaths; config: TDeviceConfig }): void {
  ensurePrivateDir(opts.paths.dir);
  writeFileAtomic({ file: opts.paths.config, data: `${JSON.stringify(opts.config, null, 2)}\n` });
}

/** Writes the credential (0600, atomic) */
export function saveCredential(opts: { paths: TStatePaths; credential: string }): void {
  ensurePrivateDir(opts.paths.dir);
  writeFileAtomic({ file: opts.paths.credential, data: `${opts.credential}\n` });
}

/** Writes `root.json` (atomic) */
export function saveRoot(opts: { paths: TStatePaths; root: TPinnedRoot }): void {
  writeFileAtomic({ file: opts.paths.root, data: `${JSON.stringify(opts.root, null, 2)}\n` });
}

/** Writes the verified snapshot envelope text exactly as received (atomic) */
export function saveSnapshot(opts: { paths: TStatePaths; text: string }): void {
  writeFileAtomic({ file: opts.paths.snapshot, data: opts.text });
}

/** Writes the highest accepted version and its digest (atomic) */
export function saveLastSeen(opts: { paths: TStatePaths; lastSeen: TLastSeen }): void {
  writeFileAtomic({ file: opts.paths.lastSeen, data: `${JSON.stringify(opts.lastSeen)}\n` });
}

/** Merges `update` into `status.json` (atomic; failures to record are not fatal) */
export function updateStatus(opts: { paths: TStatePaths; update: TPullStatus }): void {
  try {
    ensurePrivateDir(opts.paths.dir);
    const next = { ...loadStatus(opts.paths), ...opts.update };
    writeFileAtomic({ file: opts.paths.status, data: `${JSON.stringify(next, null, 2)}\n` });
  } catch {
    // The status file is informational only
  }
}
