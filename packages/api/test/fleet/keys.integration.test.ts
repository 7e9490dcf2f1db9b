import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestDatabase } from "@egress/db/testing";
import { rootFingerprint, verifyRootChain, verifyRootDocument, verifySnapshot } from "@egress/snapshot";
import { decryptPrivateKey } from "@egress/snapshot/sign";
import { getKeyFingerprints } from "../../src/services/keys/get-key-fingerprints";
import { getKeyAad } from "../../src/services/keys/key-aad";
import { rotateRootKey } from "../../src/services/keys/rotate-root-key";
import { rotateSigningKey } from "../../src/services/keys/rotate-signing-key";
import { openTestDatabase } from "../helpers";
import { decodeRoot, policyWith, publishDocument, setupOrg, TEST_KEK } from "./fleet-helpers";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function roots(orgId: string) {
  return (await database.prisma.rootDocument.findMany({ where: { orgId }, orderBy: { version: "asc" } })).map((r) => r.envelope as { payload: string });
}

describe("signing keys", () => {
  it("a new org has root v1 (self-signed) certifying one snapshot key; the fingerprint is rootFingerprint()", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    const [v1] = await roots(org.id);
    const verified = verifyRootDocument({ envelope: v1 });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.value).toMatchObject({ org: org.id, version: 1, threshold: 1 });
    const keys = await getKeyFingerprints({ db, actor });
    expect(keys.rootFingerprint).toBe(rootFingerprint(verified.value));
    expect(keys.rootFingerprint).toMatch(/^SHA256:([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(keys.keys.map((k) => k.kind).sort()).toEqual(["root", "snapshot"]);
  });

  it("rotations form a chain devices verify from v1; root rotation changes the fingerprint, signing rotation does not", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    await publishDocument(db, actor, policyWith(["a.example.com"]));
    const [v1Envelope] = await roots(org.id);
    const trusted = decodeRoot(v1Envelope ?? { payload: "" });
    const fp1 = (await getKeyFingerprints({ db, actor })).rootFingerprint;

    const signing = await rotateSigningKey({ db, actor, kek: TEST_KEK });
    expect(signing.rootVersion).toBe(2);
    expect(signing.resigned).toEqual([{ scope: "default", version: 2 }]);
    expect((await getKeyFingerprints({ db, actor })).rootFingerprint).toBe(fp1);

    const root = await rotateRootKey({ db, actor, kek: TEST_KEK });
    expect(root.rootVersion).toBe(3);
    expect(root.rootFingerprint).not.toBe(fp1);
    expect((await getKeyFingerprints({ db, actor })).rootFingerprint).toBe(root.rootFingerprint);
    await rotateSigningKey({ db, actor, kek: TEST_KEK });

    const chain = verifyRootChain({ trusted, chain: (await roots(org.id)).slice(1) });
    expect(chain.ok).toBe(true);
    if (!chain.ok) return;
    expect(chain.value.version).toBe(4);
    expect(rootFingerprint(chain.value)).toBe(root.rootFingerprint);
    const latest = await db.snapshot.findFirstOrThrow({ where: { orgId: org.id }, orderBy: { version: "desc" } });
    expect(latest.version).toBe(3);
    expect(verifySnapshot({ envelope: latest.envelope, root: chain.value, org: org.id, scope: "default", now: new Date() }).ok).toBe(true);
    const active = await db.signingKey.findMany({ where: { orgId: org.id, retiredAt: null } });
    expect(active.map((k) => k.kind).sort()).toEqual(["root", "snapshot"]);
    expect(await db.auditEvent.count({ where: { orgId: org.id, action: { in: ["keys.signing_rotated", "keys.root_rotated"] } } })).toBe(3);
  });

  it("another org's root chain does not verify from this org's root", async () => {
    const db = database.prisma;
    const a = await setupOrg(db);
    const b = await setupOrg(db);
    await rotateRootKey({ db, actor: b.actor, kek: TEST_KEK });
    const [aV1] = await roots(a.org.id);
    const chain = verifyRootChain({ trusted: decodeRoot(aV1 ?? { payload: "" }), chain: (await roots(b.org.id)).slice(1) });
    expect(chain.ok).toBe(false);
  });

  it("never stores a private key in clear: no PEM anywhere in the database, and keys decrypt only with their own org and key id", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    await rotateSigningKey({ db, actor, kek: TEST_KEK });
    await rotateRootKey({ db, actor, kek: TEST_KEK });
    const keys = await db.signingKey.findMany({ where: { orgId: org.id } });
    const pems = keys.map((k) => decryptPrivateKey({ encrypted: k.encryptedPrivateKey, kek: TEST_KEK, aad: getKeyAad({ orgId: org.id, keyId: k.keyId }) }));
    expect(pems.every((pem) => pem.includes("PRIVATE KEY"))).toBe(true);
    const body = (pem: string) => pem.split("\n").filter((line) => line && !line.startsWith("-----")).join("");
    const tables = ["SigningKey", "RootDocument", "Snapshot", "AuditEvent", "Organization", "Policy"];
    let dump = "";
    for (const table of tables) dump += JSON.stringify(await db.$queryRawUnsafe(`SELECT * FROM "${table}"`));
    expect(dump).not.toContain("PRIVATE KEY");
    for (const pem of pems) expect(dump).not.toContain(body(pem));
    const first = keys[0];
    if (!first) throw new Error("no keys");
    expect(() => decryptPrivateKey({ encrypted: first.encryptedPrivateKey, kek: TEST_KEK, aad: getKeyAad({ orgId: "another-org", keyId: first.keyId }) })).toThrow();
  });
});
