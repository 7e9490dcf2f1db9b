import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@egress/db";
import type { TTestDatabase } from "@egress/db/testing";
import { createApiToken } from "../src/services/api-tokens/create-api-token";
import { revokeApiToken } from "../src/services/api-tokens/revoke-api-token";
import { findOrProvisionOidcUser } from "../src/services/auth/find-or-provision-oidc-user";
import { signOutEverywhere } from "../src/services/auth/sign-out-everywhere";
import { acceptInvite } from "../src/services/members/accept-invite";
import { changeMemberRole } from "../src/services/members/change-member-role";
import { inviteMember } from "../src/services/members/invite-member";
import { removeMember } from "../src/services/members/remove-member";
import { findAuditEvents } from "../src/services/orgs/find-audit-events";
import { updateOrgSettings } from "../src/services/orgs/update-org-settings";
import { actorFor, callerFor, createTestOrg, createTestUser, openTestDatabase, uniqueId } from "./helpers";

let database: TTestDatabase;
let db: PrismaClient;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database.close();
});

/** Runs `mutate` and returns the audit events it wrote (all orgs, by id, so nothing is missed). */
async function auditOf(mutate: () => Promise<unknown>) {
  const before = new Set((await db.auditEvent.findMany({ select: { id: true } })).map((e) => e.id));
  await mutate();

  return (await db.auditEvent.findMany({ orderBy: { createdAt: "asc" } })).filter((e) => !before.has(e.id));
}

describe("audit trail", () => {
  it("every foundation mutation writes exactly one event with before/after, and no secret ever reaches the log", async () => {
    const owner = await createTestUser(db);
    const secrets: string[] = [];
    let orgId = "";
    const orgEvents = await auditOf(async () => {
      orgId = (await callerFor(db, owner).org.create({ slug: uniqueId("a"), name: "Audited" })).id;
    });
    expect(orgEvents).toHaveLength(1);
    expect(orgEvents[0]).toMatchObject({ orgId, action: "org.created", actorUserId: owner.id, actorType: "user" });
    const actor = actorFor(owner, orgId, "owner");

    const settings = await auditOf(() => updateOrgSettings({ db, actor, input: { staleDeviceHours: 12, requirePublishApproval: true } }));
    expect(settings).toHaveLength(1);
    expect(settings[0]).toMatchObject({ action: "org.settings_updated", before: { staleDeviceHours: 48, requirePublishApproval: false }, after: { staleDeviceHours: 12, requirePublishApproval: true } });

    const email = `${uniqueId()}@example.test`;
    let invite = { membershipId: "", inviteToken: null as string | null };
    const invited = await auditOf(async () => {
      invite = await inviteMember({ db, actor, input: { email, role: "viewer" } });
    });
    secrets.push(invite.inviteToken ?? "missing");
    expect(invited).toHaveLength(1);
    expect(invited[0]).toMatchObject({ action: "member.invited", targetId: invite.membershipId, after: { email, role: "viewer", status: "invited" } });

    const password = `pw ${uniqueId()} long`;
    secrets.push(password);
    const accepted = await auditOf(() => acceptInvite({ db, token: invite.inviteToken ?? "", password }));
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ orgId, action: "invite.accepted", before: { usedAt: null } });

    const initialPassword = `initial ${uniqueId()} pw`;
    secrets.push(initialPassword);
    const created = await auditOf(() => inviteMember({ db, actor, input: { email: `${uniqueId()}@example.test`, role: "admin", method: "password", password: initialPassword } }));
    expect(created).toHaveLength(1);

    const role = await auditOf(() => changeMemberRole({ db, actor, input: { membershipId: invite.membershipId, role: "reviewer" } }));
    expect(role).toHaveLength(1);
    expect(role[0]).toMatchObject({ action: "member.role_changed", before: { email, role: "viewer" }, after: { email, role: "reviewer" } });

    let token = { id: "", token: "" };
    const tokenCreated = await auditOf(async () => {
      token = await createApiToken({ db, actor, input: { name: "ci", expiresInDays: 30 } });
    });
    secrets.push(token.token);
    expect(tokenCreated).toHaveLength(1);
    expect(tokenCreated[0]).toMatchObject({ action: "api_token.created", targetId: token.id, after: { name: "ci", role: "admin" } });

    const revoked = await auditOf(() => revokeApiToken({ db, actor, input: { id: token.id } }));
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ action: "api_token.revoked", before: { revokedAt: null } });

    const removed = await auditOf(() => removeMember({ db, actor, input: { membershipId: invite.membershipId } }));
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatchObject({ action: "member.removed", before: { email, role: "reviewer" } });

    const signOut = await auditOf(() => signOutEverywhere({ db, userId: owner.id }));
    expect(signOut).toHaveLength(1);
    expect(signOut[0]).toMatchObject({ action: "user.signed_out_everywhere", targetId: owner.id });

    const linked = await auditOf(() => findOrProvisionOidcUser({ db, email: owner.email, emailVerified: true, provider: "oidc", providerAccountId: uniqueId("sub") }));
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ action: "user.sso_linked", targetId: owner.id });

    // Secrets: neither the values nor their stored hashes appear anywhere in the audit log.
    const hashes = (await db.apiToken.findMany({ where: { orgId } })).map((t) => t.tokenHash);
    hashes.push(...(await db.invite.findMany({ where: { orgId } })).map((i) => i.tokenHash));
    hashes.push(...(await db.user.findMany({ where: { passwordHash: { not: null } } })).map((u) => u.passwordHash ?? ""));
    const everything = JSON.stringify(await db.auditEvent.findMany());
    for (const secret of [...secrets, ...hashes]) expect(everything).not.toContain(secret);
  });

  it("no-op settings updates and failed mutations write nothing", async () => {
    const owner = await createTestUser(db);
    const org = await createTestOrg(db, owner);
    const actor = actorFor(owner, org.id, "owner");
    expect(await auditOf(() => updateOrgSettings({ db, actor, input: { staleDeviceHours: 48 } }))).toHaveLength(0);
    expect(await auditOf(() => updateOrgSettings({ db, actor, input: { staleDeviceHours: 0 } }).catch(() => undefined))).toHaveLength(0);
    const ownerMembership = await db.membership.findFirstOrThrow({ where: { orgId: org.id } });
    expect(await auditOf(() => removeMember({ db, actor, input: { membershipId: ownerMembership.id } }).catch(() => undefined))).toHaveLength(0);
  });
});

describe("audit.list", () => {
  it("filters by action prefix, actor and time, paginates without gaps or repeats, and never shows another org's events", async () => {
    const owner = await createTestUser(db);
    const org = await createTestOrg(db, owner);
    const other = await createTestOrg(db, await createTestUser(db));
    const actor = actorFor(owner, org.id, "owner");
    for (let i = 0; i < 7; i++) await createApiToken({ db, actor, input: { name: `t${i}` } });
    await updateOrgSettings({ db, actor: actorFor(owner, other.id, "owner"), input: { staleDeviceHours: 5 } });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await findAuditEvents({ db, actor, input: { action: "api_token.", limit: 3, cursor } });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);

    const all = await findAuditEvents({ db, actor, input: { limit: 200 } });
    expect(all.items.map((e) => e.action).sort()).toEqual([...Array(7).fill("api_token.created"), "org.created"].sort());
    expect(all.items.every((e, i, a) => i === 0 || (a[i - 1]?.createdAt ?? e.createdAt) >= e.createdAt)).toBe(true);
    expect((await findAuditEvents({ db, actor, input: { actor: owner.email } })).items).toHaveLength(8);
    expect((await findAuditEvents({ db, actor, input: { actor: "someone-else" } })).items).toHaveLength(0);
    expect((await findAuditEvents({ db, actor, input: { from: new Date(Date.now() + 60_000) } })).items).toHaveLength(0);
    expect((await findAuditEvents({ db, actor, input: { to: new Date(Date.now() + 60_000), action: "org.created" } })).items).toHaveLength(1);
    const viaTrpc = await callerFor(db, owner, org.id).audit.list({ action: "org.settings_updated" });
    expect(viaTrpc.items).toHaveLength(0);
  });
});
