import { AppError } from "@egress/contracts";
import type { Prisma, PrismaClient } from "@egress/db";
import { defaultPolicyDocument } from "@egress/policy";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { TActor } from "../../trpc";
import { getKek } from "../keys/kek";
import { ensurePolicy } from "../policy/ensure-policy";
import { assertPolicyTestsPass, validatePolicyDocument } from "../policy/policy-engine";
import { createRevision, type TPublishResult } from "../publish/create-revision";
import { createSnapshot, lockPolicy } from "../publish/create-snapshot";
import { addToDocument } from "./add-to-document";

/** A decision on an access request. */
export type TDecideAccessRequestInput = { requestId: string; decision: "approve" | "deny"; note?: string | undefined; allowUntil?: Date | undefined };

/**
 * Approves or denies a pending request (deny needs a reason). A permanent approval adds the host
 * or connector to the draft; a temporary one (`allowUntil`) is kept as a server-side grant that
 * snapshots carry until it lapses. With `org.directPublishOnApprove` the change also goes out at
 * once: the PUBLISHED document plus the grant becomes a new revision (other draft edits are not
 * published), or, for a temporary grant, the current revision is re-signed with it.
 */
export async function decideAccessRequest(opts: { db: PrismaClient; actor: TActor; input: TDecideAccessRequestInput; kek?: Buffer; now?: Date }) {
  const { db, actor, input } = opts;
  const now = opts.now ?? new Date();
  if (input.decision === "deny" && !input.note?.trim()) throw new AppError("BAD_REQUEST", "a denial needs a reason the developer can read", [{ path: "note", message: "required" }]);
  if (input.allowUntil && input.allowUntil <= now) throw new AppError("BAD_REQUEST", "`allowUntil` must be in the future", [{ path: "allowUntil", message: "in the past" }]);

  return db.$transaction(async (tx) => {
    const request = await tx.accessRequest.findFirst({ where: { id: input.requestId, orgId: actor.orgId }, include: { device: { select: { scope: true } } } });
    if (!request) throw new AppError("NOT_FOUND", `request \`${input.requestId}\` not found`);
    if (request.status !== "pending") throw new AppError("CONFLICT", `request was already ${request.status}`);
    const decided = { decidedById: actor.userId, decidedAt: now, decisionNote: input.note ?? null };
    if (input.decision === "deny") {
      const updated = await tx.accessRequest.update({ where: { id: request.id }, data: { ...decided, status: "denied" } });
      await writeAuditEvent(tx, actor, { action: "access_request.denied", targetType: "access_request", targetId: request.id, after: { kind: request.kind, target: request.target, note: input.note } });

      return { request: updated, published: null, draftChanged: false };
    }
    const scope = request.device?.scope ?? "default";
    const policy = await ensurePolicy({ tx, orgId: actor.orgId, scope });
    await lockPolicy({ tx, policyId: policy.id });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { directPublishOnApprove: true } });
    let published: TPublishResult | { snapshotVersion: number } | null = null;
    let draftChanged = false;
    await tx.accessRequest.update({ where: { id: request.id }, data: { ...decided, status: "approved", allowUntil: input.allowUntil ?? null } });
    if (!input.allowUntil && request.kind !== "command") {
      const draft = addToDocument(policy.draftDocument ?? (await getPublishedDocument(tx, policy.id)) ?? defaultPolicyDocument(), request);
      validatePolicyDocument(draft);
      await tx.policy.update({ where: { id: policy.id }, data: { draftDocument: draft as Prisma.InputJsonValue, draftVersion: { increment: 1 }, draftUpdatedAt: now, draftUpdatedById: actor.userId } });
      draftChanged = true;
      if (org.directPublishOnApprove) {
        const document = addToDocument((await getPublishedDocument(tx, policy.id)) ?? draft, request);
        assertPolicyTestsPass(validatePolicyDocument(document));
        published = await createRevision({ tx, actor, policyId: policy.id, document, note: `approved request: ${request.kind} \`${request.target}\``, kek: opts.kek ?? getKek() });
      }
    } else if (input.allowUntil && org.directPublishOnApprove) {
      const latest = await tx.snapshot.findFirst({ where: { orgId: actor.orgId, scope }, orderBy: { version: "desc" }, select: { revisionId: true } });
      if (latest) published = { snapshotVersion: (await createSnapshot({ tx, orgId: actor.orgId, policyId: policy.id, revisionId: latest.revisionId, kek: opts.kek ?? getKek(), now })).version };
    }
    const revisionId = published && "revision" in published ? published.revision.id : null;
    const updated = await tx.accessRequest.update({ where: { id: request.id }, data: { revisionId } });
    await writeAuditEvent(tx, actor, {
      action: "access_request.approved",
      targetType: "access_request",
      targetId: request.id,
      after: { kind: request.kind, target: request.target, scope, allowUntil: input.allowUntil ?? null, note: input.note ?? null, draftChanged, published },
    });

    return { request: updated, published, draftChanged };
  });
}

async function getPublishedDocument(tx: Prisma.TransactionClient, policyId: string): Promise<unknown> {
  const revision = await tx.policyRevision.findFirst({ where: { policyId, status: "published" }, orderBy: { publishedAt: "desc" }, select: { document: true } });

  return revision?.document ?? null;
}
