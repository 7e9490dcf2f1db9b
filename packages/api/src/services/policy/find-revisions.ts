import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { assertScope } from "./ensure-policy";

/** The revisions of a scope, newest first, with who created and approved each and its snapshot versions. */
export async function findPolicyRevisions({ db, actor, scope, limit = 50 }: { db: PrismaClient; actor: TActor; scope: string; limit?: number }) {
  assertScope(scope);
  const rows = await db.policyRevision.findMany({
    where: { orgId: actor.orgId, policy: { scope } },
    orderBy: { number: "desc" },
    take: limit,
    select: {
      id: true,
      number: true,
      status: true,
      note: true,
      digest: true,
      createdAt: true,
      publishedAt: true,
      rollbackOfId: true,
      createdBy: { select: { email: true } },
      approvedBy: { select: { email: true } },
      snapshots: { select: { version: true }, orderBy: { version: "asc" } },
    },
  });

  return rows.map(({ createdBy, approvedBy, snapshots, ...row }) => ({
    ...row,
    createdBy: createdBy?.email ?? null,
    approvedBy: approvedBy?.email ?? null,
    snapshotVersions: snapshots.map((s) => s.version),
  }));
}
