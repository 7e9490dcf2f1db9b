import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestDatabase } from "@egress/db/testing";
import { openTestDatabase } from "../helpers";
import { reviewCaller } from "../review/review-caller";
import { addMember, createDevice, seedEvents, setupOrg } from "../review/review-helpers";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const DAY = 86_400_000;

describe("dashboard.summary", () => {
  it("counts blocks per day, ranks destinations, buckets the fleet by last pull, counts pending requests", async () => {
    const db = database.prisma;
    const { org, owner } = await setupOrg(db);
    const now = Date.now();
    const fresh = await createDevice(db, org.id);
    await db.device.update({ where: { id: fresh.id }, data: { lastPullAt: new Date(now - 60_000), lastSeenAt: new Date(now - 60_000) } });
    const stale = await createDevice(db, org.id);
    await db.device.update({ where: { id: stale.id }, data: { lastPullAt: new Date(now - 10 * DAY), lastSeenAt: new Date(now - 10 * DAY) } });
    await createDevice(db, org.id);
    const revoked = await createDevice(db, org.id);
    await db.device.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    await seedEvents(db, org.id, [
      ...Array.from({ length: 3 }, () => ({ deviceId: fresh.id, destination: "top.example.com", occurredAt: new Date(now - 2 * DAY) })),
      { deviceId: fresh.id, destination: "second.example.com", occurredAt: new Date(now - 3_600_000) },
      { deviceId: fresh.id, destination: "old.example.com", occurredAt: new Date(now - 40 * DAY) },
      { deviceId: fresh.id, type: "egress_warn", decision: "would_deny", destination: "second.example.com", occurredAt: new Date(now - 3_600_000) },
    ]);
    await db.accessRequest.create({ data: { orgId: org.id, kind: "host", target: "a.example.com", reason: "r" } });
    const summary = await reviewCaller(db, owner, org.id).dashboard.summary({ days: 14 });
    expect(summary.bucket).toBe("day");
    expect(summary.blocksOverTime.length).toBeGreaterThanOrEqual(14);
    expect(summary.blocksOverTime.reduce((n, b) => n + b.blocked, 0)).toBe(4);
    expect(summary.blocksOverTime.reduce((n, b) => n + b.warned, 0)).toBe(1);
    expect(summary.topDestinations.map((d) => [d.groupKey, d.eventCount])).toEqual([
      ["top.example.com", 3],
      ["second.example.com", 2],
    ]);
    expect(summary.fleet).toMatchObject({ total: 3, lastHour: 1, stale: 1, never: 1 });
    expect(summary.pendingRequests.count).toBe(1);
    expect(summary.triage.new).toBe(3);
    const hourly = await reviewCaller(db, owner, org.id).dashboard.summary({ days: 1 });
    expect(hourly.bucket).toBe("hour");
    expect(hourly.blocksOverTime.reduce((n, b) => n + b.blocked, 0)).toBe(1);
    const developer = await addMember(db, org.id, "developer");
    await expect(reviewCaller(db, developer.user, org.id).dashboard.summary()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
