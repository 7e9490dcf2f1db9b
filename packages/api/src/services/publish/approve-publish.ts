import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { TActor } from "../../trpc";
import { getKek } from "../keys/kek";
import { createSnapshot, lockPolicy } from "./create-snapshot";
import type { TPublishResult } from "./create-revision";

/**
 * Second-approver rule: a person other than the one who asked to publish approves a
 * `pending_approval` revision, which is then signed as the next snapshot. Another org's revision is NOT_FOUND.
 */
export async function approvePublish(opts: { db: PrismaClient; actor: TActor; revisionId: string; kek?: Buffer }): Promise<TPublishResult> {
  const { db, actor, revisionId } = opts;
  if (!actor.userId) throw new AppError("FORBIDDEN", "a publish must be approved by a person signed in to the console");
  const kek = opts.kek ?? getKek();

  return db.$transaction(async (tx) => {
    const found = await tx.policyRevision.findFirst({ where: { id: revisionId, orgId: actor.orgId } });
    if (!found) throw new AppError("NOT_FOUND", `revision \`${revisionId}\` not found`);
    await lockPolicy({ tx, policyId: found.policyId });
    const revision = await tx.policyRevision.findUniqueOrThrow({ where: { id: revisionId } });
    if (revision.status !== "pending_approval") throw new AppError("CONFLICT", `revision ${revision.number} is \`${revision.status}\`, not waiting for approval`);
    if (revision.createdById === actor.userId) throw new AppError("FORBIDDEN", "you cannot approve your own publish: another admin must approve it");
    const now = new Date();
    await tx.policyRevision.update({ where: { id: revision.id }, data: { status: "published", approvedById: actor.userId, publishedAt: now } });
    const snapshot = await createSnapshot({ tx, orgId: actor.orgId, policyId: revision.policyId, revisionId: revision.id, kek, now });
    await writeAuditEvent(tx, actor, {
      action: "policy.publish_approved",
      targetType: "policy_revision",
      targetId: revision.id,
      after: { number: revision.number, snapshotVersion: snapshot.version },
    });

    return {
      status: "published",
      revision: { id: revision.id, number: revision.number },
      snapshot: { version: snapshot.version, issuedAt: snapshot.issuedAt.toISOString(), expiresAt: snapshot.expiresAt.toISOString(), digest: snapshot.digest },
    };
  });
}
