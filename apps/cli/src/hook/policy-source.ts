import { compilePolicy } from "@egress/policy/engine";
import type { TPolicyDocument } from "@egress/policy/engine";

import { fingerprintState, readHookCache, writeHookCache } from "../state/hook-cache";
import type { TStatePaths } from "../state/paths";

type TCompiledPolicy = ReturnType<typeof compilePolicy>;

/**
 * Where the hook's policy comes from. `ok`: the verified snapshot. `failed`: the snapshot cannot be
 * used; `fallback` is a deny-all-egress policy (or, when merely expired, one that allows only the
 * console host) and every deny it produces carries `reason` instead of the engine's own
 */
export type TPolicySource =
  | { kind: "ok"; compiled: TCompiledPolicy; version: number }
  | { kind: "failed"; code: string; reason: string; fallback: TCompiledPolicy; version?: number };

/** A policy that allows no destination at all (loopback neither), for fail-closed paths */
export function lockdownPolicy(allowHosts: string[] = []): TCompiledPolicy {
  const document = {
    version: 1,
    mode: "enforce",
    logLevel: 1,
    hosts: { allow: allowHosts, deny: [], loopback: "deny" },
    tools: { deny: [], urlTools: [], search: "deny" },
    mcp: { connectors: [], connectorTools: [], localServers: [], unknownServers: "deny" },
    shell: { network: "allow-listed", pipeToInterpreter: "deny", downloadThenExecute: "deny", registries: [] },
  } as unknown as TPolicyDocument;

  return compilePolicy(document);
}

function consoleHost(server: string | undefined): string[] {
  if (!server) return [];
  try {
    return [new URL(server).hostname];
  } catch {
    return [];
  }
}

/**
 * The hook's policy: the precompiled copy of the verified snapshot while the files it came from are
 * unchanged (state/hook-cache.ts), else the cached snapshot verified in full (signature, org,
 * scope, rollback, expiry), which then refreshes the precompiled copy
 */
export async function cachedPolicySource(opts: { paths: TStatePaths; now: Date }): Promise<TPolicySource> {
  const state = fingerprintState(opts.paths);
  const fast = state ? readHookCache({ paths: opts.paths, state, now: opts.now }) : undefined;
  if (fast) return { kind: "ok", compiled: fast.compiled, version: fast.version };
  // Loaded only when verifying in full: keeps node:crypto off the hook's start-up path
  const { loadVerifiedSnapshot } = await import("../state/verified");
  const cache = loadVerifiedSnapshot(opts);
  if (cache.ok) {
    let compiled: TCompiledPolicy;
    try {
      compiled = compilePolicy(cache.snapshot.policy as TPolicyDocument);
    } catch (error) {
      const detail = error instanceof Error ? error.message : "unknown error";

      return { kind: "failed", code: "policy_invalid", reason: `the cached policy cannot be compiled (${detail}): run \`egress-sync pull\``, fallback: lockdownPolicy() };
    }
    if (state) writeHookCache({ paths: opts.paths, state, snapshot: cache.snapshot });

    return { kind: "ok", compiled, version: cache.snapshot.version };
  }
  // INVARIANT: an expired snapshot keeps only the console reachable, so `egress-sync pull` can recover
  const allow = cache.code === "expired" ? consoleHost(cache.config?.server) : [];

  return { kind: "failed", code: cache.code, reason: cache.message, fallback: lockdownPolicy(allow) };
}
