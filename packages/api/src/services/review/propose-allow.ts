import { AppError } from "@egress/contracts";
import type { Prisma, PrismaClient } from "@egress/db";
import { defaultPolicyDocument } from "@egress/policy";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { TActor } from "../../trpc";
import { getKek } from "../keys/kek";
import { ensurePolicy } from "../policy/ensure-policy";
import { validatePolicyDocument } from "../policy/policy-engine";
import { createSnapshot, lockPolicy } from "../publish/create-snapshot";
import { addToDocument } from "../requests/add-to-document";
import { getEventGroupRow } from "./get-event-group";

export type TProposeAllowInput = { groupId: string; scope: string; target?: string | undefined; allowUntil?: Date | undefined; justification: string };

/** What "allow this" would add for a group: its host, or its connector's name. Commands and tools need a policy edit. */
export function allowTargetOf(group: { kind: string; groupKey: string }): { kind: "host" | "connector"; target: string } | null {
  if (group.kind === "host") return { kind: "host", target: group.groupKey };
  if (group.kind === "connector") return { kind: "connector", target: group.groupKey.slice("connector:".length) };

  return null;
}

/**
 * "Allow this" on a review group. Without `allowUntil` the host or connector goes into the scope's
 * DRAFT (validated), to be published through the policy lifecycle. With `allowUntil` it becomes a
 * temporary grant (an approved console request: the mechanism `requests.decide` uses), carried by
 * snapshots until it lapses; it reaches devices with the next publish, or at once when the org
 * publishes approvals directly. The group is marked allowed. One transaction, audited.
 */
export async function proposeAllow(opts: { db: PrismaClient; actor: TActor; input: TProposeAllowInput; kek?: Buffer; now?: Date }) {
  const { db, actor, input } = opts;
  const now = opts.now ?? new Date();
  const justification = input.justification.trim();
  if (!justification) throw new AppError("BAD_REQUEST", "say why this should be allowed", [{ path: "justification", message: "required" }]);
  if (input.allowUntil && input.allowUntil <= now) throw new AppError("BAD_REQUEST", "`allowUntil` must be in the future", [{ path: "allowUntil", message: "in the past" }]);
  if (input.allowUntil && input.scope !== "default") throw new AppError("BAD_REQUEST", "temporary allows from the review queue apply to the `default` scope: for another scope, allow it permanently in its draft", [{ path: "scope", message: "default only" }]);

  return db.$transaction(async (tx) => {
    const group = await getEventGroupRow({ db: tx, orgId: actor.orgId, groupId: input.groupId });
    const derived = allowTargetOf(group);
    if (!derived) throw new AppError("BAD_REQUEST", `a ${group.kind} group cannot be allowed from the queue: edit the policy's shell or tool rules instead`);
    const grant = { kind: derived.kind, target: input.target?.trim() || derived.target };
    const result = input.allowUntil ? await grantTemporarily(tx, actor, grant, input.allowUntil, justification, now, opts.kek) : await addToDraft(tx, actor, input.scope, grant, now);
    await tx.eventGroup.update({
      where: { id: group.id },
      data: { triageState: "allowed", triageNote: justification, triagedById: actor.userId, triagedByLabel: actor.label, triagedAt: now, countAtTriage: group.eventCount },
    });
    await writeAuditEvent(tx, actor, {
      action: "event_group.allow_proposed",
      targetType: "event_group",
      targetId: group.id,
      before: { state: group.triageState },
      after: { groupKey: group.groupKey, ...grant, scope: input.scope, allowUntil: input.allowUntil ?? null, justification, ...result },
    });

    return { ...grant, scope: input.scope, ...result };
  });
}

async function addToDraft(tx: Prisma.TransactionClient, actor: TActor, scope: string, grant: { kind: string; target: string }, now: Date) {
  const { id } = await ensurePolicy({ tx, orgId: actor.orgId, scope });
  await lockPolicy({ tx, policyId: id });
  const policy = await tx.policy.findUniqueOrThrow({ where: { id } });
  const published = await tx.policyRevision.findFirst({ where: { policyId: id, status: "published" }, orderBy: { publishedAt: "desc" }, select: { document: true } });
  const draft = addToDocument(policy.draftDocument ?? published?.document ?? defaultPolicyDocument(), grant);
  validatePolicyDocument(draft);
  const updated = await tx.policy.update({
    where: { id },
    data: { draftDocument: draft as Prisma.InputJsonValue, draftVersion: { increment: 1 }, draftUpdatedAt: now, draftUpdatedById: actor.userId },
    select: { draftVersion: true },
  });
  await writeAuditEvent(tx, actor, { action: "policy.draft_updated", targetType: "policy", targetId: id, after: { scope, draftVersion: updated.draftVersion, source: "review", added: grant } });

  return { mode: "draft" as const, draftVersion: updated.draftVersion, requestId: null, snapshotVersion: null };
}

async function grantTemporarily(tx: Prisma.TransactionClient, actor: TActor, grant: { kind: string; target: string }, allowUntil: Date, justification: string, now: Date, kek: Buffer | undefined) {
  validatePolicyDocument(addToDocument(defaultPolicyDocument(), grant));
  const request = await tx.accessRequest.create({
    data: { orgId: actor.orgId, requesterId: actor.userId, kind: grant.kind, target: grant.target, reason: justification, status: "approved", decidedById: actor.userId, decidedAt: now, decisionNote: justification, allowUntil },
  });
  const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.orgId }, select: { directPublishOnApprove: true } });
  let snapshotVersion: number | null = null;
  if (org.directPublishOnApprove) {
    const policy = await ensurePolicy({ tx, orgId: actor.orgId, scope: "default" });
    await lockPolicy({ tx, policyId: policy.id });
    const latest = await tx.snapshot.findFirst({ where: { orgId: actor.orgId, scope: "default" }, orderBy: { version: "desc" }, select: { revisionId: true } });
    if (latest) snapshotVersion = (await createSnapshot({ tx, orgId: actor.orgId, policyId: policy.id, revisionId: latest.revisionId, kek: kek ?? getKek(), now })).version;
  }
  await writeAuditEvent(tx, actor, { action: "access_request.approved", targetType: "access_request", targetId: request.id, after: { ...grant, scope: "default", allowUntil, source: "review", snapshotVersion } });

  return { mode: "grant" as const, draftVersion: null, requestId: request.id, snapshotVersion };
}
