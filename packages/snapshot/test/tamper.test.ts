import { sign as signEd25519, createPrivateKey } from "node:crypto";
import { describe, expect, it } from "vitest";

import { MAX_ENVELOPE_BYTES, MAX_ROOT_BYTES, MAX_ROOT_ROTATIONS, MAX_SNAPSHOT_BYTES, ROOT_PAYLOAD_TYPE, SNAPSHOT_ERROR_CODES, SNAPSHOT_PAYLOAD_TYPE } from "../src/constants";
import { encodePae } from "../src/internal/encoding";
import { createRootDocument, signEnvelope, signSnapshot } from "../src/sign";
import type { TEnvelope, TRootDocument, TSnapshotDocument, TVerifyResult } from "../src/types";
import { decodeEnvelope, hasSnapshotKeysChanged, verifyRootChain, verifyRootDocument, verifySnapshot } from "../src/verify";
import { cloneEnvelope, NOW, pub, ROOT_V1, ROOT_V1_DOC, ROOT_V2, ROOT_V2_DOC, SNAPSHOT_V1, SNAPSHOT_V1_DOC, snapshotDoc, TEST_KEYS } from "./helpers";
import type { TTestKeyName } from "./helpers";

const ORG = "test-org";
const SCOPE = "default";

function verify(envelope: unknown, extra: { lastSeen?: { version: number; digest: string }; now?: Date; org?: string; scope?: string; root?: TRootDocument } = {}) {
  return verifySnapshot({ envelope, root: extra.root ?? ROOT_V1_DOC, org: extra.org ?? ORG, scope: extra.scope ?? SCOPE, now: extra.now ?? NOW, lastSeen: extra.lastSeen });
}

function signed(document: TSnapshotDocument, key: TTestKeyName = "test-only-snapshot-1"): TEnvelope {
  return signEnvelope({ payloadType: SNAPSHOT_PAYLOAD_TYPE, document, keys: [TEST_KEYS[key]] });
}

/** Signs raw payload bytes as they are (bypasses canonicalization) */
function signRaw(payload: Buffer, key: TTestKeyName = "test-only-snapshot-1", payloadType = SNAPSHOT_PAYLOAD_TYPE): TEnvelope {
  const sig = signEd25519(null, encodePae(payloadType, payload), createPrivateKey(TEST_KEYS[key].privateKeyPem));

  return { payloadType, payload: payload.toString("base64"), signatures: [{ keyid: TEST_KEYS[key].keyid, sig: sig.toString("base64") }] };
}

function expectCode<T>(result: TVerifyResult<T>, code: (typeof SNAPSHOT_ERROR_CODES)[number]): string {
  expect(result.ok).toBe(false);
  if (result.ok) return "";
  expect(result.code).toBe(code);
  // STYLE §4.13: lowercase, no trailing period, no line breaks
  expect(result.message).not.toMatch(/^[A-Z]|\.$|\n/);

  return result.message;
}

describe("bad_signature", () => {
  it("rejects a changed payload byte", () => {
    const text = Buffer.from(SNAPSHOT_V1.envelope.payload, "base64").toString("utf8").replace("api.github.com", "api.gitlab.com");
    const envelope = { ...cloneEnvelope(SNAPSHOT_V1.envelope), payload: Buffer.from(text).toString("base64") };
    expect(expectCode(verify(envelope), "bad_signature")).toContain("does not verify");
  });

  it("rejects a changed signature byte", () => {
    const envelope = cloneEnvelope(SNAPSHOT_V1.envelope);
    const sig = Buffer.from(envelope.signatures[0]!.sig, "base64");
    sig[10] = (sig[10] ?? 0) ^ 0x01;
    envelope.signatures[0]!.sig = sig.toString("base64");
    expectCode(verify(envelope), "bad_signature");
  });

  it("rejects a valid signature when another signature by a trusted key is invalid", () => {
    const envelope = cloneEnvelope(SNAPSHOT_V1.envelope);
    envelope.signatures.push({ keyid: envelope.signatures[0]!.keyid, sig: Buffer.alloc(64, 7).toString("base64") });
    expectCode(verify(envelope), "bad_signature");
  });

  it("rejects a first root whose signature does not verify", () => {
    const envelope = cloneEnvelope(ROOT_V1.envelope);
    envelope.signatures[0]!.sig = ROOT_V2.envelope.signatures[0]!.sig;
    expectCode(verifyRootDocument({ envelope }), "bad_signature");
  });

  it("rejects a root below its threshold", () => {
    const { envelope } = createRootDocument({ org: ORG, version: 1, issuedAt: NOW, rootKeys: [pub("test-only-root-1"), pub("test-only-root-2")], snapshotKeys: [pub("test-only-snapshot-1")], threshold: 2, signers: [TEST_KEYS["test-only-root-1"], TEST_KEYS["test-only-root-2"]] });
    envelope.signatures.pop();
    expect(expectCode(verifyRootDocument({ envelope }), "bad_signature")).toContain("`1` of `2`");
  });
});

describe("unknown_key", () => {
  it("rejects an unknown keyid", () => {
    const envelope = cloneEnvelope(SNAPSHOT_V1.envelope);
    envelope.signatures[0]!.keyid = "ab".repeat(32);
    expectCode(verify(envelope), "unknown_key");
  });

  it("rejects a snapshot signed by a root key: root keys do not sign snapshots", () => {
    expect(expectCode(verify(signed(SNAPSHOT_V1_DOC, "test-only-root-1")), "unknown_key")).toContain("root keys may not sign snapshots");
  });

  it("rejects a snapshot signed by the old snapshot key after rotation", () => {
    expectCode(verify(SNAPSHOT_V1.envelope, { root: ROOT_V2_DOC }), "unknown_key");
  });

  it("rejects another org's snapshot signed with that org's key", () => {
    expectCode(verify(signed(snapshotDoc({ org: "other-org" }), "test-only-other-org-snapshot")), "unknown_key");
  });

  it("rejects a first root signed by a key it does not list", () => {
    const envelope = signEnvelope({ payloadType: ROOT_PAYLOAD_TYPE, document: ROOT_V1_DOC, keys: [TEST_KEYS["test-only-root-2"]] });
    expectCode(verifyRootDocument({ envelope }), "unknown_key");
  });
});

describe("wrong_org and wrong_scope", () => {
  it("rejects another org's snapshot signed by a trusted snapshot key (mix-and-match)", () => {
    expect(expectCode(verify(signed(snapshotDoc({ org: "other-org" }))), "wrong_org")).toContain("`other-org`");
  });

  it("rejects a snapshot when the device belongs to another org", () => {
    expectCode(verify(SNAPSHOT_V1.envelope, { org: "other-org" }), "wrong_org");
  });

  it("rejects a snapshot for another scope", () => {
    expect(expectCode(verify(signed(snapshotDoc({ scope: "staging" }))), "wrong_scope")).toContain("`staging`");
    expectCode(verify(SNAPSHOT_V1.envelope, { scope: "staging" }), "wrong_scope");
  });
});

describe("expired", () => {
  it("rejects at exactly expiresAt and after it", () => {
    expectCode(verify(SNAPSHOT_V1.envelope, { now: new Date(SNAPSHOT_V1_DOC.expiresAt) }), "expired");
    expectCode(verify(SNAPSHOT_V1.envelope, { now: new Date("2100-01-01T00:00:00.000Z") }), "expired");
    expect(verify(SNAPSHOT_V1.envelope, { now: new Date(Date.parse(SNAPSHOT_V1_DOC.expiresAt) - 1) }).ok).toBe(true);
  });

  it("rejects a snapshot issued too far in the future, tolerates small skew", () => {
    const future = signed(snapshotDoc({ issuedAt: "2025-06-01T00:10:00.000Z" }));
    expect(expectCode(verify(future), "expired")).toContain("not yet valid");
    expect(verify(signed(snapshotDoc({ issuedAt: "2025-06-01T00:04:00.000Z" }))).ok).toBe(true);
  });
});

describe("rollback", () => {
  const v5 = signed(snapshotDoc({ version: 5 }));
  const v5Digest = decodeEnvelope(v5);

  it("rejects a lower version", () => {
    expect(expectCode(verify(SNAPSHOT_V1.envelope, { lastSeen: { version: 5, digest: "00".repeat(32) } }), "rollback")).toContain("lower");
  });

  it("rejects the same version with other content", () => {
    const other = signed(snapshotDoc({ version: 5, revision: "rev-evil" }));
    expect(v5Digest.ok).toBe(true);
    if (!v5Digest.ok) return;
    expect(expectCode(verify(other, { lastSeen: { version: 5, digest: v5Digest.digest } }), "rollback")).toContain("other content");
  });

  it("accepts the same version with the same content (re-download) and a higher version", () => {
    if (!v5Digest.ok) throw new Error("setup");
    expect(verify(v5, { lastSeen: { version: 5, digest: v5Digest.digest } }).ok).toBe(true);
    expect(verify(signed(snapshotDoc({ version: 6 })), { lastSeen: { version: 5, digest: v5Digest.digest } }).ok).toBe(true);
  });

  it("still checks signatures, org, scope and expiry on the re-verification fast path", () => {
    if (!v5Digest.ok) throw new Error("setup");
    const lastSeen = { version: 5, digest: v5Digest.digest };
    const forged = cloneEnvelope(v5);
    forged.signatures[0]!.sig = Buffer.alloc(64, 1).toString("base64");
    expectCode(verify(forged, { lastSeen }), "bad_signature");
    expectCode(verify(v5, { lastSeen, scope: "staging" }), "wrong_scope");
    expectCode(verify(v5, { lastSeen, now: new Date("2100-01-01T00:00:00.000Z") }), "expired");
  });
});

describe("broken_root_chain", () => {
  const keys = { root1: TEST_KEYS["test-only-root-1"], root2: TEST_KEYS["test-only-root-2"], other: TEST_KEYS["test-only-other-org-root"] };
  // Forged rotations are signed directly, bypassing createRootDocument's own guards
  const rotation = (opts: { version?: number; org?: string; signers: (typeof keys)[keyof typeof keys][] }) => {
    const document: TRootDocument = { ...ROOT_V2_DOC, org: opts.org ?? ORG, version: opts.version ?? 2 };

    return signEnvelope({ payloadType: ROOT_PAYLOAD_TYPE, document, keys: opts.signers });
  };

  it("accepts a real rotation v1 → v2 → v3", () => {
    const v3 = createRootDocument({ org: ORG, version: 3, issuedAt: NOW, rootKeys: [pub("test-only-root-1")], snapshotKeys: [pub("test-only-snapshot-1")], signers: [keys.root2, keys.root1], previous: ROOT_V2_DOC });
    const result = verifyRootChain({ trusted: ROOT_V1_DOC, chain: [ROOT_V2.envelope, v3.envelope] });
    expect(result.ok && result.value).toEqual(v3.document);
    expect(verifyRootChain({ trusted: ROOT_V1_DOC, chain: [] })).toMatchObject({ ok: true, value: ROOT_V1_DOC });
  });

  it("rejects a rotation signed only by the new root key", () => {
    expect(expectCode(verifyRootChain({ trusted: ROOT_V1_DOC, chain: [rotation({ signers: [keys.root2] })] }), "broken_root_chain")).toContain("`v1`");
  });

  it("rejects a rotation signed only by the old root key", () => {
    expect(expectCode(verifyRootChain({ trusted: ROOT_V1_DOC, chain: [rotation({ signers: [keys.root1] })] }), "broken_root_chain")).toContain("its own root keys");
  });

  it("rejects a rotation that skips a version", () => {
    expectCode(verifyRootChain({ trusted: ROOT_V1_DOC, chain: [rotation({ version: 3, signers: [keys.root1, keys.root2] })] }), "broken_root_chain");
  });

  it("rejects a replay of the trusted version and a change of org", () => {
    expectCode(verifyRootChain({ trusted: ROOT_V1_DOC, chain: [ROOT_V1.envelope] }), "broken_root_chain");
    expectCode(verifyRootChain({ trusted: ROOT_V1_DOC, chain: [rotation({ org: "other-org", signers: [keys.root1, keys.root2] })] }), "broken_root_chain");
  });

  it("rejects a rotation below the old threshold", () => {
    const twoOfTwo = createRootDocument({ org: ORG, version: 1, issuedAt: NOW, rootKeys: [pub("test-only-root-1"), pub("test-only-other-org-root")], snapshotKeys: [pub("test-only-snapshot-1")], threshold: 2, signers: [keys.root1, keys.other] });
    expectCode(verifyRootChain({ trusted: twoOfTwo.document, chain: [rotation({ signers: [keys.root1, keys.root2] })] }), "broken_root_chain");
    const ok = rotation({ signers: [keys.root1, keys.other, keys.root2] });
    expect(verifyRootChain({ trusted: twoOfTwo.document, chain: [ok] }).ok).toBe(true);
  });

  it("reports when the snapshot keys changed (reset lastSeen)", () => {
    expect(hasSnapshotKeysChanged({ before: ROOT_V1_DOC, after: ROOT_V2_DOC })).toBe(true);
    expect(hasSnapshotKeysChanged({ before: ROOT_V1_DOC, after: { ...ROOT_V1_DOC, version: 2 } })).toBe(false);
  });
});

describe("oversize", () => {
  it("rejects oversize JSON text before parsing it", () => {
    expectCode(verify("x".repeat(MAX_ENVELOPE_BYTES + 1)), "oversize");
    expectCode(decodeEnvelope(Buffer.alloc(MAX_ENVELOPE_BYTES + 1, 0x20)), "oversize");
  });

  it("rejects an oversize payload before decoding it", () => {
    const envelope = { ...cloneEnvelope(SNAPSHOT_V1.envelope), payload: "A".repeat(Math.ceil(MAX_SNAPSHOT_BYTES / 3) * 4 + 4) };
    expectCode(verify(envelope), "oversize");
  });

  it("rejects an oversize root document and too many rotations", () => {
    const envelope = { ...cloneEnvelope(ROOT_V1.envelope), payload: "A".repeat(Math.ceil(MAX_ROOT_BYTES / 3) * 4 + 4) };
    expectCode(verifyRootDocument({ envelope }), "oversize");
    expectCode(verifyRootChain({ trusted: ROOT_V1_DOC, chain: Array.from({ length: MAX_ROOT_ROTATIONS + 1 }, () => ROOT_V2.envelope) }), "oversize");
  });
});

describe("malformed", () => {
  const base = () => cloneEnvelope(SNAPSHOT_V1.envelope);
  const cases: [string, () => unknown][] = [
    ["zero signatures", () => ({ ...base(), signatures: [] })],
    ["bad base64 payload", () => ({ ...base(), payload: "!!!!" + base().payload.slice(4) })],
    ["payload length not a multiple of 4", () => ({ ...base(), payload: base().payload + "A" })],
    ["bad base64 signature", () => ({ ...base(), signatures: [{ ...base().signatures[0]!, sig: "not base64!" }] })],
    ["short signature", () => ({ ...base(), signatures: [{ ...base().signatures[0]!, sig: Buffer.alloc(32).toString("base64") }] })],
    ["non-hex keyid", () => ({ ...base(), signatures: [{ ...base().signatures[0]!, keyid: "snapshot-key" }] })],
    ["wrong payloadType", () => ({ ...base(), payloadType: ROOT_PAYLOAD_TYPE })],
    ["a root envelope given as a snapshot", () => ROOT_V1.envelope],
    ["missing payloadType", () => ({ payload: base().payload, signatures: base().signatures })],
    ["unknown envelope field", () => ({ ...base(), extra: true })],
    ["not json", () => "{not json"],
    ["null", () => null],
    ["an array", () => [base()]],
    ["a signature that is not an object", () => ({ ...base(), signatures: ["sig"] })],
    ["document missing a field", () => { const { scope: _scope, ...rest } = SNAPSHOT_V1_DOC; return signEnvelope({ payloadType: SNAPSHOT_PAYLOAD_TYPE, document: rest, keys: [TEST_KEYS["test-only-snapshot-1"]] }); }],
    ["document with an unknown field", () => signEnvelope({ payloadType: SNAPSHOT_PAYLOAD_TYPE, document: { ...SNAPSHOT_V1_DOC, extra: 1 }, keys: [TEST_KEYS["test-only-snapshot-1"]] })],
    ["wrong document type", () => signed({ ...SNAPSHOT_V1_DOC, type: "egress-root" as "egress-snapshot" })],
    ["unsupported specVersion", () => signed({ ...SNAPSHOT_V1_DOC, specVersion: 2 as 1 })],
    ["fractional version", () => signed(snapshotDoc({ version: 1.5 }))],
    ["bad timestamp", () => signed(snapshotDoc({ expiresAt: "tomorrow" }))],
    ["expiresAt before issuedAt", () => signed(snapshotDoc({ expiresAt: "2024-01-01T00:00:00.000Z" }))],
    ["policy not an object", () => signed(snapshotDoc({ policy: "allow all" }))],
    ["non-canonical payload (whitespace)", () => signRaw(Buffer.from(JSON.stringify(SNAPSHOT_V1_DOC, null, 2)))],
    ["non-canonical payload (duplicate key)", () => signRaw(Buffer.from(SNAPSHOT_V1.canonical.replace('{"expiresAt"', '{"org":"other-org","expiresAt"')))],
    ["non-canonical payload (key order)", () => signRaw(Buffer.from(JSON.stringify(SNAPSHOT_V1_DOC)))],
    ["invalid utf-8 payload", () => signRaw(Buffer.concat([Buffer.from(SNAPSHOT_V1.canonical.slice(0, -1)), Buffer.from([0xff]), Buffer.from("}")]))],
    ["payload that is not json", () => signRaw(Buffer.from("hello"))],
  ];

  it.each(cases)("rejects %s", (_name, make) => {
    expectCode(verify(make()), "malformed");
  });

  it("rejects non-canonical base64 (non-zero padding bits) on first acceptance", () => {
    const b64 = SNAPSHOT_V1.envelope.payload;
    const at = b64.indexOf("=") - 1;
    expect(at).toBeGreaterThan(0);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const flipped = alphabet[alphabet.indexOf(b64.charAt(at)) ^ 1] ?? "";
    const envelope = { ...base(), payload: `${b64.slice(0, at)}${flipped}${b64.slice(at + 1)}` };
    expect(Buffer.from(envelope.payload, "base64").toString("utf8")).toBe(SNAPSHOT_V1.canonical);
    expectCode(verify(envelope), "malformed");
  });

  it("rejects a malformed trusted root, lastSeen or clock", () => {
    expectCode(verify(SNAPSHOT_V1.envelope, { root: { ...ROOT_V1_DOC, threshold: 0 } }), "malformed");
    expectCode(verify(SNAPSHOT_V1.envelope, { lastSeen: { version: 1, digest: "nope" } }), "malformed");
    expectCode(verify(SNAPSHOT_V1.envelope, { now: new Date("garbage") }), "malformed");
    expectCode(verifyRootChain({ trusted: { ...ROOT_V1_DOC, rootKeys: [] }, chain: [] }), "malformed");
  });

  it("rejects root documents whose keyid does not match the key, or that reuse a root key for snapshots", () => {
    const mismatched = { ...ROOT_V1_DOC, rootKeys: [{ keyid: pub("test-only-root-2").keyid, publicKey: pub("test-only-root-1").publicKey }] };
    expectCode(verifyRootDocument({ envelope: signEnvelope({ payloadType: ROOT_PAYLOAD_TYPE, document: mismatched, keys: [TEST_KEYS["test-only-root-2"]] }) }), "malformed");
    const shared = { ...ROOT_V1_DOC, snapshotKeys: ROOT_V1_DOC.rootKeys };
    expectCode(verifyRootDocument({ envelope: signEnvelope({ payloadType: ROOT_PAYLOAD_TYPE, document: shared, keys: [TEST_KEYS["test-only-root-1"]] }) }), "malformed");
  });
});

describe("robustness", () => {
  it("never throws and always returns a known code for random single-byte corruptions", () => {
    const text = JSON.stringify(SNAPSHOT_V1.envelope);
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 300; i += 1) {
      const at = Math.floor(random() * text.length);
      const corrupted = text.slice(0, at) + String.fromCharCode(32 + Math.floor(random() * 95)) + text.slice(at + 1);
      const result = verify(corrupted);
      if (corrupted === text) continue;
      if (!result.ok) expect(SNAPSHOT_ERROR_CODES).toContain(result.code);
      // A corruption may only pass if it left the signed bytes intact (e.g. reordering nothing); the digest proves it
      else expect(result.digest).toBe(SNAPSHOT_V1.digest);
    }
  });

  it("accepts the envelope as JSON text, bytes or object alike", () => {
    const text = JSON.stringify(SNAPSHOT_V1.envelope);
    for (const input of [text, Buffer.from(text), SNAPSHOT_V1.envelope]) expect(verify(input).ok).toBe(true);
  });
});

it("signSnapshot refuses a key that is not a snapshot key of the given root", () => {
  expect(() => signSnapshot({ document: SNAPSHOT_V1_DOC, key: TEST_KEYS["test-only-root-1"], root: ROOT_V1_DOC })).toThrow(/not a snapshot key/);
});
