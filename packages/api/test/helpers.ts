import { randomBytes } from "node:crypto";
import type { TRole } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { createTestDatabase, uniqueId, type TTestDatabase } from "@egress/db/testing";
import { createCaller } from "../src/root";
import { createOrganization } from "../src/services/orgs/create-organization";
import { createTRPCContext, type TActor } from "../src/trpc";

// Tests never write a key file into the repository: every org key is encrypted with this test KEK.
export const TEST_KEK = randomBytes(32);
process.env.EGRESS_KEK = TEST_KEK.toString("base64");

export { uniqueId };

/** A fresh migrated database for one test file (PGlite, or PostgreSQL with EGRESS_TEST_DB=pg). */
export async function openTestDatabase(): Promise<TTestDatabase> {
  return createTestDatabase();
}

export type TTestUser = { id: string; email: string; name: string | null };

/** A user with a unique e-mail. */
export async function createTestUser(db: PrismaClient, opts: { passwordHash?: string; email?: string } = {}): Promise<TTestUser> {
  const id = uniqueId("u");

  return db.user.create({ data: { email: opts.email ?? `${id}@example.test`, name: `User ${id}`, passwordHash: opts.passwordHash ?? null }, select: { id: true, email: true, name: true } });
}

/** An organization created through the real service (keys, default policy, owner). */
export async function createTestOrg(db: PrismaClient, owner: TTestUser) {
  const slug = uniqueId("o");

  return createOrganization({ db, actor: { userId: owner.id, label: owner.email, type: "user" }, input: { slug, name: `Org ${slug}` }, kek: TEST_KEK });
}

/** Adds `user` to `orgId` with `role`; returns the membership id. */
export async function addTestMember(db: PrismaClient, { orgId, user, role }: { orgId: string; user: TTestUser; role: TRole }): Promise<string> {
  const m = await db.membership.create({ data: { orgId, userId: user.id, role } });

  return m.id;
}

/** The actor a service sees for `user` acting with `role` in `orgId`. */
export function actorFor(user: TTestUser, orgId: string, role: TRole): TActor {
  return { userId: user.id, orgId, role, label: user.email, type: "user" };
}

/** A tRPC caller for `user` (null: signed out) asking for `orgId` through the `x-egress-org` header. */
export function callerFor(db: PrismaClient, user: TTestUser | null, orgId?: string) {
  const headers = new Headers(orgId ? { "x-egress-org": orgId } : {});
  const session = user ? { userId: user.id, email: user.email, name: user.name } : null;

  return createCaller(createTRPCContext({ db, session, headers }));
}
