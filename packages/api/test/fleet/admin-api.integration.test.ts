import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAdminPolicyResponseSchema, ZCreateEnrollmentTokenResponseSchema, ZPublishResponseSchema } from "@egress/contracts";
import type { TTestDatabase } from "@egress/db/testing";
import { verifySnapshot } from "@egress/snapshot";
import { handleAdminCreateEnrollmentToken, handleAdminGetPolicy, handleAdminListDevices, handleAdminPublish, handleAdminUpdateDraft } from "../../src/rest";
import { getCurrentRoot } from "../../src/services/keys/load-org-keys";
import { approvePublish } from "../../src/services/publish/approve-publish";
import { publishPolicy } from "../../src/services/publish/publish-policy";
import { rollbackPolicy } from "../../src/services/publish/rollback-policy";
import { openTestDatabase } from "../helpers";
import { addMember, CONSOLE_URL, createApiToken, enrollDevice, policyWith, readError, restContext, restRequest, setupOrg, TEST_KEK } from "./fleet-helpers";

let database: TTestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const putDraft = (bearer: string, document: unknown, scope = "default") =>
  handleAdminUpdateDraft(restRequest(`/api/v1/admin/policies/${scope}/draft`, { method: "PUT", bearer, body: { document } }), restContext(database.prisma, { scope }));
const publish = (bearer: string, scope = "default") => handleAdminPublish(restRequest(`/api/v1/admin/policies/${scope}/publish`, { bearer, body: { note: "ci" } }), restContext(database.prisma, { scope }));

async function latestSnapshot(orgId: string, scope = "default") {
  return database.prisma.snapshot.findFirstOrThrow({ where: { orgId, scope }, orderBy: { version: "desc" } });
}

describe("admin REST API", () => {
  it("rejects a missing, unknown or other-prefixed token with 401", async () => {
    for (const bearer of [undefined, "egk_unknown", "egd_device-credential"]) {
      const res = await handleAdminListDevices(restRequest("/api/v1/admin/devices", bearer ? { bearer } : {}), restContext(database.prisma));
      expect(res.status).toBe(401);
      expect((await readError(res)).code).toBe("UNAUTHORIZED");
    }
  });

  it("forbids a viewer-role token to publish or write, but lets it read", async () => {
    const db = database.prisma;
    const { org } = await setupOrg(db);
    const viewer = await createApiToken(db, org.id, "viewer");
    const res = await publish(viewer);
    expect(res.status).toBe(403);
    expect((await readError(res)).message).toContain("policy.publish");
    expect((await putDraft(viewer, policyWith(["example.com"]))).status).toBe(403);
    const read = await handleAdminGetPolicy(restRequest("/api/v1/admin/policies/default", { bearer: viewer }), restContext(db, { scope: "default" }));
    expect(read.status).toBe(200);
    expect(await db.policyRevision.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("answers draft validation errors with paths (422) and keeps the previous draft", async () => {
    const db = database.prisma;
    const { org } = await setupOrg(db);
    const admin = await createApiToken(db, org.id, "admin");
    expect((await putDraft(admin, policyWith(["example.com"]))).status).toBe(200);
    const res = await putDraft(admin, { version: 1, hosts: { allow: ["https://bad.example.com/path", "ok.example.com"] }, mode: "block" });
    expect(res.status).toBe(422);
    const error = await readError(res);
    expect(error.code).toBe("POLICY_INVALID");
    expect(error.details?.map((d) => d.path)).toEqual(expect.arrayContaining(["hosts.allow.0", "mode"]));
    const get = await handleAdminGetPolicy(restRequest("/api/v1/admin/policies/default", { bearer: admin }), restContext(db, { scope: "default" }));
    const body = ZAdminPolicyResponseSchema.parse(await get.json());
    expect((body.draft as { hosts: { allow: string[] } }).hosts.allow).toEqual(["example.com"]);
  });

  it("publishes a snapshot that verifies against the org root; versions grow; rollback republishes old content under a new version", async () => {
    const db = database.prisma;
    const { org } = await setupOrg(db);
    const admin = await createApiToken(db, org.id, "admin");
    const root = (await getCurrentRoot({ db, orgId: org.id })).document;

    await putDraft(admin, policyWith(["one.example.com"]));
    const first = ZPublishResponseSchema.parse(await (await publish(admin)).json());
    expect(first.status).toBe("published");
    await putDraft(admin, policyWith(["two.example.com"]));
    const secondRes = await publish(admin);
    expect(secondRes.status).toBe(201);
    const second = ZPublishResponseSchema.parse(await secondRes.json());
    expect(second.snapshot?.version).toBeGreaterThan(first.snapshot?.version ?? Infinity);
    expect(second.revision.number).toBe(first.revision.number + 1);

    const snapshot = await latestSnapshot(org.id);
    const verified = verifySnapshot({ envelope: snapshot.envelope, root, org: org.id, scope: "default", now: new Date() });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.digest).toBe(snapshot.digest);
    expect((verified.value.policy as { hosts: { allow: string[] } }).hosts.allow).toEqual(["two.example.com"]);
    const ttl = (await db.organization.findUniqueOrThrow({ where: { id: org.id } })).snapshotTtlSeconds;
    expect(Date.parse(verified.value.expiresAt) - Date.parse(verified.value.issuedAt)).toBe(ttl * 1000);

    const { actor } = await addMember(db, org.id, "admin");
    const rolled = await rollbackPolicy({ db, actor, scope: "default", revisionNumber: first.revision.number, kek: TEST_KEK });
    expect(rolled.revision.number).toBe(3);
    expect(rolled.snapshot?.version).toBe((second.snapshot?.version ?? 0) + 1);
    const after = verifySnapshot({ envelope: (await latestSnapshot(org.id)).envelope, root, org: org.id, scope: "default", now: new Date(), lastSeen: { version: verified.value.version, digest: verified.digest } });
    expect(after.ok && (after.value.policy as { hosts: { allow: string[] } }).hosts.allow).toEqual(["one.example.com"]);
    const revision = await db.policyRevision.findFirstOrThrow({ where: { orgId: org.id, number: 3 } });
    expect(revision.rollbackOfId).toBe(first.revision.id);
  });

  it("concurrent publishes get distinct, consecutive versions and revision numbers", async () => {
    const db = database.prisma;
    const { org } = await setupOrg(db);
    const admin = await createApiToken(db, org.id, "admin");
    await putDraft(admin, policyWith(["race.example.com"]));
    const results = await Promise.all([publish(admin), publish(admin), publish(admin)]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const bodies = await Promise.all(results.map(async (r) => ZPublishResponseSchema.parse(await r.json())));
    expect(bodies.map((b) => b.snapshot?.version).sort()).toEqual([1, 2, 3]);
    expect(bodies.map((b) => b.revision.number).sort()).toEqual([1, 2, 3]);
  });

  it("blocks a publish whose policy tests fail, naming the failing test, and publishes nothing", async () => {
    const db = database.prisma;
    const { org } = await setupOrg(db);
    const admin = await createApiToken(db, org.id, "admin");
    const tests = [{ name: "curl to evil is allowed", agent: "claude-code" as const, input: { tool_name: "Bash", tool_input: { command: "curl https://evil.example.com" } }, expect: "allow" as const }];
    expect((await putDraft(admin, policyWith(["good.example.com"], { tests }))).status).toBe(200);
    const res = await publish(admin);
    expect(res.status).toBe(422);
    const error = await readError(res);
    expect(error.code).toBe("POLICY_TESTS_FAILED");
    expect(error.message).toContain("curl to evil is allowed");
    expect(error.details?.[0]?.path).toBe("tests.0");
    expect(await db.snapshot.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("with a second-approver rule: publish waits, the author cannot approve, another admin can", async () => {
    const db = database.prisma;
    const { org, actor: owner } = await setupOrg(db);
    await db.organization.update({ where: { id: org.id }, data: { requirePublishApproval: true } });
    await putDraft(await createApiToken(db, org.id, "admin"), policyWith(["x.example.com"]));
    const pending = await publishPolicy({ db, actor: owner, scope: "default", kek: TEST_KEK });
    expect(pending.status).toBe("pending_approval");
    expect(pending.snapshot).toBeNull();
    await expect(approvePublish({ db, actor: owner, revisionId: pending.revision.id, kek: TEST_KEK })).rejects.toThrow(/your own publish/);
    const other = await setupOrg(db);
    await expect(approvePublish({ db, actor: other.actor, revisionId: pending.revision.id, kek: TEST_KEK })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { actor: admin } = await addMember(db, org.id, "admin");
    const approved = await approvePublish({ db, actor: admin, revisionId: pending.revision.id, kek: TEST_KEK });
    expect(approved.status).toBe("published");
    expect(approved.snapshot?.version).toBe(1);
    expect(await db.auditEvent.count({ where: { orgId: org.id, action: { in: ["policy.publish_requested", "policy.publish_approved"] } } })).toBe(2);
  });

  it("creates enrollment tokens and lists devices, scoped to the token's org", async () => {
    const db = database.prisma;
    const { org, actor } = await setupOrg(db);
    const other = await setupOrg(db);
    await enrollDevice(db, other.actor, { name: "other-org-laptop" });
    await enrollDevice(db, actor, { name: "my-laptop" });
    const admin = await createApiToken(db, org.id, "admin");
    const res = await handleAdminCreateEnrollmentToken(restRequest("/api/v1/admin/enrollment-tokens", { bearer: admin, body: { maxUses: 3, expiresInHours: 2 } }), restContext(db));
    expect(res.status).toBe(201);
    const token = ZCreateEnrollmentTokenResponseSchema.parse(await res.json());
    expect(token.command).toBe(`egress-sync enroll --server ${CONSOLE_URL} --token ${token.token}`);
    const list = await handleAdminListDevices(restRequest("/api/v1/admin/devices", { bearer: admin }), restContext(db));
    const { devices } = (await list.json()) as { devices: { name: string }[] };
    expect(devices.map((d) => d.name)).toEqual(["my-laptop"]);
  });
});
