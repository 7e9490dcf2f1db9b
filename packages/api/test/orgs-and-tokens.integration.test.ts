import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TTestDatabase } from "@egress/db/testing";
import { authenticateApiToken } from "../src/services/api-tokens/authenticate-api-token";
import { createApiToken } from "../src/services/api-tokens/create-api-token";
import { revokeApiToken } from "../src/services/api-tokens/revoke-api-token";
import { createOrganization } from "../src/services/orgs/create-organization";
import { updateOrgSettings } from "../src/services/orgs/update-org-settings";
import { actorFor, callerFor, createTestOrg, createTestUser, openTestDatabase, TEST_KEK, uniqueId } from "./helpers";

let database: TTestDatabase;
let db: PrismaClient;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database.close();
});

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);

describe("organizations", () => {
  it("a signed-in user creates an org, becomes its owner, and the org has keys and a default policy", async () => {
    const user = await createTestUser(db);
    const slug = uniqueId("c");
    const org = await callerFor(db, user).org.create({ slug, name: "  Acme  " });
    expect(org).toMatchObject({ slug, name: "Acme", snapshotTtlSeconds: 604800, staleDeviceHours: 48 });
    expect(await db.membership.findFirst({ where: { orgId: org.id, userId: user.id } })).toMatchObject({ role: "owner" });
    expect((await db.signingKey.findMany({ where: { orgId: org.id } })).map((k) => k.kind).sort()).toEqual(["root", "snapshot"]);
    expect(await db.rootDocument.count({ where: { orgId: org.id } })).toBe(1);
    const policy = await db.policy.findUniqueOrThrow({ where: { orgId_scope: { orgId: org.id, scope: "default" } } });
    expect(policy).toMatchObject({ draftDocument: null, draftVersion: 0 });
    expect((await callerFor(db, user).org.list()).map((o) => o.slug)).toContain(slug);
    expect((await callerFor(db, user).me.get()).memberships).toEqual([{ orgId: org.id, slug, name: "Acme", role: "owner" }]);
  });

  it("refuses bad and taken slugs with a clear message and creates nothing", async () => {
    const user = await createTestUser(db);
    const actor = { userId: user.id, label: user.email, type: "user" as const };
    const before = await db.organization.count();
    expect(await errorOf(createOrganization({ db, actor, input: { slug: "Has Spaces", name: "x" }, kek: TEST_KEK }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "invalid slug: use lowercase letters, digits and inner hyphens",
    });
    expect(await errorOf(createOrganization({ db, actor, input: { slug: "-dash", name: "x" }, kek: TEST_KEK }))).toMatchObject({ code: "BAD_REQUEST" });
    const slug = uniqueId("t");
    await createOrganization({ db, actor, input: { slug, name: "first" }, kek: TEST_KEK });
    expect(await errorOf(createOrganization({ db, actor, input: { slug, name: "second" }, kek: TEST_KEK }))).toMatchObject({
      code: "CONFLICT",
      message: `organization slug \`${slug}\` is already taken: choose another one`,
    });
    expect(await db.organization.count()).toBe(before + 1);
  });

  it("settings reject out-of-range values, keep the old ones, and apply valid ones", async () => {
    const owner = await createTestUser(db);
    const org = await createTestOrg(db, owner);
    const actor = actorFor(owner, org.id, "owner");
    expect(await errorOf(updateOrgSettings({ db, actor, input: { snapshotTtlSeconds: 10 } }))).toMatchObject({ code: "BAD_REQUEST", message: "invalid snapshotTtlSeconds: use at least 300 seconds" });
    expect(await errorOf(updateOrgSettings({ db, actor, input: { staleDeviceHours: 100_000 } }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await errorOf(updateOrgSettings({ db, actor, input: { name: "   " } }))).toMatchObject({ code: "BAD_REQUEST" });
    const trpcError = await errorOf(callerFor(db, owner, org.id).settings.update({ snapshotTtlSeconds: 1 }));
    expect(trpcError).toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ snapshotTtlSeconds: 604800, staleDeviceHours: 48 });
    const updated = await callerFor(db, owner, org.id).settings.update({ snapshotTtlSeconds: 3600, directPublishOnApprove: true, name: "Renamed" });
    expect(updated).toMatchObject({ snapshotTtlSeconds: 3600, directPublishOnApprove: true, name: "Renamed" });
    expect((await callerFor(db, owner, org.id).settings.get()).organization.name).toBe("Renamed");
  });
});

describe("API tokens", () => {
  it("a created token authenticates as its org and role; the secret is shown once and stored hashed", async () => {
    const owner = await createTestUser(db);
    const org = await createTestOrg(db, owner);
    const created = await callerFor(db, owner, org.id).apiTokens.create({ name: "gitops", expiresInDays: 7 });
    expect(created.token).toMatch(/^egk_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token);
    const listed = await callerFor(db, owner, org.id).apiTokens.list();
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(JSON.stringify(listed)).not.toContain(row.tokenHash);

    expect(await authenticateApiToken({ db, bearer: `Bearer ${created.token}` })).toEqual({ orgId: org.id, role: "admin", tokenId: created.id, label: "api-token:gitops" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
  });

  it("unknown, malformed, expired and revoked tokens are refused", async () => {
    const owner = await createTestUser(db);
    const org = await createTestOrg(db, owner);
    const actor = actorFor(owner, org.id, "owner");
    const token = await createApiToken({ db, actor, input: { name: "short-lived", expiresInDays: 1 } });
    expect(await authenticateApiToken({ db, bearer: null })).toBeNull();
    expect(await authenticateApiToken({ db, bearer: "Bearer egk_nope" })).toBeNull();
    expect(await authenticateApiToken({ db, bearer: token.token.slice(0, -1) })).toBeNull();
    expect(await authenticateApiToken({ db, bearer: token.token, now: new Date(Date.now() + 2 * 24 * 3600 * 1000) })).toBeNull();
    expect(await authenticateApiToken({ db, bearer: token.token })).not.toBeNull();
    await revokeApiToken({ db, actor, input: { id: token.id } });
    expect(await authenticateApiToken({ db, bearer: token.token })).toBeNull();
    expect(await errorOf(revokeApiToken({ db, actor, input: { id: token.id } }))).toMatchObject({ code: "CONFLICT" });
  });

  it("another org's token is NOT_FOUND and keeps working", async () => {
    const a = await createTestUser(db);
    const orgA = await createTestOrg(db, a);
    const b = await createTestUser(db);
    const orgB = await createTestOrg(db, b);
    const tokenB = await createApiToken({ db, actor: actorFor(b, orgB.id, "owner"), input: { name: "b" } });
    expect(await errorOf(callerFor(db, a, orgA.id).apiTokens.revoke({ id: tokenB.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await callerFor(db, a, orgA.id).apiTokens.list()).map((t) => t.id)).not.toContain(tokenB.id);
    expect(await authenticateApiToken({ db, bearer: tokenB.token })).toMatchObject({ orgId: orgB.id });
  });
});
