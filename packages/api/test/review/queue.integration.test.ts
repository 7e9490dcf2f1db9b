import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestDatabase } from "@egress/db/testing";
import { openTestDatabase } from "../helpers";
import { reviewCaller } from "./review-caller";
import { addMember, createDevice, seedEvents, setupOrg } from "./review-helpers";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);

async function seededOrg() {
  const db = database.prisma;
  const { org, owner } = await setupOrg(db);
  const laptop = await createDevice(db, org.id, { name: "laptop" });
  const desktop = await createDevice(db, org.id, { name: "desktop" });
  await seedEvents(db, org.id, [
    ...Array.from({ length: 5 }, (_, i) => ({ deviceId: laptop.id, destination: "busy.example.com", occurredAt: at(100 + i) })),
    { deviceId: desktop.id, destination: "busy.example.com", occurredAt: at(90), userName: "bob", agent: "codex" },
    { deviceId: laptop.id, destination: "recent.example.com", occurredAt: at(5), rule: "hosts.denied" },
    { deviceId: desktop.id, destination: null, groupKey: "connector:slack", tool: "mcp__slack__post", occurredAt: at(50), userName: "bob" },
    { deviceId: desktop.id, destination: null, groupKey: "command:nc", occurredAt: at(2000), excerpt: "nc evil 4444" },
    { deviceId: laptop.id, type: "egress_decision", decision: "allow", destination: "github.com", occurredAt: at(1) },
  ]);

  return { org, owner, laptop, desktop, caller: reviewCaller(db, owner, org.id) };
}

describe("review.groups", () => {
  it("lists groups newest first with counts, devices, users and the latest rule, reason and excerpt", async () => {
    const { caller } = await seededOrg();
    const page = await caller.review.groups();
    expect(page.groups.map((g) => g.groupKey)).toEqual(["recent.example.com", "connector:slack", "busy.example.com", "command:nc"]);
    const busy = page.groups.find((g) => g.groupKey === "busy.example.com");
    expect(busy).toMatchObject({ kind: "host", eventCount: 6, deviceCount: 2, userCount: 2, lastAgent: "codex", lastRule: "hosts.not_allowed", lastExcerpt: "curl https://new.example.com", triageState: "new" });
    expect(busy?.firstSeen.getTime()).toBeLessThan(busy?.lastSeen.getTime() ?? 0);
    expect(page.stateCounts).toEqual({ new: 4, acknowledged: 0, allowed: 0, dismissed: 0 });
    expect(page.isCaughtUp).toBe(true);
  });

  it("sorts by count and pages with a keyset cursor without repeats or gaps", async () => {
    const { caller } = await seededOrg();
    const first = await caller.review.groups({ sort: "count", limit: 2 });
    expect(first.groups.map((g) => g.groupKey)).toEqual(["busy.example.com", expect.any(String)]);
    expect(first.nextCursor).not.toBeNull();
    const second = await caller.review.groups({ sort: "count", limit: 2, cursor: first.nextCursor ?? undefined });
    const all = [...first.groups, ...second.groups].map((g) => g.groupKey);
    expect(new Set(all).size).toBe(4);
    expect(second.nextCursor).toBeNull();
    await expect(caller.review.groups({ sort: "recent", cursor: first.nextCursor ?? undefined })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("filters by kind, search, agent, device, user, rule, time and state", async () => {
    const { caller, desktop } = await seededOrg();
    const keys = async (input: Parameters<typeof caller.review.groups>[0]) => (await caller.review.groups(input)).groups.map((g) => g.groupKey).sort();
    expect(await keys({ kind: "connector" })).toEqual(["connector:slack"]);
    expect(await keys({ search: "BUSY" })).toEqual(["busy.example.com"]);
    expect(await keys({ search: "%" })).toEqual([]);
    expect(await keys({ agent: "codex" })).toEqual(["busy.example.com"]);
    expect(await keys({ deviceId: desktop.id })).toEqual(["busy.example.com", "command:nc", "connector:slack"]);
    expect(await keys({ user: "bob", from: at(60) })).toEqual(["connector:slack"]);
    expect(await keys({ rule: "hosts.denied" })).toEqual(["recent.example.com"]);
    expect(await keys({ from: at(30) })).toEqual(["recent.example.com"]);
    expect(await keys({ to: at(1000) })).toEqual(["command:nc"]);
    expect(await keys({ state: "dismissed" })).toEqual([]);
  });

  it("shows a group's devices and users and pages its events (redacted excerpts)", async () => {
    const { caller, laptop } = await seededOrg();
    const busy = (await caller.review.groups({ search: "busy" })).groups[0];
    if (!busy) throw new Error("no group");
    const detail = await caller.review.group({ groupId: busy.id });
    expect(detail.devices.map((d) => [d.name, d.eventCount])).toEqual([
      ["laptop", 5],
      ["desktop", 1],
    ]);
    expect(detail.users.map((u) => u.value).sort()).toEqual(["alice", "bob"]);
    const first = await caller.review.groupEvents({ groupId: busy.id, limit: 4 });
    expect(first.events).toHaveLength(4);
    expect(first.events[0]).toMatchObject({ device: { name: "desktop" }, agent: "codex", excerpt: "curl https://new.example.com" });
    expect(first.events[1]?.device.id).toBe(laptop.id);
    const second = await caller.review.groupEvents({ groupId: busy.id, limit: 4, cursor: first.nextCursor ?? undefined });
    expect(second.events).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const times = [...first.events, ...second.events].map((e) => e.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("triages: acknowledge, dismiss needs a reason, audited, counts what arrives after", async () => {
    const { caller, org } = await seededOrg();
    const db = database.prisma;
    const group = (await caller.review.groups({ search: "busy" })).groups[0];
    if (!group) throw new Error("no group");
    await expect(caller.review.triage({ groupId: group.id, state: "dismissed" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const done = await caller.review.triage({ groupId: group.id, state: "dismissed", note: "CI probe, harmless" });
    expect(done).toMatchObject({ triageState: "dismissed", triageNote: "CI probe, harmless" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "event_group.triaged" } });
    expect(audit.after).toMatchObject({ state: "dismissed", note: "CI probe, harmless" });
    expect((await caller.review.groups({ state: "dismissed" })).groups.map((g) => g.id)).toEqual([group.id]);
    expect((await caller.review.groups()).stateCounts).toMatchObject({ new: 3, dismissed: 1 });
    await seedEvents(db, org.id, [{ deviceId: (await db.device.findFirstOrThrow({ where: { orgId: org.id } })).id, destination: "busy.example.com", occurredAt: at(1) }]);
    const after = (await caller.review.groups({ state: "dismissed" })).groups[0];
    expect([after?.eventCount, after?.countAtTriage, after?.triageState]).toEqual([7, 6, "dismissed"]);
  });

  it("checks roles on the server and hides other tenants' groups", async () => {
    const { caller, org } = await seededOrg();
    const db = database.prisma;
    const group = (await caller.review.groups()).groups[0];
    if (!group) throw new Error("no group");
    const viewer = await addMember(db, org.id, "viewer");
    const developer = await addMember(db, org.id, "developer");
    await expect(reviewCaller(db, viewer.user, org.id).review.triage({ groupId: group.id, state: "acknowledged" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reviewCaller(db, developer.user, org.id).review.groups()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await reviewCaller(db, viewer.user, org.id).review.groups()).groups.length).toBe(4);
    const other = await setupOrg(db);
    const outsider = reviewCaller(db, other.owner, other.org.id);
    await expect(outsider.review.group({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.review.triage({ groupId: group.id, state: "acknowledged" })).rejects.toBeInstanceOf(TRPCError);
    await expect(outsider.review.groupEvents({ groupId: group.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await outsider.review.groups()).groups).toEqual([]);
    await expect(reviewCaller(db, other.owner, org.id).review.groups()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
