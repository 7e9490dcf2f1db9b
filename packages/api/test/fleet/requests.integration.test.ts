import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAccessRequestListResponseSchema, ZAccessRequestResponseSchema, ZSnapshotResponseSchema } from "@egress/contracts";
import type { Prisma } from "@egress/db";
import type { TTestDatabase } from "@egress/db/testing";
import { verifySnapshot } from "@egress/snapshot";
import { handleCreateRequest, handleEnroll, handleListRequests, handleSnapshot } from "../../src/rest";
import { createEnrollmentToken } from "../../src/services/enrollment/create-enrollment-token";
import { resignExpiringSnapshots } from "../../src/services/publish/resign-expiring-snapshots";
import { decideAccessRequest } from "../../src/services/requests/decide-access-request";
import { openTestDatabase } from "../helpers";
import { addMember, CONSOLE_URL, enrollDevice, policyWith, publishDocument, restContext, restRequest, setupOrg, TEST_KEK } from "./fleet-helpers";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const file = (credential: string, body: unknown) => handleCreateRequest(restRequest("/api/v1/requests", { bearer: credential, body }), restContext(database.prisma));
const pullPolicy = async (credential: string, root: Parameters<typeof verifySnapshot>[0]["root"], orgId: string, now = new Date()) => {
  const body = ZSnapshotResponseSchema.parse(await (await handleSnapshot(restRequest("/api/v1/snapshot", { bearer: credential }), restContext(database.prisma))).json());
  const verified = verifySnapshot({ envelope: body.snapshot, root, org: orgId, scope: "default", now });
  if (!verified.ok) throw new Error(verified.message);

  return { version: verified.value.version, policy: verified.value.policy as { hosts: { allow: string[] } } };
};

describe("/api/v1/requests", () => {
  it("files a request once per clientRequestId, on behalf of the device's owner, and lists the device's own requests", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    const { user: developer } = await addMember(db, org.id, "developer");
    const token = await createEnrollmentToken({ db, actor, input: { scope: "default", expiresInHours: 1, maxUses: 1, ownerEmail: developer.email.toUpperCase() }, consoleUrl: CONSOLE_URL });
    const enrolled = (await (await handleEnroll(restRequest("/api/v1/enroll", { body: { token: token.token, name: "dev-laptop" } }), restContext(db))).json()) as { credential: string };
    const other = await enrollDevice(db, actor, { name: "other" });
    const body = { kind: "host", target: "api.stripe.com", reason: "payments integration", clientRequestId: "req-12345678" };
    const first = await file(enrolled.credential, body);
    expect(first.status).toBe(201);
    const retry = await file(enrolled.credential, body);
    expect(retry.status).toBe(200);
    const a = ZAccessRequestResponseSchema.parse(await first.json());
    const b = ZAccessRequestResponseSchema.parse(await retry.json());
    expect(b.request.id).toBe(a.request.id);
    expect(a.request.status).toBe("pending");
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id: a.request.id } });
    expect(row.requesterId).toBe(developer.id);
    expect(await db.accessRequest.count({ where: { orgId: org.id } })).toBe(1);
    // the same clientRequestId from another device is another request
    expect((await file(other.credential, body)).status).toBe(201);
    const list = ZAccessRequestListResponseSchema.parse(await (await handleListRequests(restRequest("/api/v1/requests", { bearer: enrolled.credential }), restContext(db))).json());
    expect(list.requests.map((r) => r.id)).toEqual([a.request.id]);
  });

  it("rejects a request body with a bad kind", async () => {
    const db = database.prisma;
    const { actor } = await setupOrg(db);
    const device = await enrollDevice(db, actor);
    const res = await file(device.credential, { kind: "everything", target: "x", reason: "y", clientRequestId: "req-abcdefgh" });
    expect(res.status).toBe(400);
  });

  it("approve adds the host to the draft; with direct publish it goes out at once without other draft edits", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    await db.organization.update({ where: { id: org.id }, data: { directPublishOnApprove: true } });
    await publishDocument(db, actor, policyWith(["base.example.com"]));
    await db.policy.update({ where: { orgId_scope: { orgId: org.id, scope: "default" } }, data: { draftDocument: policyWith(["base.example.com", "unreviewed.example.com"]) as Prisma.InputJsonValue } });
    const device = await enrollDevice(db, actor);
    const created = ZAccessRequestResponseSchema.parse(await (await file(device.credential, { kind: "host", target: "api.stripe.com", reason: "payments", clientRequestId: "req-approve-1" })).json());
    const { actor: reviewer } = await addMember(db, org.id, "reviewer");
    const decided = await decideAccessRequest({ db, actor: reviewer, input: { requestId: created.request.id, decision: "approve", note: "ok" }, kek: TEST_KEK });
    expect(decided.request.status).toBe("approved");
    expect(decided.draftChanged).toBe(true);
    const policy = await db.policy.findUniqueOrThrow({ where: { orgId_scope: { orgId: org.id, scope: "default" } } });
    expect((policy.draftDocument as { hosts: { allow: string[] } }).hosts.allow).toEqual(["base.example.com", "unreviewed.example.com", "api.stripe.com"]);
    const pulled = await pullPolicy(device.credential, device.rootDocument, org.id);
    expect(pulled.policy.hosts.allow).toEqual(["base.example.com", "api.stripe.com"]);
    await expect(decideAccessRequest({ db, actor: reviewer, input: { requestId: created.request.id, decision: "deny", note: "no" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("deny needs a reason the developer then sees", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    const device = await enrollDevice(db, actor);
    const created = ZAccessRequestResponseSchema.parse(await (await file(device.credential, { kind: "host", target: "pastebin.com", reason: "share logs", clientRequestId: "req-deny-0001" })).json());
    await expect(decideAccessRequest({ db, actor, input: { requestId: created.request.id, decision: "deny" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const other = await setupOrg(db);
    await expect(decideAccessRequest({ db, actor: other.actor, input: { requestId: created.request.id, decision: "deny", note: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await decideAccessRequest({ db, actor, input: { requestId: created.request.id, decision: "deny", note: "use the internal paste service" } });
    const list = ZAccessRequestListResponseSchema.parse(await (await handleListRequests(restRequest("/api/v1/requests", { bearer: device.credential }), restContext(db))).json());
    expect(list.requests[0]).toMatchObject({ status: "denied", decisionNote: "use the internal paste service" });
    expect(await db.auditEvent.count({ where: { orgId: org.id, action: "access_request.denied" } })).toBe(1);
  });

  it("a temporary allow is in snapshots until it lapses, then the re-sign loop leaves it out", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    await db.organization.update({ where: { id: org.id }, data: { directPublishOnApprove: true } });
    await publishDocument(db, actor, policyWith(["base.example.com"]));
    const device = await enrollDevice(db, actor);
    const created = ZAccessRequestResponseSchema.parse(await (await file(device.credential, { kind: "host", target: "temp.example.com", reason: "one-off", clientRequestId: "req-temp-0001" })).json());
    const allowUntil = new Date(Date.now() + 60 * 60 * 1000);
    await decideAccessRequest({ db, actor, input: { requestId: created.request.id, decision: "approve", allowUntil }, kek: TEST_KEK });
    const policy = await db.policy.findUniqueOrThrow({ where: { orgId_scope: { orgId: org.id, scope: "default" } } });
    expect((policy.draftDocument as { hosts: { allow: string[] } }).hosts.allow).not.toContain("temp.example.com");
    const during = await pullPolicy(device.credential, device.rootDocument, org.id);
    expect(during.policy.hosts.allow).toEqual(["base.example.com", "temp.example.com"]);
    const later = new Date(allowUntil.getTime() + 1000);
    const { resigned } = await resignExpiringSnapshots({ db, now: later, kek: TEST_KEK });
    expect(resigned.filter((r) => r.orgId === org.id)).toEqual([{ orgId: org.id, scope: "default", version: during.version + 1, reason: "grant_lapsed" }]);
    const after = await pullPolicy(device.credential, device.rootDocument, org.id, later);
    expect(after.policy.hosts.allow).toEqual(["base.example.com"]);
  });
});
