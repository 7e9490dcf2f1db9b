import { z } from "zod";
import { AppError } from "@egress/contracts";
import { Prisma, type PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { writeAuditEvent } from "../audit/write-audit-event";
import { createDefaultPolicy } from "./create-default-policy";
import { createOrgSigningKeys } from "./create-org-signing-keys";
import { parseInput } from "./parse-input";
import { toOrganization, ZOrgNameSchema, ZOrgSlugSchema, type TOrganization } from "./org-schemas";

export const ZCreateOrganizationInputSchema = z.object({ slug: ZOrgSlugSchema, name: ZOrgNameSchema }).strict();
export type TCreateOrganizationInput = z.input<typeof ZCreateOrganizationInputSchema>;

/** Who creates an organization: a signed-in user (who becomes its owner) or the system (operator command, first run). */
export type TCreatorActor = { userId: string | null; label: string; type: TActor["type"] };

type TCreateOrganizationOptions = {
  db: PrismaClient;
  actor: TCreatorActor;
  input: TCreateOrganizationInput;
  /** The first owner; defaults to the acting user. None (system actor): an org without members. */
  ownerUserId?: string | null;
  /** Key-encryption key for the org's private keys; defaults to `getKek()`. */
  kek?: Buffer;
  /** Start the `default` scope with the starter document as its draft (first run). */
  withStarterDraft?: boolean;
};

const slugTaken = (slug: string) => new AppError("CONFLICT", `organization slug \`${slug}\` is already taken: choose another one`, [{ path: "slug", message: "already taken" }]);

/**
 * Creates an organization with its owner membership, its root and snapshot-signing keys and its
 * `default` policy scope, in one transaction with one audit event. A taken slug is CONFLICT.
 */
export async function createOrganization({ db, ...opts }: TCreateOrganizationOptions): Promise<TOrganization> {
  const { slug } = parseInput(ZCreateOrganizationInputSchema, opts.input);
  if (await db.organization.findUnique({ where: { slug }, select: { id: true } })) throw slugTaken(slug);

  try {
    return await db.$transaction(async (tx) => createOrganizationInTx({ tx, ...opts }));
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw slugTaken(slug);
    throw error;
  }
}

/** createOrganization inside a caller's transaction (first run creates its owner in the same one). */
export async function createOrganizationInTx({ tx, actor, input, ownerUserId = actor.userId, kek, withStarterDraft }: Omit<TCreateOrganizationOptions, "db"> & { tx: Prisma.TransactionClient }): Promise<TOrganization> {
  const { slug, name } = parseInput(ZCreateOrganizationInputSchema, input);
  const org = await tx.organization.create({ data: { slug, name } });
  if (ownerUserId) await tx.membership.create({ data: { orgId: org.id, userId: ownerUserId, role: "owner" } });
  await createOrgSigningKeys({ tx, orgId: org.id, orgSlug: org.slug, kek });
  await createDefaultPolicy({ tx, orgId: org.id, actorUserId: actor.userId, withStarterDraft });
  await writeAuditEvent(tx, { ...actor, orgId: org.id }, {
    action: "org.created",
    targetType: "organization",
    targetId: org.id,
    after: { slug, name, ownerUserId: ownerUserId ?? null },
  });

  return toOrganization(org);
}
