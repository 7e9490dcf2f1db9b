import { compilePolicy } from "@egress/policy/engine";
import type { TPolicyDocument } from "@egress/policy/engine";

import type { TStatePaths } from "../state/paths";
import { loadVerifiedSnapshot } from "../state/verified";

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

/** Loads and verifies the cached snapshot (every call: signature, org, scope, rollback, expiry) and compiles its policy */
export function cachedPolicySource(opts: { paths: TStatePaths; now: Date }): TPolicySource {
  const cache = loadVerifiedSnapshot(opts);
  if (cache.ok) {
    try {
      return { kind: "ok", compiled: compilePolicy(cache.snapshot.policy as TPolicyDocument), version: cache.snapshot.version };
    } catch (error) {
      const detail = error instanceof Error ? error.message : "unknown error";

      return { kind: "failed", code: "policy_invalid", reason: `the cached policy cannot be compiled (${detail}): run \`egress-sync pull\``, fallback: lockdownPolicy() };
    }
  }
  // INVARIANT: an expired snapshot keeps only the console reachable, so `egress-sync pull` can recover
  const allow = cache.code === "expired" ? consoleHost(cache.config?.server) : [];

  return { kind: "failed", code: cache.code, reason: cache.message, fallback: lockdownPolicy(allow) };
}
