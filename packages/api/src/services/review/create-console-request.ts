import type { PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { TActor } from "../../trpc";

export type TCreateConsoleRequestInput = { kind: "host" | "connector" | "command"; target: string; reason: string };

/** Files an access request from the console (no device: it applies to the `default` scope). Audited. */
export async function createConsoleRequest({ db, actor, input }: { db: PrismaClient; actor: TActor; input: TCreateConsoleRequestInput }) {
  return db.$transaction(async (tx) => {
    const request = await tx.accessRequest.create({
      data: { orgId: actor.orgId, requesterId: actor.userId, kind: input.kind, target: input.target.trim(), reason: input.reason.trim() },
    });
    await writeAuditEvent(tx, actor, { action: "access_request.created", targetType: "access_request", targetId: request.id, after: { kind: request.kind, target: request.target, source: "console" } });

    return request;
  });
}
