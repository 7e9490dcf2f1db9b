import type { PrismaClient, Role } from "../generated/prisma/client";
import { uniqueId } from "../testing";

/** Creates a user with a unique e-mail (tests and e2e fixtures). */
export async function seedUser(prisma: PrismaClient, opts: { email?: string; name?: string; passwordHash?: string } = {}) {
  const id = uniqueId("u");

  return prisma.user.create({
    data: { email: opts.email ?? `${id}@example.test`, name: opts.name ?? `User ${id}`, passwordHash: opts.passwordHash ?? null },
  });
}

/** Creates an organization with a unique slug. */
export async function seedOrg(prisma: PrismaClient, opts: { slug?: string; name?: string } = {}) {
  const id = uniqueId("o");

  return prisma.organization.create({ data: { slug: opts.slug ?? id, name: opts.name ?? `Org ${id}` } });
}

/** Adds a user to an organization with a role. */
export async function seedMembership(prisma: PrismaClient, opts: { userId: string; orgId: string; role: Role }) {
  return prisma.membership.create({ data: opts });
}
