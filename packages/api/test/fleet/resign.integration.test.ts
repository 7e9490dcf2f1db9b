import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestDatabase } from "@egress/db/testing";
import { verifySnapshot } from "@egress/snapshot";
import { getCurrentRoot } from "../../src/services/keys/load-org-keys";
import { getResignWindowMs, resignExpiringSnapshots } from "../../src/services/publish/resign-expiring-snapshots";
import { startResignLoop } from "../../src/services/publish/start-resign-loop";
import { openTestDatabase } from "../helpers";
import { policyWith, publishDocument, setupOrg, TEST_KEK } from "./fleet-helpers";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const HOUR = 3600 * 1000;

describe("re-signing expiring snapshots", () => {
  it("re-signs the same policy with a higher version and a later expiry once within min(ttl/2, 24h) of expiry", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    await db.organization.update({ where: { id: org.id }, data: { snapshotTtlSeconds: 4 * 3600 } });
    await publishDocument(db, actor, policyWith(["steady.example.com"]));
    const first = await db.snapshot.findFirstOrThrow({ where: { orgId: org.id } });
    expect(getResignWindowMs(4 * 3600)).toBe(2 * HOUR);

    const early = await resignExpiringSnapshots({ db, now: new Date(first.issuedAt.getTime() + HOUR), kek: TEST_KEK });
    expect(early.resigned.filter((r) => r.orgId === org.id)).toEqual([]);

    const now = new Date(first.issuedAt.getTime() + 2.5 * HOUR);
    const due = await resignExpiringSnapshots({ db, now, kek: TEST_KEK });
    expect(due.resigned.filter((r) => r.orgId === org.id)).toEqual([{ orgId: org.id, scope: "default", version: first.version + 1, reason: "expiring" }]);
    // a second instance running the same tick does not sign again
    expect((await resignExpiringSnapshots({ db, now, kek: TEST_KEK })).resigned.filter((r) => r.orgId === org.id)).toEqual([]);

    const next = await db.snapshot.findFirstOrThrow({ where: { orgId: org.id }, orderBy: { version: "desc" } });
    expect(next.revisionId).toBe(first.revisionId);
    expect(next.expiresAt.getTime()).toBe(now.getTime() + 4 * HOUR);
    const root = (await getCurrentRoot({ db, orgId: org.id })).document;
    const before = verifySnapshot({ envelope: first.envelope, root, org: org.id, scope: "default", now: first.issuedAt });
    const after = verifySnapshot({ envelope: next.envelope, root, org: org.id, scope: "default", now, lastSeen: before.ok ? { version: before.value.version, digest: before.digest } : undefined });
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(after.value.policy).toEqual(before.value.policy);
    expect(after.value.version).toBeGreaterThan(before.value.version);
    expect(await db.auditEvent.count({ where: { orgId: org.id, action: "snapshot.resigned" } })).toBe(1);
  });

  it("startResignLoop runs at once and stops when asked", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    await db.organization.update({ where: { id: org.id }, data: { snapshotTtlSeconds: 60 } });
    await publishDocument(db, actor, policyWith(["loop.example.com"]));
    // 20 s left of a 60 s lifetime: inside the 30 s window
    await db.snapshot.updateMany({ where: { orgId: org.id }, data: { expiresAt: new Date(Date.now() + 20_000) } });
    const logs: string[] = [];
    const stop = startResignLoop({ db, intervalMs: 60_000, kek: TEST_KEK, log: (msg) => logs.push(msg) });
    await expect.poll(async () => db.snapshot.count({ where: { orgId: org.id } }), { timeout: 10_000 }).toBe(2);
    stop();
    expect(logs.some((l) => l.includes("re-signed snapshot of scope `default`"))).toBe(true);
  });
});
