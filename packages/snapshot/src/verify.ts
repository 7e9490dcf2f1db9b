import canonicalize from "canonicalize";
import { verify as verifyEd25519 } from "node:crypto";

import {
  MAX_CLOCK_SKEW_MS,
  MAX_ENVELOPE_BYTES,
  MAX_ROOT_BYTES,
  MAX_ROOT_ROTATIONS,
  MAX_SIGNATURES,
  MAX_SNAPSHOT_BYTES,
  ROOT_PAYLOAD_TYPE,
  SNAPSHOT_PAYLOAD_TYPE,
} from "./constants";
import { checkExactFields, checkRootDocument, checkSnapshotDocument, isRecord, parseTimestamp } from "./internal/documents";
import { decodeBase64Strict, decodePayloadIntoPae, importPublicKey, isHex64, sha256Hex, shortKeyid } from "./internal/encoding";
import type { TEnvelope, TLastSeen, TPublicKey, TRootDocument, TSnapshotDocument, TSnapshotErrorCode, TVerifyFailure, TVerifyResult } from "./types";

// Device side. Never import the signing code here (lint enforces it). Keep module load light: no zod.

export * from "./constants";
export type * from "./types";

type TDecoded = { envelope: TEnvelope; payload: Buffer; pae: Buffer; digest: string };

const utf8Strict = new TextDecoder("utf-8", { fatal: true });

function fail(code: TSnapshotErrorCode, message: string): TVerifyFailure {
  return { ok: false, code, message };
}

function maxBase64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

function parseEnvelopeInput(input: unknown): unknown {
  if (typeof input === "string") {
    if (input.length > MAX_ENVELOPE_BYTES) return fail("oversize", `envelope is too large: \`${input.length}\` characters exceeds the \`${MAX_ENVELOPE_BYTES}\` limit`);
    try {
      return JSON.parse(input) as unknown;
    } catch {
      return fail("malformed", "envelope is not valid json");
    }
  }
  if (input instanceof Uint8Array) {
    if (input.length > MAX_ENVELOPE_BYTES) return fail("oversize", `envelope is too large: \`${input.length}\` bytes exceeds the \`${MAX_ENVELOPE_BYTES}\` limit`);
    try {
      return JSON.parse(utf8Strict.decode(input)) as unknown;
    } catch {
      return fail("malformed", "envelope is not valid utf-8 json");
    }
  }

  return input;
}

function isFailure(value: unknown): value is TVerifyFailure {
  return isRecord(value) && value.ok === false && typeof value.code === "string";
}

/**
 * Structure, size caps and payload decoding shared by every verify function.
 * `maxPayloadBytes` is checked on the base64 length before decoding, so oversize input is never decoded
 */
function decodeInternal(input: unknown, maxPayloadBytes: number): TDecoded | TVerifyFailure {
  if (isFailure(input)) return fail("malformed", "envelope is not an object");
  const parsed = parseEnvelopeInput(input);
  if (isFailure(parsed)) return parsed;
  if (!isRecord(parsed)) return fail("malformed", "envelope is not a json object");
  const fields = checkExactFields(parsed, ["payloadType", "payload", "signatures"], "envelope");
  if (fields) return fail("malformed", fields);
  const { payloadType, payload, signatures } = parsed;
  if (typeof payloadType !== "string" || payloadType.length === 0 || payloadType.length > 256) {
    return fail("malformed", "envelope `payloadType` must be a non-empty string");
  }
  if (typeof payload !== "string") return fail("malformed", "envelope `payload` must be a base64 string");
  if (payload.length > maxBase64Length(maxPayloadBytes)) {
    return fail("oversize", `payload is too large: more than \`${maxPayloadBytes}\` bytes`);
  }
  if (!Array.isArray(signatures)) return fail("malformed", "envelope `signatures` must be an array");
  if (signatures.length === 0) return fail("malformed", "envelope has no signatures");
  if (signatures.length > MAX_SIGNATURES) return fail("malformed", `envelope has more than \`${MAX_SIGNATURES}\` signatures`);
  const copies: TEnvelope["signatures"] = [];
  for (const entry of signatures as unknown[]) {
    if (!isRecord(entry)) return fail("malformed", "envelope signature is not an object");
    const entryFields = checkExactFields(entry, ["keyid", "sig"], "envelope signature");
    if (entryFields) return fail("malformed", entryFields);
    if (!isHex64(entry.keyid)) return fail("malformed", "envelope signature `keyid` must be a lowercase hex sha256");
    const sig = typeof entry.sig === "string" ? decodeBase64Strict(entry.sig) : undefined;
    if (sig?.length !== 64) return fail("malformed", `envelope signature by \`${shortKeyid(entry.keyid)}\` is not a base64 64-byte ed25519 signature`);
    copies.push({ keyid: entry.keyid, sig: entry.sig as string });
  }
  const decoded = decodePayloadIntoPae(payloadType, payload);
  if (!decoded) return fail("malformed", "envelope `payload` is not valid base64");
  if (decoded.body.length > maxPayloadBytes) return fail("oversize", `payload is too large: \`${decoded.body.length}\` bytes exceeds the \`${maxPayloadBytes}\` limit`);

  return { envelope: { payloadType, payload, signatures: copies }, payload: decoded.body, pae: decoded.pae, digest: sha256Hex(decoded.body) };
}

type TSignatureCheck = { valid: number; known: number; invalidKeyid?: string };

/**
 * Verifies every signature made by a key in `keys` over the PAE bytes.
 * A keyid counts at most once; signatures by keys outside `keys` are ignored
 */
function checkSignatures(decoded: TDecoded, keys: readonly TPublicKey[]): TSignatureCheck {
  const byKeyid = new Map(keys.map((key) => [key.keyid, key]));
  const { pae } = decoded;
  const validKeyids = new Set<string>();
  const result: TSignatureCheck = { valid: 0, known: 0 };
  for (const { keyid, sig } of decoded.envelope.signatures) {
    const key = byKeyid.get(keyid);
    if (!key) continue;
    result.known += 1;
    const publicKey = importPublicKey(key.publicKey);
    const isValid = publicKey !== undefined && verifyEd25519(null, pae, publicKey, Buffer.from(sig, "base64"));
    if (isValid) validKeyids.add(keyid);
    else result.invalidKeyid ??= keyid;
  }
  result.valid = validKeyids.size;

  return result;
}

/** Maps a signature check to a failure, or undefined when `threshold` distinct valid signatures exist */
function signatureFailure(check: TSignatureCheck, threshold: number, what: string): TVerifyFailure | undefined {
  if (check.known === 0) return fail("unknown_key", `${what} is not signed by any trusted key`);
  // INVARIANT: a signature by a trusted key that does not verify is never outvoted by other valid ones
  if (check.invalidKeyid) return fail("bad_signature", `${what} signature by \`${shortKeyid(check.invalidKeyid)}\` does not verify`);
  if (check.valid < threshold) return fail("bad_signature", `${what} has \`${check.valid}\` of \`${threshold}\` required signatures`);

  return undefined;
}

function parsePayload(decoded: TDecoded, isFirstAcceptance: boolean): unknown {
  let text: string;
  try {
    text = isFirstAcceptance ? utf8Strict.decode(decoded.payload) : decoded.payload.toString("utf8");
  } catch {
    return fail("malformed", "payload is not valid utf-8");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail("malformed", "payload is not valid json");
  }
  // Catches duplicate keys, whitespace, key order, escapes and number forms: the signer only emits RFC 8785
  if (isFirstAcceptance && canonicalize(value) !== text) return fail("malformed", "payload is not canonical json (rfc 8785)");

  return value;
}

function decodeRootEnvelope(input: unknown): TDecoded | TVerifyFailure {
  const decoded = decodeInternal(input, MAX_ROOT_BYTES);
  if (isFailure(decoded)) return decoded;
  if (decoded.envelope.payloadType !== ROOT_PAYLOAD_TYPE) {
    return fail("malformed", `envelope \`payloadType\` is \`${decoded.envelope.payloadType}\`: expected \`${ROOT_PAYLOAD_TYPE}\``);
  }
  if (decoded.payload.toString("base64") !== decoded.envelope.payload) return fail("malformed", "envelope `payload` is not canonical base64");

  return decoded;
}

function parseRoot(decoded: TDecoded): TRootDocument | TVerifyFailure {
  const value = parsePayload(decoded, true);
  if (isFailure(value)) return value;
  const reason = checkRootDocument(value);
  if (reason) return fail("malformed", reason);

  return value as TRootDocument;
}

/**
 * Decodes an envelope strictly: JSON text, UTF-8 bytes or an already parsed object with exactly
 * `payloadType`, `payload`, `signatures`; at least one well-formed signature; canonical base64.
 * Size caps are checked before parsing. Does not check signatures
 */
export function decodeEnvelope(input: unknown): TVerifyResult<TEnvelope> {
  const decoded = decodeInternal(input, MAX_SNAPSHOT_BYTES);
  if (isFailure(decoded)) return decoded;
  if (decoded.payload.toString("base64") !== decoded.envelope.payload) return fail("malformed", "envelope `payload` is not canonical base64");

  return { ok: true, value: decoded.envelope, digest: decoded.digest };
}

/**
 * Verifies a first root document (trust on first use at enrollment): well formed and signed by
 * `threshold` of its own root keys. Compare {@link rootFingerprint} out of band before pinning it
 */
export function verifyRootDocument(opts: { envelope: unknown }): TVerifyResult<TRootDocument> {
  const decoded = decodeRootEnvelope(opts.envelope);
  if (isFailure(decoded)) return decoded;
  const root = parseRoot(decoded);
  if (isFailure(root)) return root;
  const failure = signatureFailure(checkSignatures(decoded, root.rootKeys), root.threshold, "root document");
  if (failure) return failure;

  return { ok: true, value: root, digest: decoded.digest };
}

/**
 * Walks root rotations from the pinned `trusted` root: each next root must have version exactly
 * N+1, the same org, and be signed by `threshold` of the old root keys AND `threshold` of its own
 * root keys. Returns the newest trusted root (or `trusted` itself when `chain` is empty)
 */
export function verifyRootChain(opts: { trusted: TRootDocument; chain: readonly unknown[] }): TVerifyResult<TRootDocument> {
  const trustedReason = checkRootDocument(opts.trusted);
  if (trustedReason) return fail("malformed", `trusted root is malformed: ${trustedReason}`);
  if (!Array.isArray(opts.chain)) return fail("malformed", "root chain is not an array");
  if (opts.chain.length > MAX_ROOT_ROTATIONS) {
    return fail("oversize", `root chain is too long: \`${opts.chain.length}\` rotations exceeds the \`${MAX_ROOT_ROTATIONS}\` limit`);
  }
  let current = opts.trusted;
  let digest = sha256Hex(canonicalize(current) ?? "");
  for (const link of opts.chain) {
    const next = current.version + 1;
    const decoded = decodeRootEnvelope(link);
    if (isFailure(decoded)) return fail(decoded.code, `root \`v${next}\`: ${decoded.message}`);
    // Authenticate with the keys already trusted before parsing the new document
    const byOld = signatureFailure(checkSignatures(decoded, current.rootKeys), current.threshold, `root \`v${next}\``);
    if (byOld) return fail("broken_root_chain", `${byOld.message}: not signed by the root keys of \`v${current.version}\``);
    const root = parseRoot(decoded);
    if (isFailure(root)) return fail(root.code, `root \`v${next}\`: ${root.message}`);
    if (root.version !== next) {
      return fail("broken_root_chain", `root version \`${root.version}\` does not follow trusted version \`${current.version}\``);
    }
    if (root.org !== current.org) return fail("broken_root_chain", `root \`v${next}\` is for org \`${root.org}\`: expected \`${current.org}\``);
    const byNew = signatureFailure(checkSignatures(decoded, root.rootKeys), root.threshold, `root \`v${next}\``);
    if (byNew) return fail("broken_root_chain", `${byNew.message}: not signed by its own root keys`);
    current = root;
    digest = decoded.digest;
  }

  return { ok: true, value: current, digest };
}

/**
 * Verifies a snapshot envelope against the trusted root, in this order: size caps, structure,
 * payload type, signatures by a snapshot key of `root`, canonical JSON, document structure, org,
 * scope, rollback against `lastSeen`, not-yet-valid `issuedAt`, expiry. Never throws
 */
export function verifySnapshot(opts: {
  envelope: unknown;
  root: TRootDocument;
  org: string;
  scope: string;
  now: Date;
  lastSeen?: TLastSeen;
}): TVerifyResult<TSnapshotDocument> {
  const { root, org, scope, now, lastSeen } = opts;
  const rootReason = checkRootDocument(root);
  if (rootReason) return fail("malformed", `trusted root is malformed: ${rootReason}`);
  const nowMs = now instanceof Date ? now.getTime() : Number.NaN;
  if (Number.isNaN(nowMs)) return fail("malformed", "`now` is not a valid date");
  if (lastSeen !== undefined && (!Number.isSafeInteger(lastSeen.version) || !isHex64(lastSeen.digest))) {
    return fail("malformed", "`lastSeen` must hold a safe integer `version` and a hex sha256 `digest`");
  }
  const decoded = decodeInternal(opts.envelope, MAX_SNAPSHOT_BYTES);
  if (isFailure(decoded)) return decoded;
  if (decoded.envelope.payloadType !== SNAPSHOT_PAYLOAD_TYPE) {
    return fail("malformed", `envelope \`payloadType\` is \`${decoded.envelope.payloadType}\`: expected \`${SNAPSHOT_PAYLOAD_TYPE}\``);
  }
  // INVARIANT: bytes whose digest equals lastSeen.digest already passed the full canonical checks
  // when they were first accepted, so re-verification (the hook, on every tool call) skips only those
  // encoding checks. The signature is always verified: lastSeen sits beside the snapshot on disk and
  // is not a trust anchor, and only the signer (which emits canonical JSON) can produce signed bytes
  const isFirstAcceptance = lastSeen?.digest !== decoded.digest;
  if (isFirstAcceptance && decoded.payload.toString("base64") !== decoded.envelope.payload) {
    return fail("malformed", "envelope `payload` is not canonical base64");
  }
  const signature = signatureFailure(checkSignatures(decoded, root.snapshotKeys), 1, "snapshot");
  if (signature) {
    const byRootKey = decoded.envelope.signatures.some((entry) => root.rootKeys.some((key) => key.keyid === entry.keyid));
    const hint = signature.code === "unknown_key" ? `: no snapshot key of root \`v${root.version}\` signed it${byRootKey ? " (root keys may not sign snapshots)" : ""}` : "";

    return fail(signature.code, `${signature.message}${hint}`);
  }
  const value = parsePayload(decoded, isFirstAcceptance);
  if (isFailure(value)) return value;
  const reason = checkSnapshotDocument(value);
  if (reason) return fail("malformed", reason);
  const snapshot = value as TSnapshotDocument;
  if (snapshot.org !== org || snapshot.org !== root.org) {
    return fail("wrong_org", `snapshot is for org \`${snapshot.org}\`: expected \`${org}\` (root org \`${root.org}\`)`);
  }
  if (snapshot.scope !== scope) return fail("wrong_scope", `snapshot is for scope \`${snapshot.scope}\`: expected \`${scope}\``);
  if (lastSeen && snapshot.version < lastSeen.version) {
    return fail("rollback", `snapshot version \`${snapshot.version}\` is lower than the last seen version \`${lastSeen.version}\``);
  }
  if (lastSeen && snapshot.version === lastSeen.version && isFirstAcceptance) {
    return fail("rollback", `snapshot version \`${snapshot.version}\` was already seen with other content: digest \`${decoded.digest}\`, expected \`${lastSeen.digest}\``);
  }
  const issuedAtMs = parseTimestamp(snapshot.issuedAt);
  if (issuedAtMs - nowMs > MAX_CLOCK_SKEW_MS) {
    return fail("expired", `snapshot is not yet valid: issued at \`${snapshot.issuedAt}\`, now is \`${now.toISOString()}\``);
  }
  if (nowMs >= parseTimestamp(snapshot.expiresAt)) {
    return fail("expired", `snapshot expired at \`${snapshot.expiresAt}\`: now is \`${now.toISOString()}\``);
  }

  return { ok: true, value: snapshot, digest: decoded.digest };
}

/**
 * Human-comparable fingerprint of a root's trust anchor: sha256 over the canonical JSON of
 * `{ rootKeys (sorted by keyid), threshold }`, as `SHA256:ab12 cd34 …` (16 groups of 4 hex digits).
 * Snapshot-key rotation does not change it; root-key rotation does
 */
export function rootFingerprint(root: Pick<TRootDocument, "rootKeys" | "threshold">): string {
  const rootKeys = [...root.rootKeys]
    .map(({ keyid, publicKey }) => ({ keyid, publicKey }))
    .sort((a, b) => (a.keyid < b.keyid ? -1 : a.keyid > b.keyid ? 1 : 0));
  const hex = sha256Hex(canonicalize({ rootKeys, threshold: root.threshold }) ?? "");

  return `SHA256:${(hex.match(/.{4}/g) ?? []).join(" ")}`;
}

/**
 * True when the snapshot-signing keys differ between two roots. After such a rotation the device
 * should reset its persisted `lastSeen` (fast-forward recovery after an online-key compromise)
 */
export function hasSnapshotKeysChanged(opts: { before: TRootDocument; after: TRootDocument }): boolean {
  const before = new Set(opts.before.snapshotKeys.map((key) => key.keyid));
  const after = opts.after.snapshotKeys;

  return before.size !== after.length || after.some((key) => !before.has(key.keyid));
}
