import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

import { SNAPSHOT_PAYLOAD_TYPE } from "../src/constants";
import { createRootDocument, decryptPrivateKey, encryptPrivateKey, generateSigningKey, getPublicKey, parseKek, signEnvelope, signSnapshot, SnapshotSigningError } from "../src/sign";
import { verifyRootDocument, verifySnapshot } from "../src/verify";
import { NOW, snapshotDoc, TEST_KEYS } from "./helpers";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof SnapshotSigningError) return error.code;
    throw error;
  }

  return undefined;
}

describe("key generation and signing", () => {
  it("generates Ed25519 keys whose keyid is the sha256 of the raw public key", () => {
    const key = generateSigningKey();
    expect(key.keyid).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(key.publicKey, "base64")).toHaveLength(32);
    expect(key.privateKeyPem).toContain("BEGIN PRIVATE KEY");
    expect(getPublicKey(key.privateKeyPem)).toEqual({ keyid: key.keyid, publicKey: key.publicKey });
  });

  it("signs a fresh org end to end: root v1, snapshot, verify", () => {
    const root = generateSigningKey();
    const online = generateSigningKey();
    const { document, envelope } = createRootDocument({ org: "acme", version: 1, issuedAt: NOW, rootKeys: [root], snapshotKeys: [online], signers: [root] });
    expect(verifyRootDocument({ envelope })).toMatchObject({ ok: true, value: document });
    const snapshot = signSnapshot({ document: snapshotDoc({ org: "acme" }), key: online, root: document });
    expect(verifySnapshot({ envelope: snapshot, root: document, org: "acme", scope: "default", now: NOW }).ok).toBe(true);
  });

  it("refuses a keyid that does not match the private key, duplicates, and no keys", () => {
    const key = { ...TEST_KEYS["test-only-snapshot-1"], keyid: TEST_KEYS["test-only-snapshot-2"].keyid };
    expect(codeOf(() => signEnvelope({ payloadType: SNAPSHOT_PAYLOAD_TYPE, document: {}, keys: [key] }))).toBe("invalid_key");
    expect(codeOf(() => signEnvelope({ payloadType: SNAPSHOT_PAYLOAD_TYPE, document: {}, keys: [] }))).toBe("invalid_key");
    const one = TEST_KEYS["test-only-snapshot-1"];
    expect(codeOf(() => signEnvelope({ payloadType: SNAPSHOT_PAYLOAD_TYPE, document: {}, keys: [one, one] }))).toBe("invalid_key");
    expect(codeOf(() => signEnvelope({ payloadType: SNAPSHOT_PAYLOAD_TYPE, document: {}, keys: [{ keyid: one.keyid, privateKeyPem: "nope" }] }))).toBe("invalid_key");
  });

  it("refuses documents devices would reject", () => {
    expect(codeOf(() => signSnapshot({ document: snapshotDoc({ version: 0 }), key: TEST_KEYS["test-only-snapshot-1"] }))).toBe("invalid_document");
    expect(codeOf(() => signEnvelope({ payloadType: SNAPSHOT_PAYLOAD_TYPE, document: { bad: Number.NaN }, keys: [TEST_KEYS["test-only-snapshot-1"]] }))).toBe("invalid_document");
    expect(codeOf(() => signEnvelope({ payloadType: SNAPSHOT_PAYLOAD_TYPE, document: { bad: "\ud800" }, keys: [TEST_KEYS["test-only-snapshot-1"]] }))).toBe("invalid_document");
  });

  it("refuses root rotations that devices would reject", () => {
    const root1 = TEST_KEYS["test-only-root-1"];
    const root2 = TEST_KEYS["test-only-root-2"];
    const base = { org: "test-org", issuedAt: NOW, rootKeys: [root1], snapshotKeys: [TEST_KEYS["test-only-snapshot-1"]], signers: [root1] };
    const { document: v1 } = createRootDocument({ ...base, version: 1 });
    const next = { ...base, rootKeys: [root2], signers: [root2], previous: v1 };
    expect(codeOf(() => createRootDocument({ ...next, version: 2 }))).toBe("invalid_key");
    expect(codeOf(() => createRootDocument({ ...next, version: 3, signers: [root1, root2] }))).toBe("invalid_document");
    expect(codeOf(() => createRootDocument({ ...next, version: 2, org: "other", signers: [root1, root2] }))).toBe("invalid_document");
    expect(codeOf(() => createRootDocument({ ...base, version: 1, threshold: 2 }))).toBe("invalid_document");
    expect(codeOf(() => createRootDocument({ ...base, version: 1, snapshotKeys: [root1] }))).toBe("invalid_document");
  });
});

describe("KEK encryption of private keys", () => {
  const kek = randomBytes(32);
  const pem = TEST_KEYS["test-only-snapshot-1"].privateKeyPem;

  it("round-trips, with a fresh IV each time", () => {
    const a = encryptPrivateKey({ privateKeyPem: pem, kek, aad: "org:test-org" });
    const b = encryptPrivateKey({ privateKeyPem: pem, kek, aad: "org:test-org" });
    expect(a).toMatch(/^ekek1\.[0-9a-f]{16}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("PRIVATE");
    expect(decryptPrivateKey({ encrypted: a, kek, aad: "org:test-org" })).toBe(pem);
  });

  it("refuses a wrong KEK with a precise error", () => {
    const encrypted = encryptPrivateKey({ privateKeyPem: pem, kek });
    expect(codeOf(() => decryptPrivateKey({ encrypted, kek: randomBytes(32) }))).toBe("wrong_kek");
  });

  it("refuses tampered ciphertext, tag, iv or aad", () => {
    const encrypted = encryptPrivateKey({ privateKeyPem: pem, kek, aad: "a" });
    const parts = encrypted.split(".");
    const flip = (index: number) => {
      const bytes = Buffer.from(parts[index] ?? "", "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 1;

      return parts.map((part, i) => (i === index ? bytes.toString("base64url") : part)).join(".");
    };
    for (const index of [2, 3, 4]) expect(codeOf(() => decryptPrivateKey({ encrypted: flip(index), kek, aad: "a" }))).toBe("decryption_failed");
    expect(codeOf(() => decryptPrivateKey({ encrypted, kek, aad: "b" }))).toBe("decryption_failed");
    expect(codeOf(() => decryptPrivateKey({ encrypted: "garbage", kek }))).toBe("invalid_key");
  });

  it("parses EGRESS_KEK as hex or base64 and refuses anything else without echoing it", () => {
    expect(parseKek(kek.toString("hex"))).toEqual(kek);
    expect(parseKek(kek.toString("base64"))).toEqual(kek);
    expect(parseKek(` ${kek.toString("base64url")}\n`)).toEqual(kek);
    for (const bad of ["", "secret-value", randomBytes(16).toString("base64"), randomBytes(31).toString("hex")]) {
      expect(codeOf(() => parseKek(bad))).toBe("invalid_kek");
    }
    try {
      parseKek("my-super-secret");
    } catch (error) {
      expect((error as Error).message).not.toContain("my-super-secret");
    }
    expect(codeOf(() => encryptPrivateKey({ privateKeyPem: pem, kek: randomBytes(16) }))).toBe("invalid_kek");
  });
});
