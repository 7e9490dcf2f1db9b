import canonicalize from "canonicalize";
import { describe, expect, it } from "vitest";

import { encodePae, sha256Hex } from "../src/internal/encoding";
import { canonicalPayload, signEnvelope } from "../src/sign";
import { rootFingerprint, verifyRootChain, verifyRootDocument, verifySnapshot } from "../src/verify";
import { NOW, readVectorFile, ROOT_V1, ROOT_V1_DOC, ROOT_V2, ROOT_V2_DOC, SNAPSHOT_V1, SNAPSHOT_V2, TEST_KEYS } from "./helpers";
import type { TRootDocument } from "../src/types";
import type { TVector } from "./helpers";

describe.each([
  ["root-v1.json", ROOT_V1],
  ["root-v2.json", ROOT_V2],
  ["snapshot-v1.json", SNAPSHOT_V1],
  ["snapshot-v2.json", SNAPSHOT_V2],
] as [string, TVector][])("golden vector %s", (_name, vector) => {
  it("canonical bytes are the RFC 8785 form of the document", () => {
    expect(canonicalPayload(vector.document).toString("utf8")).toBe(vector.canonical);
  });

  it("digest is the sha256 of the canonical bytes", () => {
    expect(sha256Hex(Buffer.from(vector.canonical, "utf8"))).toBe(vector.digest);
  });

  it("PAE bytes follow DSSE v1", () => {
    const payload = Buffer.from(vector.canonical, "utf8");
    const pae = encodePae(vector.payloadType, payload);
    expect(pae.toString("base64")).toBe(vector.pae);
    expect(pae.subarray(0, pae.length - payload.length).toString("utf8")).toBe(`DSSEv1 ${vector.payloadType.length} ${vector.payloadType} ${payload.length} `);
  });

  it("signing again reproduces the envelope byte for byte (Ed25519 is deterministic)", () => {
    const keys = vector.signers.map((name) => TEST_KEYS[name]);
    expect(signEnvelope({ payloadType: vector.payloadType, document: vector.document, keys })).toEqual(vector.envelope);
    expect(Buffer.from(vector.envelope.payload, "base64").toString("utf8")).toBe(vector.canonical);
  });
});

describe("golden vectors verify", () => {
  it("root v1 verifies as a first root", () => {
    const result = verifyRootDocument({ envelope: ROOT_V1.envelope });
    expect(result).toEqual({ ok: true, value: ROOT_V1.document, digest: ROOT_V1.digest });
  });

  it("root v1 → v2 rotation is accepted", () => {
    const result = verifyRootChain({ trusted: ROOT_V1_DOC, chain: [ROOT_V2.envelope] });
    expect(result).toEqual({ ok: true, value: ROOT_V2.document, digest: ROOT_V2.digest });
  });

  it("snapshot v1 verifies under root v1, and v2 under root v2", () => {
    const v1 = verifySnapshot({ envelope: SNAPSHOT_V1.envelope, root: ROOT_V1_DOC, org: "test-org", scope: "default", now: NOW });
    expect(v1).toEqual({ ok: true, value: SNAPSHOT_V1.document, digest: SNAPSHOT_V1.digest });
    const v2 = verifySnapshot({ envelope: JSON.stringify(SNAPSHOT_V2.envelope), root: ROOT_V2_DOC, org: "test-org", scope: "default", now: NOW, lastSeen: { version: 1, digest: SNAPSHOT_V1.digest } });
    expect(v2).toEqual({ ok: true, value: SNAPSHOT_V2.document, digest: SNAPSHOT_V2.digest });
  });

  it("root fingerprint is stable and formatted for humans", () => {
    const fingerprint = rootFingerprint(ROOT_V1_DOC);
    expect(fingerprint).toMatch(/^SHA256:[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
    const expected = sha256Hex(canonicalize({ rootKeys: ROOT_V1_DOC.rootKeys, threshold: 1 }) ?? "");
    expect(fingerprint.replace("SHA256:", "").replaceAll(" ", "")).toBe(expected);
    expect(rootFingerprint(ROOT_V2_DOC)).not.toBe(fingerprint);
    const snapshotKeyRotation: TRootDocument = { ...ROOT_V1_DOC, snapshotKeys: ROOT_V2_DOC.snapshotKeys, version: 7 };
    expect(rootFingerprint(snapshotKeyRotation)).toBe(fingerprint);
  });
});

describe("RFC 8785 example", () => {
  it("canonicalizes the RFC 8785 §3.2.2 sample exactly", () => {
    const vector = readVectorFile<{ input: string; canonical: string }>("rfc8785.json");
    expect(canonicalPayload(JSON.parse(vector.input)).toString("utf8")).toBe(vector.canonical);
  });
});
