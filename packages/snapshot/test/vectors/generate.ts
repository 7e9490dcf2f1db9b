// Writes the golden vectors in this folder. Run: `npx tsx test/vectors/generate.ts`
// Keys come from test-only-keys.json (created on first run). They are TEST-ONLY: never use them anywhere else.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { ROOT_PAYLOAD_TYPE, SNAPSHOT_PAYLOAD_TYPE } from "../../src/constants";
import { encodePae, sha256Hex } from "../../src/internal/encoding";
import { canonicalPayload, createRootDocument, generateSigningKey, signSnapshot } from "../../src/sign";
import type { TGeneratedSigningKey } from "../../src/sign";
import type { TEnvelope, TSnapshotDocument } from "../../src/types";

const DIR = import.meta.dirname;
const KEY_NAMES = ["test-only-root-1", "test-only-root-2", "test-only-snapshot-1", "test-only-snapshot-2", "test-only-other-org-root", "test-only-other-org-snapshot"] as const;
type TKeyName = (typeof KEY_NAMES)[number];
type TKeyFile = { warning: string; keys: Record<TKeyName, TGeneratedSigningKey> };

function loadOrCreateKeys(): TKeyFile {
  const path = join(DIR, "test-only-keys.json");
  if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8")) as TKeyFile;
  const keys = Object.fromEntries(KEY_NAMES.map((name) => [name, generateSigningKey()])) as Record<TKeyName, TGeneratedSigningKey>;
  const file: TKeyFile = { warning: "TEST-ONLY keys for golden vectors and tests. Public on purpose. Never trust them outside tests.", keys };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);

  return file;
}

function vector(opts: { description: string; payloadType: string; signers: TKeyName[]; document: unknown; envelope: TEnvelope }) {
  const payload = canonicalPayload(opts.document);

  return {
    description: opts.description,
    payloadType: opts.payloadType,
    signers: opts.signers,
    document: opts.document,
    canonical: payload.toString("utf8"),
    digest: sha256Hex(payload),
    pae: encodePae(opts.payloadType, payload).toString("base64"),
    envelope: opts.envelope,
  };
}

function write(name: string, value: unknown): void {
  writeFileSync(join(DIR, name), `${JSON.stringify(value, null, 2)}\n`);
}

const { keys } = loadOrCreateKeys();
const pub = (name: TKeyName) => ({ keyid: keys[name].keyid, publicKey: keys[name].publicKey });

const root1 = createRootDocument({
  org: "test-org",
  version: 1,
  issuedAt: new Date("2025-01-01T00:00:00.000Z"),
  rootKeys: [pub("test-only-root-1")],
  snapshotKeys: [pub("test-only-snapshot-1")],
  signers: [keys["test-only-root-1"]],
});
write("root-v1.json", vector({ description: "root v1, self-signed by test-only-root-1, certifies test-only-snapshot-1", payloadType: ROOT_PAYLOAD_TYPE, signers: ["test-only-root-1"], ...root1 }));

const root2 = createRootDocument({
  org: "test-org",
  version: 2,
  issuedAt: new Date("2025-03-01T00:00:00.000Z"),
  rootKeys: [pub("test-only-root-2")],
  snapshotKeys: [pub("test-only-snapshot-2")],
  signers: [keys["test-only-root-1"], keys["test-only-root-2"]],
  previous: root1.document,
});
write("root-v2.json", vector({ description: "root v2: rotates both keys, signed by the old (root-1) and the new (root-2) root key", payloadType: ROOT_PAYLOAD_TYPE, signers: ["test-only-root-1", "test-only-root-2"], ...root2 }));

const snapshot1: TSnapshotDocument = {
  type: "egress-snapshot",
  specVersion: 1,
  org: "test-org",
  scope: "default",
  version: 1,
  revision: "rev-0001",
  issuedAt: "2025-01-02T00:00:00.000Z",
  expiresAt: "2099-01-01T00:00:00.000Z",
  policy: { version: 1, mode: "enforce", hosts: { allow: ["api.github.com", "registry.npmjs.org", "bücher.example", "*.internal.example"] }, note: "€ \"quoted\" \u000f" },
};
write("snapshot-v1.json", vector({ description: "snapshot v1 for test-org/default, signed by test-only-snapshot-1 under root v1", payloadType: SNAPSHOT_PAYLOAD_TYPE, signers: ["test-only-snapshot-1"], document: snapshot1, envelope: signSnapshot({ document: snapshot1, key: keys["test-only-snapshot-1"], root: root1.document }) }));

const snapshot2: TSnapshotDocument = { ...snapshot1, version: 2, revision: "rev-0002", issuedAt: "2025-03-02T00:00:00.000Z", policy: { version: 1, mode: "observe", hosts: { allow: ["api.github.com"] } } };
write("snapshot-v2.json", vector({ description: "snapshot v2 for test-org/default, signed by the rotated test-only-snapshot-2 under root v2", payloadType: SNAPSHOT_PAYLOAD_TYPE, signers: ["test-only-snapshot-2"], document: snapshot2, envelope: signSnapshot({ document: snapshot2, key: keys["test-only-snapshot-2"], root: root2.document }) }));

console.log("wrote golden vectors to", DIR);
