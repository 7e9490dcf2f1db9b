import type { Prisma } from "@egress/db";
import type { TActor } from "../../trpc";

/** A transaction client or the root client: audit events are written inside the mutation's transaction. */
export type TDbTx = Prisma.TransactionClient;

/** Audit actions are `domain.verb` (e.g. `member.role_changed`, `policy.published`). */
export type TAuditInput = {
  action: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  requestId?: string;
};

const toJson = (value: unknown): Prisma.InputJsonValue | undefined =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/**
 * Writes one audit event. Call it with the `tx` of the mutation it records so both commit or
 * neither does. Never pass secrets in before/after.
 */
export async function writeAuditEvent(tx: TDbTx, actor: Pick<TActor, "userId" | "orgId" | "label" | "type"> | { userId: null; orgId: string | null; label: string; type: "system" }, input: TAuditInput) {
  return tx.auditEvent.create({
    data: {
      orgId: actor.orgId,
      actorType: actor.type,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      before: toJson(input.before),
      after: toJson(input.after),
      requestId: input.requestId ?? null,
    },
  });
}
