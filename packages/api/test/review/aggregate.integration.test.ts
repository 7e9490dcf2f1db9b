import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestDatabase } from "@egress/db/testing";
import { refreshEventGroups } from "../../src/services/review/refresh-event-groups";
import { openTestDatabase } from "../helpers";
import { createDevice, seedEvents, setupOrg } from "./review-helpers";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("review aggregate", () => {
  it("folds new events into groups, facets and hourly buckets, once", async () => {
    const db = database.prisma;
    const { org } = await setupOrg(db);
    const [a, b] = [await createDevice(db, org.id), await createDevice(db, org.id)];
    const t0 = new Date("2026-11-20T10:15:00Z");
    const t1 = new Date("2026-11-20T11:45:00Z");
    await seedEvents(db, org.id, [
      { deviceId: a.id, occurredAt: t0, rule: "hosts.not_allowed", excerpt: "curl one" },
      { deviceId: a.id, occurredAt: t1, rule: "shell.network", excerpt: "curl two" },
      { deviceId: b.id, occurredAt: t0, userName: "bob" },
      { deviceId: b.id, destination: null, groupKey: "connector:slack", tool: "mcp__slack__post", occurredAt: t0 },
      { deviceId: b.id, type: "egress_decision", decision: "allow", destination: "github.com", occurredAt: t0 },
      { deviceId: b.id, type: "egress_warn", decision: "would_deny", destination: "new.example.com", occurredAt: t0, userName: null },
    ]);
    const first = await refreshEventGroups({ db, orgId: org.id });
    expect(first).toEqual({ processed: 6, isCaughtUp: true });
    const groups = await db.eventGroup.findMany({ where: { orgId: org.id }, orderBy: { groupKey: "asc" } });
    expect(groups.map((g) => [g.groupKey, g.kind, g.eventCount, g.blockCount, g.deviceCount, g.userCount])).toEqual([
      ["connector:slack", "connector", 1, 1, 1, 1],
      ["new.example.com", "host", 4, 3, 2, 2],
    ]);
    const host = groups[1];
    expect(host?.firstSeen.toISOString()).toBe(t0.toISOString());
    expect(host?.lastSeen.toISOString()).toBe(t1.toISOString());
    expect(host?.lastRule).toBe("shell.network");
    expect(host?.lastExcerpt).toBe("curl two");
    const buckets = await db.eventBucket.findMany({ where: { orgId: org.id }, orderBy: { hour: "asc" } });
    expect(buckets.map((x) => [x.hour.toISOString(), x.blocked, x.warned, x.total])).toEqual([
      ["2026-11-20T10:00:00.000Z", 3, 1, 5],
      ["2026-11-20T11:00:00.000Z", 1, 0, 1],
    ]);
    // Nothing new: a second refresh changes nothing
    expect(await refreshEventGroups({ db, orgId: org.id })).toEqual({ processed: 0, isCaughtUp: true });
    // New events: counts add up, distinct counts only grow for new devices/users
    const c = await createDevice(db, org.id);
    await seedEvents(db, org.id, [
      { deviceId: a.id, occurredAt: t0 },
      { deviceId: c.id, occurredAt: new Date(t1.getTime() + 60_000), userName: "carol", excerpt: "curl three" },
    ]);
    expect((await refreshEventGroups({ db, orgId: org.id })).processed).toBe(2);
    const again = await db.eventGroup.findUniqueOrThrow({ where: { orgId_groupKey: { orgId: org.id, groupKey: "new.example.com" } } });
    expect([again.eventCount, again.deviceCount, again.userCount, again.lastExcerpt]).toEqual([6, 3, 3, "curl three"]);
  });

  it("leaves events younger than the lag for a later refresh, and processes in batches", async () => {
    const db = database.prisma;
    const { org } = await setupOrg(db);
    const device = await createDevice(db, org.id);
    await seedEvents(db, org.id, [{ deviceId: device.id, receivedAgo: 0 }]);
    expect(await refreshEventGroups({ db, orgId: org.id })).toEqual({ processed: 0, isCaughtUp: true });
    await seedEvents(db, org.id, Array.from({ length: 25 }, () => ({ deviceId: device.id })));
    expect(await refreshEventGroups({ db, orgId: org.id, batchSize: 10 })).toEqual({ processed: 25, isCaughtUp: true });
    expect(await refreshEventGroups({ db, orgId: org.id, lagSeconds: 0 })).toEqual({ processed: 1, isCaughtUp: true });
    const group = await db.eventGroup.findFirstOrThrow({ where: { orgId: org.id } });
    expect(group.eventCount).toBe(26);
  });

  it("keeps each org's aggregate to itself", async () => {
    const db = database.prisma;
    const one = await setupOrg(db);
    const two = await setupOrg(db);
    await seedEvents(db, one.org.id, [{ deviceId: (await createDevice(db, one.org.id)).id, destination: "only-one.example.com" }]);
    await refreshEventGroups({ db, orgId: two.org.id });
    expect(await db.eventGroup.count({ where: { orgId: two.org.id } })).toBe(0);
  });
});
