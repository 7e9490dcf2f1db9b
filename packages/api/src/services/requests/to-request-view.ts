import type { TAccessRequestView } from "@egress/contracts";
import type { AccessRequest } from "@egress/db";

/** What the developer sees of a request (REST and CLI). */
export function toRequestView(row: AccessRequest): TAccessRequestView {
  return {
    id: row.id,
    kind: row.kind as TAccessRequestView["kind"],
    target: row.target,
    reason: row.reason,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    allowUntil: row.allowUntil?.toISOString() ?? null,
  };
}
