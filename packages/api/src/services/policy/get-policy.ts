import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { assertScope } from "./ensure-policy";

/** The draft of a scope (null if never written), its version for optimistic concurrency, and what is published. */
export async function getPolicy({ db, actor, scope }: { db: PrismaClient; actor: TActor; scope: string }) {
  assertScope(scope);
  const policy = await db.policy.findUnique({
    where: { orgId_scope: { orgId: actor.orgId, scope } },
    include: { draftUpdatedBy: { select: { email: true, name: true } } },
  });
  if (!policy) return { scope, draft: null, draftVersion: 0, draftUpdatedAt: null, draftUpdatedBy: null, published: null, pending: [] };
  const [published, snapshot, pending] = await Promise.all([
    db.policyRevision.findFirst({ where: { orgId: actor.orgId, policyId: policy.id, status: "published" }, orderBy: { publishedAt: "desc" } }),
    db.snapshot.findFirst({ where: { orgId: actor.orgId, scope }, orderBy: { version: "desc" }, select: { version: true, issuedAt: true, expiresAt: true, revisionId: true } }),
    db.policyRevision.findMany({ where: { orgId: actor.orgId, policyId: policy.id, status: "pending_approval" }, orderBy: { number: "desc" }, select: { id: true, number: true, createdById: true, createdAt: true, note: true } }),
  ]);

  return {
    scope,
    draft: policy.draftDocument,
    draftVersion: policy.draftVersion,
    draftUpdatedAt: policy.draftUpdatedAt,
    draftUpdatedBy: policy.draftUpdatedBy?.email ?? null,
    published: published
      ? {
          revisionId: published.id,
          revision: published.number,
          document: published.document,
          publishedAt: published.publishedAt,
          snapshotVersion: snapshot?.version ?? null,
          snapshotExpiresAt: snapshot?.expiresAt ?? null,
        }
      : null,
    pending,
  };
}
