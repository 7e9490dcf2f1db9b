import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZSnapshotResponseSchema } from "@egress/contracts";
import type { TTestDatabase } from "@egress/db/testing";
import { verifyRootChain, verifySnapshot } from "@egress/snapshot";
import { handleSnapshot } from "../../src/rest";
import { DEVICE_SEEN_RESOLUTION_MS, pullSnapshot } from "../../src/services/devices/pull-snapshot";
import { revokeDevice } from "../../src/services/devices/revoke-device";
import { rotateSigningKey } from "../../src/services/keys/rotate-signing-key";
import { openTestDatabase } from "../helpers";
import { enrollDevice, policyWith, publishDocument, readError, restContext, restRequest, setupOrg, TEST_KEK } from "./fleet-helpers";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const pull = (credential: string, headers: Record<string, string> = {}) => handleSnapshot(restRequest("/api/v1/snapshot", { bearer: credential, headers }), restContext(database.prisma));

describe("GET /api/v1/snapshot", () => {
  it("serves the signed snapshot with an ETag, answers 304 to If-None-Match, and records the pull", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    await publishDocument(db, actor, policyWith(["api.example.com"]));
    const device = await enrollDevice(db, actor);
    const res = await pull(device.credential, { "x-egress-cli-version": "1.2.3", "x-egress-agents": "claude-code,codex", "x-egress-root-version": "1" });
    expect(res.status).toBe(200);
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const body = ZSnapshotResponseSchema.parse(await res.json());
    expect(body.roots).toEqual([]);
    const verified = verifySnapshot({ envelope: body.snapshot, root: device.rootDocument, org: org.id, scope: "default", now: new Date() });
    expect(verified.ok).toBe(true);
    expect(etag).toBe(`"${verified.ok ? verified.digest : ""}"`);

    const again = await pull(device.credential, { "if-none-match": etag ?? "", "x-egress-snapshot-version": String(body.version) });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const stored = await db.device.findUniqueOrThrow({ where: { id: device.deviceId } });
    expect(stored.cliVersion).toBe("1.2.3");
    expect(stored.agents).toEqual(["claude-code", "codex"]);
    expect(stored.snapshotVersion).toBe(body.version);
    expect(stored.lastPullAt).not.toBeNull();
  });

  it("records a polling device at most once a minute unless it reports something new", async () => {
    const db = database.prisma;
    const { actor } = await setupOrg(db);
    await publishDocument(db, actor, policyWith(["api.example.com"]));
    const enrolled = await enrollDevice(db, actor);
    const device = () => db.device.findUniqueOrThrow({ where: { id: enrolled.deviceId } });
    const t0 = new Date("2026-11-22T10:00:00Z");
    await pullSnapshot({ db, device: await device(), report: { cliVersion: "1.0.0" }, now: t0 });
    expect((await device()).lastPullAt).toEqual(t0);
    await pullSnapshot({ db, device: await device(), report: { cliVersion: "1.0.0" }, now: new Date(t0.getTime() + 30_000) });
    expect((await device()).lastPullAt).toEqual(t0);
    const upgraded = new Date(t0.getTime() + 40_000);
    await pullSnapshot({ db, device: await device(), report: { cliVersion: "1.1.0" }, now: upgraded });
    expect(await device()).toMatchObject({ lastPullAt: upgraded, cliVersion: "1.1.0" });
    const later = new Date(upgraded.getTime() + DEVICE_SEEN_RESOLUTION_MS);
    await pullSnapshot({ db, device: await device(), report: { cliVersion: "1.1.0" }, now: later });
    expect((await device()).lastPullAt).toEqual(later);
  });

  it("after a signing-key rotation returns the newer roots, and the chain and new snapshot verify from the pinned root", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    await publishDocument(db, actor, policyWith(["api.example.com"]));
    const device = await enrollDevice(db, actor);
    const before = ZSnapshotResponseSchema.parse(await (await pull(device.credential)).json());
    await rotateSigningKey({ db, actor, kek: TEST_KEK });
    const body = ZSnapshotResponseSchema.parse(await (await pull(device.credential, { "x-egress-root-version": String(device.rootVersion) })).json());
    expect(body.version).toBeGreaterThan(before.version);
    expect(body.roots).toHaveLength(1);
    const chain = verifyRootChain({ trusted: device.rootDocument, chain: body.roots });
    expect(chain.ok).toBe(true);
    if (!chain.ok) return;
    expect(verifySnapshot({ envelope: body.snapshot, root: chain.value, org: org.id, scope: "default", now: new Date() }).ok).toBe(true);
    // the old root no longer certifies the new signing key: the rotation really changed keys
    expect(verifySnapshot({ envelope: body.snapshot, root: device.rootDocument, org: org.id, scope: "default", now: new Date() }).ok).toBe(false);
  });

  it("answers a revoked device 401 DEVICE_REVOKED saying so and to re-enroll, and an unknown credential 401", async () => {
    const db = database.prisma;
    const { actor } = await setupOrg(db);
    await publishDocument(db, actor, policyWith(["api.example.com"]));
    const device = await enrollDevice(db, actor);
    await revokeDevice({ db, actor, deviceId: device.deviceId, reason: "laptop lost" });
    const res = await pull(device.credential);
    expect(res.status).toBe(401);
    const error = await readError(res);
    expect(error.code).toBe("DEVICE_REVOKED");
    expect(error.message).toMatch(/revoked/);
    expect(error.message).toMatch(/re-enroll/);
    expect(error.message).toContain("laptop lost");
    const unknown = await pull("egd_unknown");
    expect(unknown.status).toBe(401);
    expect((await readError(unknown)).code).toBe("UNAUTHORIZED");
  });

  it("never serves another org's snapshot: a device of an org with nothing published gets NO_SNAPSHOT naming its scope", async () => {
    const db = database.prisma;
    const a = await setupOrg(db);
    const b = await setupOrg(db);
    await publishDocument(db, a.actor, policyWith(["a-only.example.com"]));
    const deviceB = await enrollDevice(db, b.actor);
    const res = await pull(deviceB.credential);
    expect(res.status).toBe(404);
    const error = await readError(res);
    expect(error.code).toBe("NO_SNAPSHOT");
    expect(error.message).toContain("`default`");
    await publishDocument(db, b.actor, policyWith(["b-only.example.com"]));
    const body = ZSnapshotResponseSchema.parse(await (await pull(deviceB.credential)).json());
    const verified = verifySnapshot({ envelope: body.snapshot, root: deviceB.rootDocument, org: b.org.id, scope: "default", now: new Date() });
    expect(verified.ok && (verified.value.policy as { hosts: { allow: string[] } }).hosts.allow).toEqual(["b-only.example.com"]);
  });

  it("serves a device the snapshot of its own scope", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    await publishDocument(db, actor, policyWith(["default.example.com"]));
    await publishDocument(db, actor, policyWith(["contractor.example.com"]), "contractors");
    const device = await enrollDevice(db, actor, { scope: "contractors" });
    const body = ZSnapshotResponseSchema.parse(await (await pull(device.credential)).json());
    const verified = verifySnapshot({ envelope: body.snapshot, root: device.rootDocument, org: org.id, scope: "contractors", now: new Date() });
    expect(verified.ok && (verified.value.policy as { hosts: { allow: string[] } }).hosts.allow).toEqual(["contractor.example.com"]);
  });
});
