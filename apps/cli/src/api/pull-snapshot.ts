import { DEVICE_HEADERS, ZSnapshotResponseSchema } from "@egress/contracts";
import { parsePolicyDocument } from "@egress/policy";
import { decodeEnvelope, hasSnapshotKeysChanged, rootFingerprint, verifyRootChain, verifySnapshot } from "@egress/snapshot/verify";
import type { TSnapshotDocument } from "@egress/snapshot";

import { EXIT_CODES, ExitError, SNAPSHOT_EXIT_CODES } from "../common";
import { readTextFile } from "../state/files";
import type { TStatePaths } from "../state/paths";
import { loadConfig, loadCredential, loadLastSeen, loadRoot, loadStatus, saveLastSeen, saveRoot, saveSnapshot, updateStatus } from "../state/store";
import type { TDeviceConfig } from "../state/store";
import { refreshHookCache } from "../state/verified";
import { callApi } from "./client";

/** What a successful pull did */
export type TPullResult = {
  changed: boolean;
  version: number;
  revision: string;
  issuedAt: string;
  expiresAt: string;
  rootVersion: number;
  rootRotated: boolean;
};

const ENROLL_HINT = "run `egress-sync enroll --server <console-url> --token <enrollment-token>`";

function snapshotError(opts: { code: string; message: string; what: string }): ExitError {
  return new ExitError({
    exitCode: SNAPSHOT_EXIT_CODES[opts.code] ?? EXIT_CODES.SNAPSHOT_MALFORMED,
    code: opts.code,
    message: `refused the ${opts.what} from the console: ${opts.message}: the cached policy is unchanged`,
  });
}

/** Loads config and credential, or throws the right "not enrolled" / "corrupt state" error */
export function requireEnrollment(paths: TStatePaths): { config: TDeviceConfig; credential: string } {
  const config = loadConfig(paths);
  if (config.kind === "missing") throw new ExitError({ exitCode: EXIT_CODES.NOT_ENROLLED, code: "not_enrolled", message: `this device is not enrolled: ${ENROLL_HINT}` });
  if (config.kind === "error") throw new ExitError({ exitCode: EXIT_CODES.STATE_CORRUPT, code: "state_corrupt", message: `the device configuration \`${paths.config}\` is unreadable (${config.message}): ${ENROLL_HINT} --force` });
  const credential = loadCredential(paths);
  if (credential.kind !== "ok") {
    const why = credential.kind === "missing" ? "is missing" : `is unreadable (${credential.message})`;
    throw new ExitError({ exitCode: EXIT_CODES.STATE_CORRUPT, code: "state_corrupt", message: `the device credential \`${paths.credential}\` ${why}: ${ENROLL_HINT} --force` });
  }

  return { config: config.value, credential: credential.value };
}

function cachedEtag(paths: TStatePaths, digest: string | undefined): string | undefined {
  // Only a cache that still matches what we accepted may answer 304: a damaged file gets replaced
  const etag = loadStatus(paths).etag;
  const text = readTextFile(paths.snapshot);
  if (!etag || !digest || text.kind !== "ok") return undefined;
  const decoded = decodeEnvelope(text.text);

  return decoded.ok && decoded.digest === digest ? etag : undefined;
}

function policyError(policy: unknown): ExitError | undefined {
  const parsed = parsePolicyDocument(policy);
  if (parsed.ok) return undefined;
  const issues = parsed.errors.slice(0, 3).map((issue) => `\`${issue.path}\`: ${issue.message}`).join("; ");

  return new ExitError({ exitCode: EXIT_CODES.POLICY_INVALID, code: "policy_invalid", message: `refused the snapshot from the console: its policy is invalid (${issues}): the cached policy is unchanged, tell your security team` });
}

/**
 * Fetches the latest snapshot (conditional GET), verifies root rotations from the pinned root,
 * verifies the snapshot (signature, org, scope, expiry, rollback), validates its policy, then
 * writes it atomically and advances the highest-seen version. Any failure throws an
 * {@link ExitError} and leaves every cached file byte for byte intact
 */
export async function pullSnapshot(opts: { paths: TStatePaths; now: () => Date; agents: string[]; timeoutMs?: number }): Promise<TPullResult> {
  const { paths } = opts;
  const startedAt = opts.now().toISOString();
  try {
    const result = await pullOnce(opts);
    updateStatus({ paths, update: { lastPullAt: startedAt, lastPullOk: true, lastPullCode: result.changed ? "updated" : "not_modified", lastPullMessage: "", lastSuccessAt: startedAt } });

    return result;
  } catch (error) {
    if (error instanceof ExitError && error.code !== "not_enrolled") {
      updateStatus({ paths, update: { lastPullAt: startedAt, lastPullOk: false, lastPullCode: error.code, lastPullMessage: error.message } });
    }
    throw error;
  }
}

async function pullOnce(opts: { paths: TStatePaths; now: () => Date; agents: string[]; timeoutMs?: number }): Promise<TPullResult> {
  const { paths } = opts;
  const { config, credential } = requireEnrollment(paths);
  const pinned = loadRoot(paths);
  if (pinned.kind !== "ok") {
    throw new ExitError({ exitCode: EXIT_CODES.STATE_CORRUPT, code: "state_corrupt", message: `the pinned root \`${paths.root}\` is ${pinned.kind === "missing" ? "missing" : `unreadable (${pinned.message})`}: ${ENROLL_HINT} --force` });
  }
  const lastSeen = loadLastSeen(paths);
  const previous = lastSeen.kind === "ok" ? lastSeen.value : undefined;
  const etag = cachedEtag(paths, previous?.digest);
  const headers: Record<string, string> = { [DEVICE_HEADERS.rootVersion]: String(pinned.value.version), [DEVICE_HEADERS.agents]: opts.agents.join(",") };
  if (previous) headers[DEVICE_HEADERS.snapshotVersion] = String(previous.version);
  if (etag) headers["if-none-match"] = etag;
  const response = await callApi({ server: config.server, path: "/snapshot", credential, headers, schema: ZSnapshotResponseSchema, timeoutMs: opts.timeoutMs });
  if (response.notModified) {
    const cached = verifyCached({ paths, config, now: opts.now() });
    // The hook's precompiled copy may be missing (first run of a newer egress-sync): rebuild it
    if (cached) refreshHookCache({ paths, now: opts.now() });
    if (cached) return { ...cached, changed: false, rootVersion: pinned.value.version, rootRotated: false };
    throw new ExitError({ exitCode: EXIT_CODES.PROTOCOL, code: "invalid_response", message: "the console answered 304 not modified but the cached snapshot does not verify: run `egress-sync pull` again" });
  }
  const { data } = response;
  const chain = verifyRootChain({ trusted: pinned.value.document, chain: data.roots });
  if (!chain.ok) throw snapshotError({ code: chain.code, message: chain.message, what: "root key rotation" });
  const root = chain.value;
  const rootRotated = root.version !== pinned.value.version;
  // After a snapshot-key rotation signed by the root keys, the old high-water mark may come from a compromised key
  const keysChanged = rootRotated && hasSnapshotKeysChanged({ before: pinned.value.document, after: root });
  const now = opts.now();
  const verified = verifySnapshot({ envelope: data.snapshot, root, org: config.org.id, scope: config.scope, now, ...(previous && !keysChanged ? { lastSeen: previous } : {}) });
  if (!verified.ok) throw snapshotError({ code: verified.code, message: verified.message, what: "snapshot" });
  const invalid = policyError(verified.value.policy);
  if (invalid) throw invalid;
  // INVARIANT: order snapshot → root → last-seen, so a crash never leaves a high-water mark above the cached snapshot
  saveSnapshot({ paths, text: `${JSON.stringify(data.snapshot)}\n` });
  if (rootRotated) {
    const rotatedEnvelope = data.roots[data.roots.length - 1] ?? pinned.value.envelope;
    saveRoot({ paths, root: { version: root.version, fingerprint: rootFingerprint(root), document: root, envelope: rotatedEnvelope, pinnedAt: now.toISOString() } });
  }
  saveLastSeen({ paths, lastSeen: { version: verified.value.version, digest: verified.digest } });
  const newEtag = response.headers.get("etag");
  if (newEtag) updateStatus({ paths, update: { etag: newEtag } });
  // Precompile for the hook now, so the first tool call after a pull takes the fast path
  refreshHookCache({ paths, now });

  return { ...describe(verified.value), changed: verified.digest !== previous?.digest, rootVersion: root.version, rootRotated };
}

function describe(snapshot: TSnapshotDocument): Pick<TPullResult, "version" | "revision" | "issuedAt" | "expiresAt"> {
  return { version: snapshot.version, revision: snapshot.revision, issuedAt: snapshot.issuedAt, expiresAt: snapshot.expiresAt };
}

function verifyCached(opts: { paths: TStatePaths; config: TDeviceConfig; now: Date }): ReturnType<typeof describe> | undefined {
  const root = loadRoot(opts.paths);
  const text = readTextFile(opts.paths.snapshot);
  const lastSeen = loadLastSeen(opts.paths);
  if (root.kind !== "ok" || text.kind !== "ok") return undefined;
  const result = verifySnapshot({ envelope: text.text, root: root.value.document, org: opts.config.org.id, scope: opts.config.scope, now: opts.now, ...(lastSeen.kind === "ok" ? { lastSeen: lastSeen.value } : {}) });
  if (!result.ok) {
    if (result.code === "expired") throw snapshotError({ code: "expired", message: `${result.message}: the console keeps serving it`, what: "unchanged snapshot" });

    return undefined;
  }

  return describe(result.value);
}
