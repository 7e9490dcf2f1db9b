import { readFileSync, statSync } from "node:fs";
import { compilePolicyIndex, indexPolicy, POLICY_INDEX_FORMAT } from "@egress/policy/engine";
import type { TCompiledPolicy, TPolicyDocument, TPolicyIndex } from "@egress/policy/engine";

import type { TStatePaths } from "./paths";
import { writeFileAtomic } from "./files";

// `hook-cache.json`: the verified snapshot's policy, precompiled, for the hook's start-up path.
//
// Verifying the Ed25519 signature means loading node:crypto and hashing the whole envelope on
// every tool call; with a 10k-host policy that alone costs more than the hook's budget. So the
// signature is verified when the snapshot arrives (pull, or the first hook call after it) and the
// result is written here, bound to the exact files it was derived from: config.json, root.json,
// snapshot.json and last-seen.json, each by device, inode, size, mtime and ctime (ns). Any write
// to any of them, a rename over them or a restore changes the ctime, which no unprivileged process
// can set, so the binding breaks and the hook falls back to full verification. Freshness (expiry,
// not-yet-valid) depends on the clock and is checked on every call.
//
// INVARIANT: this file only ever holds content that passed full verification, and the fast path
// trusts it only while every bound file is unchanged. The cache is in the same private (0700)
// state directory as the pinned root: writing it needs the same access as replacing the root.

/** Layout version of hook-cache.json (bump on any change; an unknown layout is ignored) */
const CACHE_FORMAT = 1;

/** Clock skew tolerated for `issuedAt`, as in snapshot verification */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Stat fingerprints of the files a verification read */
export type TStateFingerprint = { config: string; root: string; snapshot: string; lastSeen: string };

type THookCacheFile = {
  format: typeof CACHE_FORMAT;
  state: TStateFingerprint;
  version: number;
  issuedAt: string;
  expiresAt: string;
  index: TPolicyIndex;
};

function fingerprintOf(file: string): string | undefined {
  try {
    const s = statSync(file, { bigint: true });

    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "absent" : undefined;
  }
}

/** Fingerprints of the verified state files, or undefined if one cannot be examined */
export function fingerprintState(paths: TStatePaths): TStateFingerprint | undefined {
  const config = fingerprintOf(paths.config);
  const root = fingerprintOf(paths.root);
  const snapshot = fingerprintOf(paths.snapshot);
  const lastSeen = fingerprintOf(paths.lastSeen);
  if (config === undefined || root === undefined || snapshot === undefined || lastSeen === undefined) return undefined;

  return { config, root, snapshot, lastSeen };
}

function sameState(a: TStateFingerprint, b: unknown): boolean {
  if (b === null || typeof b !== "object") return false;
  const o = b as Record<string, unknown>;

  return a.config === o.config && a.root === o.root && a.snapshot === o.snapshot && a.lastSeen === o.lastSeen;
}

/**
 * The precompiled policy if hook-cache.json is bound to exactly `state` and the snapshot is fresh
 * at `now`; otherwise undefined and the caller verifies in full. Never throws
 */
export function readHookCache(opts: { paths: TStatePaths; state: TStateFingerprint; now: Date }): { compiled: TCompiledPolicy; version: number } | undefined {
  try {
    const file = JSON.parse(readFileSync(opts.paths.hookCache, "utf8")) as Partial<THookCacheFile> | null;
    if (file === null || typeof file !== "object" || file.format !== CACHE_FORMAT || !sameState(opts.state, file.state)) return undefined;
    if (typeof file.version !== "number" || typeof file.issuedAt !== "string" || typeof file.expiresAt !== "string") return undefined;
    const now = opts.now.getTime();
    const issuedAt = Date.parse(file.issuedAt);
    const expiresAt = Date.parse(file.expiresAt);
    // Expired or not yet valid: full verification produces the exact reason (and the console-only fallback)
    if (!(now < expiresAt) || !(issuedAt - now <= MAX_CLOCK_SKEW_MS)) return undefined;

    return { compiled: compilePolicyIndex(file.index), version: file.version };
  } catch {
    return undefined;
  }
}

/**
 * Writes hook-cache.json for a snapshot that just passed full verification, bound to `state`
 * (fingerprints taken before the verified files were read). Written only if the files are still
 * exactly those: a change during verification leaves no cache. Best effort, never throws
 */
export function writeHookCache(opts: { paths: TStatePaths; state: TStateFingerprint; snapshot: { version: number; issuedAt: string; expiresAt: string; policy: unknown } }): boolean {
  try {
    const { snapshot } = opts;
    const file: THookCacheFile = {
      format: CACHE_FORMAT,
      state: opts.state,
      version: snapshot.version,
      issuedAt: snapshot.issuedAt,
      expiresAt: snapshot.expiresAt,
      index: indexPolicy(snapshot.policy as TPolicyDocument),
    };
    if (file.index.format !== POLICY_INDEX_FORMAT) return false;
    const after = fingerprintState(opts.paths);
    if (after === undefined || !sameState(opts.state, after)) return false;
    writeFileAtomic({ file: opts.paths.hookCache, data: JSON.stringify(file) });

    return true;
  } catch {
    return false;
  }
}
