import { createHash, createPublicKey } from "node:crypto";
import type { KeyObject } from "node:crypto";

const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const HEX64_RE = /^[0-9a-f]{64}$/;
// SPKI DER prefix of an Ed25519 public key (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING }
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/** Hex sha256 of `bytes` */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** True when `value` is a lowercase hex sha256 */
export function isHex64(value: unknown): value is string {
  return typeof value === "string" && HEX64_RE.test(value);
}

function paeHeader(payloadType: string, bodyLength: number): Buffer {
  return Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType, "utf8")} ${payloadType} ${bodyLength} `, "utf8");
}

/**
 * DSSE pre-authentication encoding:
 * `"DSSEv1" SP len(type) SP type SP len(body) SP body`, lengths as ASCII decimal byte counts
 */
export function encodePae(payloadType: string, body: Uint8Array): Buffer {
  return Buffer.concat([paeHeader(payloadType, body.length), body]);
}

/**
 * Decodes a (large) base64 payload straight into its PAE buffer, saving a copy on the hot path.
 * Rejects any character Node would skip or stop at by checking the decoded length; canonical
 * base64 is checked separately where it matters. `body` is a view into `pae`
 */
export function decodePayloadIntoPae(payloadType: string, base64: string): { pae: Buffer; body: Buffer } | undefined {
  if (base64.length === 0 || base64.length % 4 !== 0) return undefined;
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  const bodyLength = (base64.length / 4) * 3 - padding;
  const header = paeHeader(payloadType, bodyLength);
  const pae = Buffer.allocUnsafe(header.length + bodyLength);
  header.copy(pae, 0);
  // INVARIANT: the buffer is only returned when every byte of it was written
  if (pae.write(base64, header.length, "base64") !== bodyLength) return undefined;

  return { pae, body: pae.subarray(header.length) };
}

/**
 * Strict base64 decode of a short value: standard alphabet, padding required, canonical.
 * Returns `undefined` when the value is not exactly that
 */
export function decodeBase64Strict(value: string): Buffer | undefined {
  if (!BASE64_RE.test(value)) return undefined;
  const bytes = Buffer.from(value, "base64");
  if (bytes.toString("base64") !== value) return undefined;

  return bytes;
}

/** Raw 32-byte Ed25519 public key → keyid (hex sha256 of the raw bytes) */
export function keyidOf(rawPublicKey: Uint8Array): string {
  return sha256Hex(rawPublicKey);
}

const keyCache = new Map<string, KeyObject>();

/** Base64 raw Ed25519 public key → KeyObject (cached), or `undefined` if it is not one */
export function importPublicKey(publicKey: string): KeyObject | undefined {
  const cached = keyCache.get(publicKey);
  if (cached) return cached;
  const raw = decodeBase64Strict(publicKey);
  if (raw?.length !== 32) return undefined;
  try {
    const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: "der", type: "spki" });
    if (keyCache.size > 256) keyCache.clear();
    keyCache.set(publicKey, key);

    return key;
  } catch {
    return undefined;
  }
}

/** Shortened keyid for messages */
export function shortKeyid(keyid: string): string {
  return keyid.length > 16 ? `${keyid.slice(0, 16)}…` : keyid;
}
