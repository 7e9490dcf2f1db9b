import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync } from "node:fs";
import type * as TCrypto from "node:crypto";
import { join } from "node:path";
import { compilePolicy, indexPolicy, POLICY_INDEX_FORMAT, SortedKeys } from "@egress/policy/engine";
import type { TCompiledPolicy, THostSet, TKeySet, TPolicyDocument } from "@egress/policy/engine";

import { BlockedKeys, blockKeyList, isKeyBlocks } from "./host-blocks";
import type { TBlockReader, TKeyBlocks } from "./host-blocks";
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
// Host key lists longer than 16 KiB are not in the JSON: they go, cut into ~4 KiB blocks (see
// host-blocks.ts), to `hook-hosts.<content hash>.bin` next to it, which the JSON names and binds by
// the same fingerprint. A lookup then reads one block, so the hook's cost does not grow with the
// number of allow-listed hosts (reading and parsing a 100k-host list took ~20 ms per call).
//
// INVARIANT: these files only ever hold content that passed full verification, and the fast path
// trusts them only while every bound file is unchanged. They are in the same private (0700) state
// directory as the pinned root: writing them needs the same access as replacing the root.

/** Layout version of hook-cache.json (bump on any change; an unknown layout is ignored) */
const CACHE_FORMAT = 2;

/** Clock skew tolerated for `issuedAt`, as in snapshot verification */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Key lists up to this size stay in hook-cache.json; longer ones are blocked into the side file */
const INLINE_MAX_BYTES = 16 * 1024;
/** Approximate size of one block of the side file (one block is read per lookup) */
const BLOCK_BYTES = 4 * 1024;
const HOSTS_FILE_NAME = /^hook-hosts\.[0-9a-f]{16}\.bin$/;

/** Stat fingerprints of the files a verification read */
export type TStateFingerprint = { config: string; root: string; snapshot: string; lastSeen: string };

/** One key list: inline (the engine's serialized form), or blocks in the side file */
type TCachedKeys = { text: string } | TKeyBlocks;
type TCachedHostSet = { size: number; exact: TCachedKeys; exactPort: TCachedKeys; suffix: TCachedKeys; suffixPort: TCachedKeys };

type THookCacheFile = {
  format: typeof CACHE_FORMAT;
  state: TStateFingerprint;
  version: number;
  issuedAt: string;
  expiresAt: string;
  /** The policy document with host lists and policy tests emptied (see indexPolicy) */
  policy: TPolicyDocument;
  hosts: { allow: TCachedHostSet; deny: TCachedHostSet; registries: TCachedHostSet; gitWriteHosts: TCachedHostSet | null; forgeApiHosts: TCachedHostSet };
  /** The side file holding the blocked lists, when there are any */
  hostsFile: { name: string; fingerprint: string } | null;
};

function fingerprintOfStats(s: { dev: bigint; ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint }): string {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

function fingerprintOf(file: string): string | undefined {
  try {
    return fingerprintOfStats(statSync(file, { bigint: true }));
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

function isCachedKeys(value: unknown): value is TCachedKeys {
  if (value === null || typeof value !== "object") return false;

  return "text" in value ? typeof value.text === "string" : isKeyBlocks(value);
}

function isCachedHostSet(value: unknown): value is TCachedHostSet {
  if (value === null || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;

  return typeof v.size === "number" && isCachedKeys(v.exact) && isCachedKeys(v.exactPort) && isCachedKeys(v.suffix) && isCachedKeys(v.suffixPort);
}

function blocksEnd(keys: TCachedKeys): number {
  return "text" in keys ? 0 : (keys.offsets[keys.offsets.length - 1] ?? 0);
}

/**
 * The side file's reader, if it is exactly the one the cache was written with. The descriptor stays
 * open while the policy read from it is in use (the whole process for a hook call, see `retire`)
 */
function openHostsFile(paths: TStatePaths, hostsFile: unknown, needed: number): { read: TBlockReader; fd: number; fingerprint: string } | undefined {
  if (hostsFile === null || typeof hostsFile !== "object") return undefined;
  const { name, fingerprint } = hostsFile as Record<string, unknown>;
  if (typeof name !== "string" || !HOSTS_FILE_NAME.test(name) || typeof fingerprint !== "string") return undefined;
  const fd = openSync(join(paths.dir, name), "r");
  const stats = fstatSync(fd, { bigint: true });
  if (fingerprintOfStats(stats) !== fingerprint || stats.size < BigInt(needed)) {
    closeSync(fd);

    return undefined;
  }

  const read: TBlockReader = (offset, length) => {
    const buffer = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, offset + read);
      if (n === 0) throw new Error("the hook's host list file is shorter than its index: run `egress-sync pull`");
      read += n;
    }

    return buffer.toString("latin1", 0, length);
  };

  return { read, fd, fingerprint };
}

/**
 * The last policy read, for a process that decides many calls (the hook daemon): reused while
 * hook-cache.json, the files it is bound to and its side file are all unchanged (same fingerprints,
 * the side file checked on the descriptor the policy reads through). Freshness is checked per call
 */
type TMemo = { key: string; issuedAt: number; expiresAt: number; result: { compiled: TCompiledPolicy; version: number }; hosts?: { fd: number; fingerprint: string } };
let memo: TMemo | undefined;

/** A replaced policy's side file is closed once calls that may still be using it are done */
function retire(old: TMemo | undefined): void {
  const hosts = old?.hosts;
  if (hosts) setTimeout(() => closeSync(hosts.fd), 10_000).unref();
}

function fresh(m: { issuedAt: number; expiresAt: number }, now: Date): boolean {
  const t = now.getTime();

  return t < m.expiresAt && m.issuedAt - t <= MAX_CLOCK_SKEW_MS;
}

function memoValid(m: TMemo, key: string): boolean {
  if (m.key !== key) return false;
  if (!m.hosts) return true;
  try {
    return fingerprintOfStats(fstatSync(m.hosts.fd, { bigint: true })) === m.hosts.fingerprint;
  } catch {
    return false;
  }
}

/**
 * The precompiled policy if hook-cache.json is bound to exactly `state` and the snapshot is fresh
 * at `now`; otherwise undefined and the caller verifies in full. Never throws
 */
export function readHookCache(opts: { paths: TStatePaths; state: TStateFingerprint; now: Date }): { compiled: TCompiledPolicy; version: number } | undefined {
  let fd: number | undefined;
  let opened: ReturnType<typeof openHostsFile>;
  try {
    fd = openSync(opts.paths.hookCache, "r");
    const { state } = opts;
    const key = `${fingerprintOfStats(fstatSync(fd, { bigint: true }))}|${state.config}|${state.root}|${state.snapshot}|${state.lastSeen}`;
    if (memo && memoValid(memo, key)) return fresh(memo, opts.now) ? memo.result : undefined;
    const file = JSON.parse(readFileSync(fd, "utf8")) as Partial<THookCacheFile> | null;
    if (file === null || typeof file !== "object" || file.format !== CACHE_FORMAT || !sameState(opts.state, file.state)) return undefined;
    if (typeof file.version !== "number" || typeof file.issuedAt !== "string" || typeof file.expiresAt !== "string") return undefined;
    const dates = { issuedAt: Date.parse(file.issuedAt), expiresAt: Date.parse(file.expiresAt) };
    // Expired or not yet valid: full verification produces the exact reason (and the console-only fallback)
    if (!fresh(dates, opts.now)) return undefined;
    const { policy, hosts } = file;
    if (policy === null || typeof policy !== "object" || hosts === null || typeof hosts !== "object") return undefined;
    const sets = [hosts.allow, hosts.deny, hosts.registries, hosts.forgeApiHosts, ...(hosts.gitWriteHosts === null ? [] : [hosts.gitWriteHosts])];
    if (!sets.every(isCachedHostSet)) return undefined;
    const lists = sets.flatMap((set) => [set.exact, set.exactPort, set.suffix, set.suffixPort]);
    const needed = Math.max(0, ...lists.map(blocksEnd));
    if (lists.some((keys) => !("text" in keys))) {
      opened = openHostsFile(opts.paths, file.hostsFile, needed);
      if (opened === undefined) return undefined;
    }
    const reader = opened?.read;
    const keySet = (keys: TCachedKeys): TKeySet => ("text" in keys ? new SortedKeys(keys.text) : new BlockedKeys(keys, reader as TBlockReader));
    const hostSet = (set: TCachedHostSet): THostSet => ({ exact: keySet(set.exact), exactPort: keySet(set.exactPort), suffix: keySet(set.suffix), suffixPort: keySet(set.suffixPort), size: set.size });
    const compiled = compilePolicy(policy, {
      allow: hostSet(hosts.allow),
      deny: hostSet(hosts.deny),
      registries: hostSet(hosts.registries),
      gitWriteHosts: hosts.gitWriteHosts === null ? undefined : hostSet(hosts.gitWriteHosts),
      forgeApiHosts: hostSet(hosts.forgeApiHosts),
    });

    const result = { compiled, version: file.version };
    retire(memo);
    memo = { key, ...dates, result, ...(opened ? { hosts: { fd: opened.fd, fingerprint: opened.fingerprint } } : {}) };
    opened = undefined;

    return result;
  } catch {
    if (opened) closeSync(opened.fd);

    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Removes side files of earlier caches (best effort: a reader that still has one open keeps it) */
function removeStaleHostsFiles(dir: string, keep: string | undefined): void {
  try {
    for (const name of readdirSync(dir)) {
      if (HOSTS_FILE_NAME.test(name) && name !== keep) {
        try {
          unlinkSync(join(dir, name));
        } catch {
          // Another process removed it first, or it cannot be removed here: harmless
        }
      }
    }
  } catch {
    // The state directory cannot be listed: stale side files stay, unread
  }
}

/**
 * Writes hook-cache.json (and its side file) for a snapshot that just passed full verification,
 * bound to `state` (fingerprints taken before the verified files were read). Written only if the
 * files are still exactly those: a change during verification leaves no cache. Best effort, never throws
 */
export function writeHookCache(opts: { paths: TStatePaths; state: TStateFingerprint; snapshot: { version: number; issuedAt: string; expiresAt: string; policy: unknown } }): boolean {
  try {
    const { snapshot, paths } = opts;
    const index = indexPolicy(snapshot.policy as TPolicyDocument);
    if (index.format !== POLICY_INDEX_FORMAT) return false;
    let side = "";
    const keys = (text: string): TCachedKeys => {
      if (text.length <= INLINE_MAX_BYTES) return { text };
      const blocked = blockKeyList(text, { base: side.length, blockBytes: BLOCK_BYTES });
      if (blocked === undefined) return { text };
      side += blocked.bytes;

      return blocked.blocks;
    };
    const set = (s: (typeof index.hosts)["allow"]): TCachedHostSet => ({ size: s.size, exact: keys(s.exact), exactPort: keys(s.exactPort), suffix: keys(s.suffix), suffixPort: keys(s.suffixPort) });
    const hosts = {
      allow: set(index.hosts.allow),
      deny: set(index.hosts.deny),
      registries: set(index.hosts.registries),
      gitWriteHosts: index.hosts.gitWriteHosts === null ? null : set(index.hosts.gitWriteHosts),
      forgeApiHosts: set(index.hosts.forgeApiHosts),
    };
    const after = fingerprintState(paths);
    if (after === undefined || !sameState(opts.state, after)) return false;
    let hostsFile: THookCacheFile["hostsFile"] = null;
    if (side !== "") {
      // Named by content: writers of different policies never share a file; only written after full
      // verification, so node:crypto is loaded here and never on the hook's fast path
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createHash } = require("node:crypto") as typeof TCrypto;
      const data = Buffer.from(side, "latin1");
      const name = `hook-hosts.${createHash("sha256").update(data).digest("hex").slice(0, 16)}.bin`;
      writeFileAtomic({ file: join(paths.dir, name), data });
      const fingerprint = fingerprintOf(join(paths.dir, name));
      if (fingerprint === undefined || fingerprint === "absent") return false;
      hostsFile = { name, fingerprint };
    }
    const file: THookCacheFile = { format: CACHE_FORMAT, state: opts.state, version: snapshot.version, issuedAt: snapshot.issuedAt, expiresAt: snapshot.expiresAt, policy: index.policy, hosts, hostsFile };
    writeFileAtomic({ file: paths.hookCache, data: JSON.stringify(file) });
    removeStaleHostsFiles(paths.dir, hostsFile?.name);

    return true;
  } catch {
    return false;
  }
}
