import canonicalize from "canonicalize";
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as signEd25519 } from "node:crypto";
import type { KeyObject } from "node:crypto";

import { MAX_ROOT_BYTES, MAX_SNAPSHOT_BYTES, ROOT_PAYLOAD_TYPE, SNAPSHOT_PAYLOAD_TYPE, SPEC_VERSION } from "./constants";
import { checkRootDocument, checkSnapshotDocument } from "./internal/documents";
import { encodePae, keyidOf, shortKeyid } from "./internal/encoding";
import { SnapshotSigningError } from "./internal/errors";
import type { TEnvelope, TPublicKey, TRootDocument, TSigningKey, TSnapshotDocument } from "./types";

// Server side only (imported by @egress/api). Never bundled into the CLI or the hook.

export { SIGNING_ERROR_CODES, SnapshotSigningError } from "./internal/errors";
export type { TSigningErrorCode } from "./internal/errors";
export { decryptPrivateKey, encryptPrivateKey, parseKek } from "./internal/kek";

const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// RFC 8785 requires rejecting lone surrogates; JSON.stringify would silently escape them
function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === "string") return LONE_SURROGATE_RE.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).some(([key, entry]) => LONE_SURROGATE_RE.test(key) || hasLoneSurrogate(entry));
  }

  return false;
}

/** A freshly generated Ed25519 key pair */
export type TGeneratedSigningKey = TPublicKey & { privateKeyPem: string };

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: "jwk" });
  if (jwk.crv !== "Ed25519" || typeof jwk.x !== "string") throw new SnapshotSigningError("invalid_key", "key is not an ed25519 key");

  return Buffer.from(jwk.x, "base64url");
}

function loadSigningKey({ keyid, privateKeyPem }: TSigningKey): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw new SnapshotSigningError("invalid_key", `private key for \`${shortKeyid(keyid)}\` is not a valid pem`);
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new SnapshotSigningError("invalid_key", `private key for \`${shortKeyid(keyid)}\` is \`${key.asymmetricKeyType ?? "unknown"}\`: expected \`ed25519\``);
  }
  const actual = keyidOf(rawPublicKey(createPublicKey(key)));
  if (actual !== keyid) throw new SnapshotSigningError("invalid_key", `private key does not match keyid \`${keyid}\`: its keyid is \`${actual}\``);

  return key;
}

/** Generates an Ed25519 key pair: keyid (hex sha256 of the raw public key), base64 raw public key, PKCS#8 PEM private key */
export function generateSigningKey(): TGeneratedSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = rawPublicKey(publicKey);

  return { keyid: keyidOf(raw), publicKey: raw.toString("base64"), privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString() };
}

/** The {@link TPublicKey} of a private key PEM (e.g. after decrypting a stored key) */
export function getPublicKey(privateKeyPem: string): TPublicKey {
  let raw: Buffer;
  try {
    raw = rawPublicKey(createPublicKey(createPrivateKey(privateKeyPem)));
  } catch (error) {
    if (error instanceof SnapshotSigningError) throw error;
    throw new SnapshotSigningError("invalid_key", "private key is not a valid pem");
  }

  return { keyid: keyidOf(raw), publicKey: raw.toString("base64") };
}

/** The exact bytes that get signed for `document`: its RFC 8785 canonical JSON in UTF-8 */
export function canonicalPayload(document: unknown): Buffer {
  let text: string | undefined;
  try {
    text = canonicalize(document);
  } catch (error) {
    throw new SnapshotSigningError("invalid_document", `document cannot be canonicalized: ${error instanceof Error ? error.message.toLowerCase() : "unknown error"}`);
  }
  if (text === undefined) throw new SnapshotSigningError("invalid_document", "document cannot be canonicalized: not a json value");
  if (hasLoneSurrogate(document)) throw new SnapshotSigningError("invalid_document", "document contains a lone utf-16 surrogate");

  return Buffer.from(text, "utf8");
}

/** Signs `document` as canonical JSON (RFC 8785) in a DSSE envelope: one Ed25519 signature per key over the PAE bytes */
export function signEnvelope(opts: { payloadType: string; document: unknown; keys: TSigningKey[] }): TEnvelope {
  const { payloadType, document, keys } = opts;
  if (keys.length === 0) throw new SnapshotSigningError("invalid_key", "at least one signing key is required");
  if (new Set(keys.map((key) => key.keyid)).size !== keys.length) throw new SnapshotSigningError("invalid_key", "signing keys must have distinct keyids");
  const payload = canonicalPayload(document);
  const pae = encodePae(payloadType, payload);
  const signatures = keys.map((key) => ({ keyid: key.keyid, sig: signEd25519(null, pae, loadSigningKey(key)).toString("base64") }));

  return { payloadType, payload: payload.toString("base64"), signatures };
}

function countSigners(signers: TSigningKey[], keys: TPublicKey[]): number {
  const keyids = new Set(keys.map((key) => key.keyid));

  return signers.filter((signer) => keyids.has(signer.keyid)).length;
}

/**
 * Creates and signs a root document. Version 1 is signed by its own root keys; version N+1 must be
 * signed by `threshold` of the old AND of the new root keys (pass both in `signers`, and `previous`
 * to have that checked here). Throws {@link SnapshotSigningError} when devices would reject the result
 */
export function createRootDocument(opts: {
  org: string;
  version: number;
  issuedAt: Date;
  rootKeys: TPublicKey[];
  snapshotKeys: TPublicKey[];
  threshold?: number;
  signers: TSigningKey[];
  previous?: TRootDocument;
}): { document: TRootDocument; envelope: TEnvelope } {
  const { previous, signers } = opts;
  const document: TRootDocument = {
    type: "egress-root",
    specVersion: SPEC_VERSION,
    org: opts.org,
    version: opts.version,
    issuedAt: opts.issuedAt.toISOString(),
    rootKeys: opts.rootKeys.map(({ keyid, publicKey }) => ({ keyid, publicKey })),
    snapshotKeys: opts.snapshotKeys.map(({ keyid, publicKey }) => ({ keyid, publicKey })),
    threshold: opts.threshold ?? 1,
  };
  const reason = checkRootDocument(document);
  if (reason) throw new SnapshotSigningError("invalid_document", reason);
  if (countSigners(signers, document.rootKeys) < document.threshold) {
    throw new SnapshotSigningError("invalid_key", `root \`v${document.version}\` needs \`${document.threshold}\` signers among its own root keys`);
  }
  if (previous) {
    if (document.version !== previous.version + 1) throw new SnapshotSigningError("invalid_document", `root version must be \`${previous.version + 1}\`: got \`${document.version}\``);
    if (document.org !== previous.org) throw new SnapshotSigningError("invalid_document", `root org must stay \`${previous.org}\``);
    if (countSigners(signers, previous.rootKeys) < previous.threshold) {
      throw new SnapshotSigningError("invalid_key", `root \`v${document.version}\` needs \`${previous.threshold}\` signers among the root keys of \`v${previous.version}\``);
    }
  }
  const envelope = signEnvelope({ payloadType: ROOT_PAYLOAD_TYPE, document, keys: signers });
  if (Buffer.byteLength(envelope.payload, "base64") > MAX_ROOT_BYTES) throw new SnapshotSigningError("oversize", `root document exceeds \`${MAX_ROOT_BYTES}\` bytes`);

  return { document, envelope };
}

/**
 * Signs a snapshot document with one snapshot-signing key. Validates the document first, and when
 * `root` is given, that the key is one of its snapshot keys, so the console never publishes what devices reject
 */
export function signSnapshot(opts: { document: TSnapshotDocument; key: TSigningKey; root?: TRootDocument }): TEnvelope {
  const { document, key, root } = opts;
  const reason = checkSnapshotDocument(document);
  if (reason) throw new SnapshotSigningError("invalid_document", reason);
  if (root) {
    if (!root.snapshotKeys.some((entry) => entry.keyid === key.keyid)) {
      throw new SnapshotSigningError("invalid_key", `key \`${shortKeyid(key.keyid)}\` is not a snapshot key of root \`v${root.version}\``);
    }
    if (root.org !== document.org) throw new SnapshotSigningError("invalid_document", `snapshot org \`${document.org}\` does not match root org \`${root.org}\``);
  }
  const envelope = signEnvelope({ payloadType: SNAPSHOT_PAYLOAD_TYPE, document, keys: [key] });
  const size = Buffer.byteLength(envelope.payload, "base64");
  if (size > MAX_SNAPSHOT_BYTES) throw new SnapshotSigningError("oversize", `snapshot is \`${size}\` bytes: exceeds the \`${MAX_SNAPSHOT_BYTES}\` byte limit`);

  return envelope;
}
