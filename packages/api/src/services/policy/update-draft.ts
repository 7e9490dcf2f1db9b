import { AppError } from "@egress/contracts";
import type { Prisma, PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { TActor } from "../../trpc";
import { ensurePolicy } from "./ensure-policy";
import { importPolicyDocument } from "./policy-engine";

/**
 * Replaces the draft of a scope with a native or cross-provider document (validated; an invalid
 * one is POLICY_INVALID with paths and changes nothing). With `baseVersion`, a draft changed since
 * is CONFLICT naming who changed it; without it (automation), the last writer wins.
 */
export async function updatePolicyDraft(opts: { db: PrismaClient; actor: TActor; scope: string; document: unknown; baseVersion?: number | undefined }) {
  const { db, actor, scope, baseVersion } = opts;
  const { document, report } = importPolicyDocument(opts.document);

  return db.$transaction(async (tx) => {
    const policy = await ensurePolicy({ tx, orgId: actor.orgId, scope });
    const updated = await tx.policy.updateMany({
      where: { id: policy.id, orgId: actor.orgId, ...(baseVersion === undefined ? {} : { draftVersion: baseVersion }) },
      data: { draftDocument: document as Prisma.InputJsonValue, draftVersion: { increment: 1 }, draftUpdatedAt: new Date(), draftUpdatedById: actor.userId },
    });
    if (updated.count === 0) {
      const current = await tx.policy.findUniqueOrThrow({ where: { id: policy.id }, include: { draftUpdatedBy: { select: { email: true } } } });
      const who = current.draftUpdatedBy?.email ?? "an API token";
      throw new AppError("CONFLICT", `draft of \`${scope}\` was changed by \`${who}\` (version ${current.draftVersion}, you edited ${baseVersion ?? "?"}): reload it and apply your change again`);
    }
    const { draftVersion } = await tx.policy.findUniqueOrThrow({ where: { id: policy.id }, select: { draftVersion: true } });
    await writeAuditEvent(tx, actor, { action: "policy.draft_updated", targetType: "policy", targetId: policy.id, after: { scope, draftVersion, imported: report.length > 0 } });

    return { draftVersion, report };
  });
}
