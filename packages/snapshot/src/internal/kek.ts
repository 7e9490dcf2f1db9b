import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

import { SnapshotSigningError } from "./errors";

// Format: `ekek1.<kek id>.<iv>.<ciphertext>.<tag>`, base64url parts, AES-256-GCM with a 96-bit random IV.
// The kek id (first 8 bytes of HMAC-SHA256(kek, label), hex) tells a wrong KEK apart from tampering
// without revealing the KEK. The format version and the caller's `aad` are bound as GCM associated data.
const FORMAT = "ekek1";
const KEK_ID_LABEL = "egress-kek-id-v1";

function checkKek(kek: Buffer): void {
  if (!Buffer.isBuffer(kek) || kek.length !== 32) {
    throw new SnapshotSigningError("invalid_kek", `key-encryption key must be 32 bytes: got \`${Buffer.isBuffer(kek) ? kek.length : typeof kek}\``);
  }
}

function kekId(kek: Buffer): string {
  return createHmac("sha256", kek).update(KEK_ID_LABEL).digest().subarray(0, 8).toString("hex");
}

function associatedData(aad: string | undefined): Buffer {
  return Buffer.from(`${FORMAT}\n${aad ?? ""}`, "utf8");
}

/** Parses `EGRESS_KEK`: a 32-byte key as 64 hex digits or base64 (standard or url-safe); throws `invalid_kek` otherwise */
export function parseKek(value: string): Buffer {
  const text = typeof value === "string" ? value.trim() : "";
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/]{43}=?$/.test(text) || /^[A-Za-z0-9_-]{43}=?$/.test(text)) {
    const bytes = Buffer.from(text, text.includes("-") || text.includes("_") ? "base64url" : "base64");
    if (bytes.length === 32) return bytes;
  }
  // Never echo the value: it is a secret
  throw new SnapshotSigningError("invalid_kek", `\`EGRESS_KEK\` must be a 32-byte key encoded as base64 or 64 hex digits: got \`${text.length}\` characters`);
}

/** Encrypts a private key PEM at rest with AES-256-GCM under `kek`; `aad` (e.g. org and keyid) must be repeated to decrypt */
export function encryptPrivateKey(opts: { privateKeyPem: string; kek: Buffer; aad?: string }): string {
  checkKek(opts.kek);
  if (typeof opts.privateKeyPem !== "string" || opts.privateKeyPem.length === 0) {
    throw new SnapshotSigningError("invalid_key", "private key to encrypt must be a non-empty pem string");
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", opts.kek, iv);
  cipher.setAAD(associatedData(opts.aad));
  const ciphertext = Buffer.concat([cipher.update(opts.privateKeyPem, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();

  return [FORMAT, kekId(opts.kek), iv.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(".");
}

/** Decrypts {@link encryptPrivateKey} output; throws `wrong_kek`, `decryption_failed` (tampering or wrong `aad`) or `invalid_key` */
export function decryptPrivateKey(opts: { encrypted: string; kek: Buffer; aad?: string }): string {
  checkKek(opts.kek);
  const parts = typeof opts.encrypted === "string" ? opts.encrypted.split(".") : [];
  const [format, id, iv, ciphertext, tag] = parts;
  if (parts.length !== 5 || format !== FORMAT || !id || !iv || !ciphertext || !tag) {
    throw new SnapshotSigningError("invalid_key", `encrypted private key is not in the \`${FORMAT}\` format`);
  }
  const expectedId = kekId(opts.kek);
  if (id !== expectedId) {
    throw new SnapshotSigningError("wrong_kek", `private key was encrypted under another key-encryption key: kek id \`${id}\`, current \`${expectedId}\``);
  }
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  if (ivBytes.length !== 12 || tagBytes.length !== 16) {
    throw new SnapshotSigningError("decryption_failed", "private key decryption failed: bad iv or authentication tag length");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", opts.kek, ivBytes);
    decipher.setAAD(associatedData(opts.aad));
    decipher.setAuthTag(tagBytes);

    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SnapshotSigningError("decryption_failed", "private key decryption failed: ciphertext, tag or `aad` was tampered with");
  }
}
