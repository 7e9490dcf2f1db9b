import { readFileSync } from "node:fs";
import { join } from "node:path";

import { SNAPSHOT_PAYLOAD_TYPE } from "../src/constants";
import type { TGeneratedSigningKey } from "../src/sign";
import type { TEnvelope, TRootDocument, TSnapshotDocument } from "../src/types";

const VECTORS = join(import.meta.dirname, "vectors");

/** Name of a committed TEST-ONLY key */
export type TTestKeyName =
  | "test-only-root-1"
  | "test-only-root-2"
  | "test-only-snapshot-1"
  | "test-only-snapshot-2"
  | "test-only-other-org-root"
  | "test-only-other-org-snapshot";

/** A golden vector file */
export type TVector = {
  description: string;
  payloadType: string;
  signers: TTestKeyName[];
  document: unknown;
  canonical: string;
  digest: string;
  pae: string;
  envelope: TEnvelope;
};

/** Reads a JSON file from test/vectors */
export function readVectorFile<T>(name: string): T {
  return JSON.parse(readFileSync(join(VECTORS, name), "utf8")) as T;
}

/** The committed TEST-ONLY keys */
export const TEST_KEYS = readVectorFile<{ keys: Record<TTestKeyName, TGeneratedSigningKey> }>("test-only-keys.json").keys;

/** Public part of a test key */
export function pub(name: TTestKeyName) {
  return { keyid: TEST_KEYS[name].keyid, publicKey: TEST_KEYS[name].publicKey };
}

export const ROOT_V1 = readVectorFile<TVector>("root-v1.json");
export const ROOT_V2 = readVectorFile<TVector>("root-v2.json");
export const SNAPSHOT_V1 = readVectorFile<TVector>("snapshot-v1.json");
export const SNAPSHOT_V2 = readVectorFile<TVector>("snapshot-v2.json");
export const ROOT_V1_DOC = ROOT_V1.document as TRootDocument;
export const ROOT_V2_DOC = ROOT_V2.document as TRootDocument;
export const SNAPSHOT_V1_DOC = SNAPSHOT_V1.document as TSnapshotDocument;

/** A fixed clock inside every vector's validity window */
export const NOW = new Date("2025-06-01T00:00:00.000Z");

/** Base64-encodes a JSON text as an envelope payload */
export function encodeText(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

/** A snapshot document based on the v1 vector with `overrides` applied */
export function snapshotDoc(overrides: Partial<TSnapshotDocument> = {}): TSnapshotDocument {
  return { ...SNAPSHOT_V1_DOC, ...overrides };
}

/** Deep copy of an envelope */
export function cloneEnvelope(envelope: TEnvelope): TEnvelope {
  return structuredClone(envelope);
}

export { SNAPSHOT_PAYLOAD_TYPE };
