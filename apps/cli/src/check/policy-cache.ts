import { mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { compilePolicyIndex, indexPolicy } from "@egress/policy/engine";
import type { TCompiledPolicy, TPolicyDocument, TPolicyIndex } from "@egress/policy/engine";

import { writeFileAtomic } from "../state/files";
import type { TFileSourceInfo } from "../hook/file-source-info";

// `check --policy <file>` validates the file with the full schema (zod) and the importer, which
// dominates its run time. A policy file that validated is stored here precompiled, keyed by its
// absolute path and bound to its inode, size, mtime and ctime: while the file is unchanged, the
// next `check` of it skips validation and decides from the same compiled policy. Any change to the
// file (ctime cannot be set by a process) means validating it again. Only valid files are cached,
// so every problem with a file is reported from the file itself, every time.

const FORMAT = 1;

type TEntry = { format: typeof FORMAT; path: string; file: string; info: TFileSourceInfo; index: TPolicyIndex };

/** Stat fingerprint of a policy file, or undefined if it cannot be examined */
export function policyFileFingerprint(path: string): string | undefined {
  try {
    const s = statSync(path, { bigint: true });

    return s.isFile() ? `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : undefined;
  } catch {
    return undefined;
  }
}

// FNV-1a: a file name for the path, not a security boundary (the entry holds the path and is compared)
function entryName(path: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193) >>> 0;

  return `${hash.toString(16).padStart(8, "0")}.json`;
}

function entryFile(cacheDir: string, path: string): string {
  return join(cacheDir, "check", entryName(path));
}

/**
 * Policies compiled by this process, for one that checks many calls (the hook daemon): reused while
 * both the policy file and its cache entry have the fingerprints they had when compiled
 */
const compiledEntries = new Map<string, { compiled: TCompiledPolicy; info: TFileSourceInfo }>();

/** The compiled policy of `path` if it validated before and is unchanged since. Never throws */
export function readCheckCache(opts: { cacheDir: string; path: string }): { compiled: TCompiledPolicy; info: TFileSourceInfo } | undefined {
  const fingerprint = policyFileFingerprint(opts.path);
  if (fingerprint === undefined) return undefined;
  const file = entryFile(opts.cacheDir, opts.path);
  const key = `${opts.path}\n${fingerprint}\n${policyFileFingerprint(file) ?? ""}`;
  const known = compiledEntries.get(key);
  if (known) return known;
  try {
    const entry = JSON.parse(readFileSync(file, "utf8")) as Partial<TEntry> | null;
    if (entry === null || typeof entry !== "object" || entry.format !== FORMAT || entry.path !== opts.path || entry.file !== fingerprint) return undefined;
    if (entry.info?.format !== "native" && entry.info?.format !== "cross-provider") return undefined;
    const hit = { compiled: compilePolicyIndex(entry.index), info: { format: entry.info.format } };
    if (compiledEntries.size >= 8) compiledEntries.clear();
    compiledEntries.set(key, hit);

    return hit;
  } catch {
    return undefined;
  }
}

/**
 * Stores a policy that just validated, if its file still has the fingerprint taken before it was
 * read. Best effort: a cache that cannot be written only means validating again. Never throws
 */
export function writeCheckCache(opts: { cacheDir: string; path: string; fingerprint: string; policy: TPolicyDocument; info: TFileSourceInfo }): void {
  try {
    if (policyFileFingerprint(opts.path) !== opts.fingerprint) return;
    const entry: TEntry = { format: FORMAT, path: opts.path, file: opts.fingerprint, info: { format: opts.info.format }, index: indexPolicy(opts.policy) };
    mkdirSync(join(opts.cacheDir, "check"), { recursive: true, mode: 0o700 });
    writeFileAtomic({ file: entryFile(opts.cacheDir, opts.path), data: JSON.stringify(entry) });
  } catch {
    // Derived data only
  }
}
