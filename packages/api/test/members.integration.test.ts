import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TTestDatabase } from "@egress/db/testing";
import { verifyPasswordSignIn } from "../src/services/auth/verify-password-sign-in";
import { acceptInvite } from "../src/services/members/accept-invite";
import { changeMemberRole } from "../src/services/members/change-member-role";
import { findMembers } from "../src/services/members/find-members";
import { inviteMember } from "../src/services/members/invite-member";
import { removeMember } from "../src/services/members/remove-member";
import { actorFor, addTestMember, callerFor, createTestOrg, createTestUser, openTestDatabase, uniqueId, type TTestUser } from "./helpers";

let database: TTestDatabase;
let db: PrismaClient;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database.close();
});

async function orgWithOwner() {
  const owner = await createTestUser(db);
  const org = await createTestOrg(db, owner);
  const ownerMembershipId = (await db.membership.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } })).id;

  return { owner, org, ownerMembershipId, actor: actorFor(owner, org.id, "owner") };
}

async function memberOf(orgId: string, role: "owner" | "admin" | "viewer"): Promise<{ user: TTestUser; membershipId: string }> {
  const user = await createTestUser(db);

  return { user, membershipId: await addTestMember(db, { orgId, user, role }) };
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("last owner", () => {
  it("cannot be removed, with a message that says what to do", async () => {
    const { ownerMembershipId, actor } = await orgWithOwner();
    const error = await removeMember({ db, actor, input: { membershipId: ownerMembershipId } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("LAST_OWNER");
    expect((error as AppError).message).toBe("the last owner cannot be removed: make another member an owner first");
    expect(await db.membership.count({ where: { id: ownerMembershipId } })).toBe(1);
  });

  it("cannot be demoted, through the tRPC procedure too (CONFLICT with appError LAST_OWNER)", async () => {
    const { owner, org, ownerMembershipId } = await orgWithOwner();
    const error = await callerFor(db, owner, org.id).members.changeRole({ membershipId: ownerMembershipId, role: "admin" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: "the last owner cannot be demoted: make another member an owner first" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: ownerMembershipId } })).role).toBe("owner");
  });

  it("can step down once another owner exists, and the org always keeps one owner under concurrent demotions", async () => {
    const { org, ownerMembershipId, actor } = await orgWithOwner();
    const second = await memberOf(org.id, "owner");
    const results = await Promise.all([
      codeOf(changeMemberRole({ db, actor, input: { membershipId: ownerMembershipId, role: "admin" } })),
      codeOf(changeMemberRole({ db, actor: actorFor(second.user, org.id, "owner"), input: { membershipId: second.membershipId, role: "admin" } })),
    ]);
    expect(results.sort()).toEqual(["LAST_OWNER", "ok"]);
    expect(await db.membership.count({ where: { orgId: org.id, role: "owner" } })).toBe(1);
  });
});

describe("only owners touch owners", () => {
  it("an admin can neither demote, remove nor create an owner, but manages other roles", async () => {
    const { org, ownerMembershipId } = await orgWithOwner();
    const admin = await memberOf(org.id, "admin");
    const viewer = await memberOf(org.id, "viewer");
    const actor = actorFor(admin.user, org.id, "admin");
    expect(await codeOf(changeMemberRole({ db, actor, input: { membershipId: ownerMembershipId, role: "viewer" } }))).toBe("FORBIDDEN");
    expect(await codeOf(removeMember({ db, actor, input: { membershipId: ownerMembershipId } }))).toBe("FORBIDDEN");
    expect(await codeOf(changeMemberRole({ db, actor, input: { membershipId: viewer.membershipId, role: "owner" } }))).toBe("FORBIDDEN");
    expect(await codeOf(inviteMember({ db, actor, input: { email: `${uniqueId()}@example.test`, role: "owner" } }))).toBe("FORBIDDEN");
    expect(await codeOf(changeMemberRole({ db, actor, input: { membershipId: viewer.membershipId, role: "reviewer" } }))).toBe("ok");
    expect(await codeOf(removeMember({ db, actor, input: { membershipId: viewer.membershipId } }))).toBe("ok");
    expect((await db.membership.findUniqueOrThrow({ where: { id: ownerMembershipId } })).role).toBe("owner");
  });

  it("another organization's membership is NOT_FOUND and untouched", async () => {
    const a = await orgWithOwner();
    const b = await orgWithOwner();
    const victim = await memberOf(b.org.id, "viewer");
    expect(await codeOf(removeMember({ db, actor: a.actor, input: { membershipId: victim.membershipId } }))).toBe("NOT_FOUND");
    expect(await codeOf(changeMemberRole({ db, actor: a.actor, input: { membershipId: victim.membershipId, role: "admin" } }))).toBe("NOT_FOUND");
    expect((await db.membership.findUniqueOrThrow({ where: { id: victim.membershipId } })).role).toBe("viewer");
    expect((await findMembers({ db, actor: a.actor })).map((m) => m.userId)).not.toContain(victim.user.id);
  });
});

describe("invites", () => {
  it("an invite link creates a pending member and works exactly once", async () => {
    const { org, actor } = await orgWithOwner();
    const email = `${uniqueId("new")}@Example.test`;
    const invited = await inviteMember({ db, actor, input: { email, role: "reviewer" } });
    expect(invited.status).toBe("invited");
    expect(invited.inviteToken).toMatch(/^egi_[A-Za-z0-9_-]{43}$/);
    const row = await db.invite.findFirstOrThrow({ where: { orgId: org.id } });
    expect(row.tokenHash).not.toContain(invited.inviteToken);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const pending = (await findMembers({ db, actor })).find((m) => m.userId === invited.userId);
    expect(pending).toMatchObject({ email: email.toLowerCase(), role: "reviewer", isPending: true });

    const password = "correct horse battery staple";
    const accepted = await acceptInvite({ db, token: invited.inviteToken ?? "", password });
    expect(accepted).toMatchObject({ userId: invited.userId, orgId: org.id });
    expect((await verifyPasswordSignIn({ db, email, password })).status).toBe("ok");
    expect((await findMembers({ db, actor })).find((m) => m.userId === invited.userId)?.isPending).toBe(false);

    const again = await acceptInvite({ db, token: invited.inviteToken ?? "", password: "another long password" }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "TOKEN_EXHAUSTED", message: "invite link was already used: sign in, or ask for a new invite" });
    expect((await verifyPasswordSignIn({ db, email, password })).status).toBe("ok");
  });

  it("an expired invite is refused with the date and what to do, and sets no password", async () => {
    const { actor } = await orgWithOwner();
    const invited = await inviteMember({ db, actor, input: { email: `${uniqueId()}@example.test`, role: "viewer" } });
    const later = new Date(Date.now() + 8 * 24 * 3600 * 1000);
    const error = await acceptInvite({ db, token: invited.inviteToken ?? "", password: "a perfectly fine password", now: later }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "TOKEN_EXPIRED" });
    expect((error as AppError).message).toMatch(/^invite link expired on \d{4}-\d{2}-\d{2}: ask an administrator for a new invite$/);
    expect((await db.user.findUniqueOrThrow({ where: { id: invited.userId } })).passwordHash).toBeNull();
  });

  it("unknown tokens, short passwords and withdrawn invites are refused clearly", async () => {
    const { actor } = await orgWithOwner();
    expect(await acceptInvite({ db, token: "egi_doesnotexist", password: "long enough password" }).catch((e: unknown) => e)).toMatchObject({ code: "NOT_FOUND" });
    const invited = await inviteMember({ db, actor, input: { email: `${uniqueId()}@example.test`, role: "viewer" } });
    const short = await acceptInvite({ db, token: invited.inviteToken ?? "", password: "short" }).catch((e: unknown) => e);
    expect(short).toMatchObject({ code: "BAD_REQUEST", message: "password too short: use at least 12 characters" });
    // The invite survives a bad password: the person can try again.
    expect((await db.invite.findFirstOrThrow({ where: { email: (await db.user.findUniqueOrThrow({ where: { id: invited.userId } })).email } })).usedAt).toBeNull();
    await removeMember({ db, actor, input: { membershipId: invited.membershipId } });
    expect(await codeOf(acceptInvite({ db, token: invited.inviteToken ?? "", password: "long enough password" }))).toBe("NOT_FOUND");
  });

  it("an existing user is simply added; an initial password works; a member twice is CONFLICT", async () => {
    const { actor } = await orgWithOwner();
    const existing = await createTestUser(db);
    const added = await inviteMember({ db, actor, input: { email: existing.email, role: "developer", method: "password", password: "ignored for existing users" } });
    expect(added).toMatchObject({ status: "added", userId: existing.id, inviteToken: null });
    expect(await codeOf(inviteMember({ db, actor, input: { email: existing.email, role: "viewer" } }))).toBe("CONFLICT");

    const email = `${uniqueId()}@example.test`;
    const created = await inviteMember({ db, actor, input: { email, role: "viewer", method: "password", password: "initial password 123" } });
    expect(created).toMatchObject({ status: "created", inviteToken: null });
    expect((await verifyPasswordSignIn({ db, email, password: "initial password 123" })).status).toBe("ok");
    expect(await codeOf(inviteMember({ db, actor, input: { email: `${uniqueId()}@example.test`, role: "viewer", method: "password", password: "short" } }))).toBe("BAD_REQUEST");
  });
});
