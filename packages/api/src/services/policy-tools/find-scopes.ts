import type { PrismaClient } from "@egress/db";
import { parsePolicyDocument } from "@egress/policy";
import type { TActor } from "../../trpc";

/**
 * The org's policy scopes (e.g. `default`, `contractors`), each with its published revision, mode,
 * snapshot version, who published it when, and how many devices are assigned to it.
 */
export async function findPolicyScopes({ db, actor }: { db: PrismaClient; actor: TActor }) {
  const policies = await db.policy.findMany({
    where: { orgId: actor.orgId },
    orderBy: { scope: "asc" },
    select: {
      id: true,
      scope: true,
      name: true,
      description: true,
      draftVersion: true,
      draftUpdatedAt: true,
      draftUpdatedBy: { select: { email: true } },
      _count: { select: { devices: { where: { revokedAt: null } } } },
      revisions: {
        where: { status: "published" },
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, document: true, publishedAt: true, note: true, createdBy: { select: { email: true } }, approvedBy: { select: { email: true } }, snapshots: { select: { version: true }, orderBy: { version: "desc" }, take: 1 } },
      },
    },
  });

  return policies.map((p) => {
    const published = p.revisions[0];
    const parsed = published ? parsePolicyDocument(published.document) : null;

    return {
      scope: p.scope,
      name: p.name,
      description: p.description,
      draftVersion: p.draftVersion,
      draftUpdatedAt: p.draftUpdatedAt,
      draftUpdatedBy: p.draftUpdatedBy?.email ?? null,
      devices: p._count.devices,
      published: published
        ? {
            revision: published.number,
            mode: parsed?.ok ? parsed.policy.mode : null,
            snapshotVersion: published.snapshots[0]?.version ?? null,
            publishedAt: published.publishedAt,
            publishedBy: published.createdBy?.email ?? null,
            approvedBy: published.approvedBy?.email ?? null,
            note: published.note,
          }
        : null,
    };
  });
}
