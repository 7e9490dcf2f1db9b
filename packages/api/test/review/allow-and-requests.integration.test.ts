import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TTestDatabase } from "@egress/db/testing";
import { createSnapshot } from "../../src/services/publish/create-snapshot";
import { decideAccessRequest } from "../../src/services/requests/decide-access-request";
import { openTestDatabase } from "../helpers";
import { reviewCaller } from "./review-caller";
import { addMember, createDevice, policyWith, publishDocument, seedEvents, setupOrg, TEST_KEK } from "./review-helpers";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function orgWithBlocks() {
  const db = database.prisma;
  const setup = await setupOrg(db);
  await publishDocument(db, setup.actor, policyWith(["github.com"]));
  const reviewer = await addMember(db, setup.org.id, "reviewer");
  const developer = await addMember(db, setup.org.id, "developer");
  const device = await createDevice(db, setup.org.id, { name: "dev-laptop", ownerUserId: developer.user.id });
  await seedEvents(db, setup.org.id, [
    { deviceId: device.id, destination: "new.example.com" },
    { deviceId: device.id, destination: "new.example.com" },
    { deviceId: device.id, destination: null, groupKey: "connector:linear", tool: "mcp__linear__create" },
    { deviceId: device.id, destination: null, groupKey: "command:nc" },
  ]);
  const caller = reviewCaller(db, reviewer.user, setup.org.id);
  const groups = (await caller.review.groups()).groups;
  const byKey = (key: string) => {
    const group = groups.find((g) => g.groupKey === key);
    if (!group) throw new Error(`no group ${key}`);

    return group;
  };

  return { ...setup, reviewer, developer, device, caller, byKey };
}

describe("review.proposeAllow", () => {
  it("adds the host to the scope's draft (not published), marks the group allowed, audits both", async () => {
    const { caller, byKey, org } = await orgWithBlocks();
    const db = database.prisma;
    const group = byKey("new.example.com");
    const before = await db.policy.findUniqueOrThrow({ where: { orgId_scope: { orgId: org.id, scope: "default" } } });
    const result = await caller.review.proposeAllow({ groupId: group.id, justification: "vendor API for the billing team" });
    expect(result).toMatchObject({ mode: "draft", kind: "host", target: "new.example.com", scope: "default", draftVersion: before.draftVersion + 1 });
    const policy = await db.policy.findUniqueOrThrow({ where: { id: before.id } });
    expect((policy.draftDocument as { hosts: { allow: string[] } }).hosts.allow).toEqual(["github.com", "new.example.com"]);
    expect(await db.snapshot.count({ where: { orgId: org.id } })).toBe(1);
    expect((await caller.review.group({ groupId: group.id })).group).toMatchObject({ triageState: "allowed", triageNote: "vendor API for the billing team" });
    const actions = (await db.auditEvent.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["policy.draft_updated", "event_group.allow_proposed"]));
  });

  it("allows a connector by name; a command group needs a policy edit", async () => {
    const { caller, byKey, org } = await orgWithBlocks();
    const db = database.prisma;
    await caller.review.proposeAllow({ groupId: byKey("connector:linear").id, justification: "ticketing" });
    const policy = await db.policy.findUniqueOrThrow({ where: { orgId_scope: { orgId: org.id, scope: "default" } } });
    expect((policy.draftDocument as { mcp: { connectors: { name: string }[] } }).mcp.connectors.map((c) => c.name)).toContain("linear");
    await expect(caller.review.proposeAllow({ groupId: byKey("command:nc").id, justification: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a temporary allow is a grant the next snapshot carries until it lapses, and leaves the draft alone", async () => {
    const { caller, byKey, org } = await orgWithBlocks();
    const db = database.prisma;
    const until = new Date(Date.now() + 3_600_000);
    const before = await db.policy.findUniqueOrThrow({ where: { orgId_scope: { orgId: org.id, scope: "default" } } });
    const result = await caller.review.proposeAllow({ groupId: byKey("new.example.com").id, justification: "incident", allowUntil: until });
    expect(result).toMatchObject({ mode: "grant", snapshotVersion: null });
    expect((await db.policy.findUniqueOrThrow({ where: { id: before.id } })).draftVersion).toBe(before.draftVersion);
    const latest = await db.snapshot.findFirstOrThrow({ where: { orgId: org.id }, orderBy: { version: "desc" } });
    const hostsIn = async (now: Date) => {
      const snap = await db.$transaction((tx) => createSnapshot({ tx, orgId: org.id, policyId: before.id, revisionId: latest.revisionId, kek: TEST_KEK, now }));
      const row = await db.snapshot.findFirstOrThrow({ where: { orgId: org.id, version: snap.version } });
      const payload = JSON.parse(Buffer.from((row.envelope as { payload: string }).payload, "base64").toString("utf8")) as { policy: { hosts: { allow: string[] } } };

      return payload.policy.hosts.allow;
    };
    expect(await hostsIn(new Date())).toContain("new.example.com");
    expect(await hostsIn(new Date(until.getTime() + 1000))).not.toContain("new.example.com");
    await expect(caller.review.proposeAllow({ groupId: byKey("new.example.com").id, justification: "x", allowUntil: until, scope: "other" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.review.proposeAllow({ groupId: byKey("new.example.com").id, justification: "x", allowUntil: new Date(Date.now() - 1000) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is for deciders only", async () => {
    const { byKey, org } = await orgWithBlocks();
    const db = database.prisma;
    const viewer = await addMember(db, org.id, "viewer");
    await expect(reviewCaller(db, viewer.user, org.id).review.proposeAllow({ groupId: byKey("new.example.com").id, justification: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("request queue", () => {
  it("shows a device's request with the matching blocks, and the developer sees the outcome", async () => {
    const { caller, org, device, developer, reviewer } = await orgWithBlocks();
    const db = database.prisma;
    const request = await db.accessRequest.create({ data: { orgId: org.id, deviceId: device.id, requesterId: developer.user.id, kind: "host", target: "new.example.com", reason: "need the vendor API" } });
    const queue = await caller.review.requestQueue({ status: "pending" });
    expect(queue.requests).toHaveLength(1);
    expect(queue.requests[0]).toMatchObject({
      id: request.id,
      reason: "need the vendor API",
      requester: { email: developer.user.email },
      device: { name: "dev-laptop", scope: "default" },
      matchingGroup: { eventCount: 2, deviceCount: 1, triageState: "new" },
      fromRequesterDevice: { eventCount: 2 },
    });
    expect(queue.requests[0]?.recentBlocks.map((b) => b.deviceName)).toEqual(["dev-laptop", "dev-laptop"]);
    const dev = reviewCaller(db, developer.user, org.id);
    await expect(dev.review.requestQueue()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideAccessRequest({ db, actor: { userId: reviewer.user.id, orgId: org.id, role: "reviewer", label: reviewer.user.email, type: "user" }, input: { requestId: request.id, decision: "deny", note: "use the proxy" } });
    expect(await dev.review.myRequests()).toEqual([expect.objectContaining({ id: request.id, status: "denied", decisionNote: "use the proxy", device: { name: "dev-laptop" } })]);
  });

  it("a member files a request in the console (audited) and sees only their own", async () => {
    const { caller, org, developer } = await orgWithBlocks();
    const db = database.prisma;
    const dev = reviewCaller(db, developer.user, org.id);
    const created = await dev.review.createRequest({ kind: "host", target: "docs.example.com", reason: "reading docs" });
    expect(created).toMatchObject({ status: "pending", target: "docs.example.com" });
    expect(await db.auditEvent.count({ where: { orgId: org.id, action: "access_request.created", targetId: created.id } })).toBe(1);
    expect((await dev.review.myRequests()).map((r) => r.id)).toEqual([created.id]);
    expect((await caller.review.myRequests()).map((r) => r.id)).toEqual([]);
    expect((await caller.review.requestQueue({ status: "pending" })).requests.map((r) => [r.target, r.device, r.matchingGroup])).toEqual([["docs.example.com", null, null]]);
    const viewer = await addMember(db, org.id, "viewer");
    await expect(reviewCaller(db, viewer.user, org.id).review.createRequest({ kind: "host", target: "x.example.com", reason: "r" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
