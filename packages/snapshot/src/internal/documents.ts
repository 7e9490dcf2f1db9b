import { MAX_KEYS_PER_ROLE, MAX_NAME_LENGTH, SPEC_VERSION } from "../constants";
import type { TPublicKey, TRootDocument, TSnapshotDocument } from "../types";
import { decodeBase64Strict, isHex64, keyidOf } from "./encoding";

// Hand-written strict checks (no zod): the hook loads this on every tool call.
// Each check returns a lowercase reason, or undefined when the value is well formed.

const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const SNAPSHOT_FIELDS = ["type", "specVersion", "org", "scope", "version", "revision", "issuedAt", "expiresAt", "policy"];
const ROOT_FIELDS = ["type", "specVersion", "org", "version", "issuedAt", "rootKeys", "snapshotKeys", "threshold"];

/** A plain JSON object (not null, not an array) */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reason why `value` does not have exactly `fields` as its own keys, if any */
export function checkExactFields(value: Record<string, unknown>, fields: readonly string[], what: string): string | undefined {
  for (const field of fields) {
    if (!Object.hasOwn(value, field)) return `${what} is missing \`${field}\``;
  }
  const keys = Object.keys(value);
  if (keys.length !== fields.length) {
    const extra = keys.find((key) => !fields.includes(key));

    return `${what} has unknown field \`${extra ?? "?"}\``;
  }

  return undefined;
}

/** Milliseconds since epoch of a strict ISO 8601 UTC timestamp, or NaN */
export function parseTimestamp(value: unknown): number {
  if (typeof value !== "string" || !TIMESTAMP_RE.test(value)) return Number.NaN;

  return Date.parse(value);
}

function checkName(value: unknown, field: string, what: string): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_NAME_LENGTH) {
    return `${what} \`${field}\` must be a non-empty string of at most ${MAX_NAME_LENGTH} characters`;
  }

  return undefined;
}

function checkVersion(value: unknown, what: string): string | undefined {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    return `${what} \`version\` must be a positive safe integer`;
  }

  return undefined;
}

function checkKeyList(value: unknown, field: string): string | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_KEYS_PER_ROLE) {
    return `root \`${field}\` must list 1 to ${MAX_KEYS_PER_ROLE} keys`;
  }
  const seen = new Set<string>();
  for (const key of value as unknown[]) {
    if (!isRecord(key)) return `root \`${field}\` has an entry that is not an object`;
    const reason = checkExactFields(key, ["keyid", "publicKey"], `root \`${field}\` entry`);
    if (reason) return reason;
    if (!isHex64(key.keyid)) return `root \`${field}\` keyid must be a lowercase hex sha256`;
    const raw = typeof key.publicKey === "string" ? decodeBase64Strict(key.publicKey) : undefined;
    if (raw?.length !== 32) return `root \`${field}\` key \`${key.keyid}\` is not a base64 raw 32-byte ed25519 public key`;
    if (keyidOf(raw) !== key.keyid) return `root \`${field}\` keyid \`${key.keyid}\` does not match its public key`;
    if (seen.has(key.keyid)) return `root \`${field}\` lists keyid \`${key.keyid}\` twice`;
    seen.add(key.keyid);
  }

  return undefined;
}

/** Reason why `value` is not a well-formed {@link TRootDocument}, if any */
export function checkRootDocument(value: unknown): string | undefined {
  if (!isRecord(value)) return "root document is not a json object";
  const fields = checkExactFields(value, ROOT_FIELDS, "root document");
  if (fields) return fields;
  if (value.type !== "egress-root") return "root document `type` must be `egress-root`";
  if (value.specVersion !== SPEC_VERSION) return `root document \`specVersion\` \`${String(value.specVersion)}\` is not supported`;
  const reason =
    checkName(value.org, "org", "root document") ??
    checkVersion(value.version, "root document") ??
    (Number.isNaN(parseTimestamp(value.issuedAt)) ? "root document `issuedAt` must be an iso 8601 utc timestamp" : undefined) ??
    checkKeyList(value.rootKeys, "rootKeys") ??
    checkKeyList(value.snapshotKeys, "snapshotKeys");
  if (reason) return reason;
  const rootKeys = value.rootKeys as TPublicKey[];
  const snapshotKeys = value.snapshotKeys as TPublicKey[];
  const rootKeyids = new Set(rootKeys.map((key) => key.keyid));
  const shared = snapshotKeys.find((key) => rootKeyids.has(key.keyid));
  // INVARIANT: a root key never signs snapshots, so a console breach alone cannot mint roots
  if (shared) return `root document uses key \`${shared.keyid}\` as both a root key and a snapshot key`;
  const threshold = value.threshold;
  if (typeof threshold !== "number" || !Number.isSafeInteger(threshold) || threshold < 1 || threshold > rootKeys.length) {
    return `root document \`threshold\` must be an integer from 1 to ${rootKeys.length}`;
  }

  return undefined;
}

/** Reason why `value` is not a well-formed {@link TSnapshotDocument}, if any */
export function checkSnapshotDocument(value: unknown): string | undefined {
  if (!isRecord(value)) return "snapshot document is not a json object";
  const fields = checkExactFields(value, SNAPSHOT_FIELDS, "snapshot document");
  if (fields) return fields;
  if (value.type !== "egress-snapshot") return "snapshot document `type` must be `egress-snapshot`";
  if (value.specVersion !== SPEC_VERSION) return `snapshot document \`specVersion\` \`${String(value.specVersion)}\` is not supported`;
  const reason =
    checkName(value.org, "org", "snapshot document") ??
    checkName(value.scope, "scope", "snapshot document") ??
    checkVersion(value.version, "snapshot document") ??
    checkName(value.revision, "revision", "snapshot document");
  if (reason) return reason;
  const issuedAt = parseTimestamp(value.issuedAt);
  const expiresAt = parseTimestamp(value.expiresAt);
  if (Number.isNaN(issuedAt)) return "snapshot document `issuedAt` must be an iso 8601 utc timestamp";
  if (Number.isNaN(expiresAt)) return "snapshot document `expiresAt` must be an iso 8601 utc timestamp";
  if (expiresAt <= issuedAt) return "snapshot document `expiresAt` must be after `issuedAt`";
  if (!isRecord(value.policy)) return "snapshot document `policy` must be a json object";

  return undefined;
}

/** Type guard form of {@link checkRootDocument} */
export function isRootDocument(value: unknown): value is TRootDocument {
  return checkRootDocument(value) === undefined;
}

/** Type guard form of {@link checkSnapshotDocument} */
export function isSnapshotDocument(value: unknown): value is TSnapshotDocument {
  return checkSnapshotDocument(value) === undefined;
}
