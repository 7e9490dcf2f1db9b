import { createHash } from "node:crypto";
import type { Prisma } from "@egress/db";
import { canonicalPayload } from "@egress/snapshot/sign";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { TActor } from "../../trpc";
import { createSnapshot, lockPolicy } from "./create-snapshot";

/** What a publish answers: the revision, and its snapshot unless it waits for a second approver. */
export type TPublishResult = {
  status: "published" | "pending_approval";
  revision: { id: string; number: number };
  snapshot: { version: number; issuedAt: string; expiresAt: string; digest: string } | null;
};

/**
 * Creates the next immutable revision of a policy (already validated and tested by the caller)
 * and, unless the org requires a second approver, signs it as the next snapshot. Audited in `tx`.
 */
export async function createRevision(opts: {
  tx: Prisma.TransactionClient;
  actor: TActor;
  policyId: string;
  document: unknown;
  note?: string | undefined;
  rollbackOfId?: string;
  kek: Buffer;
}): Promise<TPublishResult> {
  const { tx, actor, policyId, document, kek } = opts;
  await lockPolicy({ tx, policyId });
  const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { requirePublishApproval: true } });
  const last = await tx.policyRevision.findFirst({ where: { policyId }, orderBy: { number: "desc" }, select: { number: true } });
  const isPending = org.requirePublishApproval;
  const now = new Date();
  const revision = await tx.policyRevision.create({
    data: {
      orgId: actor.orgId,
      policyId,
      number: (last?.number ?? 0) + 1,
      document: document as Prisma.InputJsonValue,
      digest: createHash("sha256").update(canonicalPayload(document)).digest("hex"),
      note: opts.note ?? null,
      status: isPending ? "pending_approval" : "published",
      rollbackOfId: opts.rollbackOfId ?? null,
      createdById: actor.userId,
      publishedAt: isPending ? null : now,
    },
  });
  const snapshot = isPending ? null : await createSnapshot({ tx, orgId: actor.orgId, policyId, revisionId: revision.id, kek, now });
  await writeAuditEvent(tx, actor, {
    action: opts.rollbackOfId ? "policy.rolled_back" : isPending ? "policy.publish_requested" : "policy.published",
    targetType: "policy_revision",
    targetId: revision.id,
    after: { number: revision.number, status: revision.status, snapshotVersion: snapshot?.version ?? null, rollbackOfId: opts.rollbackOfId ?? null, note: opts.note ?? null },
  });

  return {
    status: isPending ? "pending_approval" : "published",
    revision: { id: revision.id, number: revision.number },
    snapshot: snapshot && { version: snapshot.version, issuedAt: snapshot.issuedAt.toISOString(), expiresAt: snapshot.expiresAt.toISOString(), digest: snapshot.digest },
  };
}
