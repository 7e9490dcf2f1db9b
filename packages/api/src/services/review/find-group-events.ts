import { AppError } from "@egress/contracts";
import type { Prisma, PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { getEventGroupRow } from "./get-event-group";

/** Reads a `<occurredAt ISO>|<id>` keyset cursor. */
function decodeEventCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id) throw new AppError("BAD_REQUEST", "cursor is not valid: start again without it");

  return { at: date, id };
}

/**
 * The blocks and warnings of one group, newest first, keyset-paginated on the
 * `(orgId, groupKey, occurredAt)` index. Excerpts are the redacted ones stored at ingest.
 */
export async function findGroupEvents({ db, actor, input }: { db: PrismaClient; actor: TActor; input: { groupId: string; cursor?: string | undefined; limit: number } }) {
  const group = await getEventGroupRow({ db, orgId: actor.orgId, groupId: input.groupId });
  const after = input.cursor ? decodeEventCursor(input.cursor) : null;
  const where: Prisma.BlockEventWhereInput = {
    orgId: actor.orgId,
    groupKey: group.groupKey,
    type: { in: ["egress_block", "egress_warn"] },
    ...(after ? { OR: [{ occurredAt: { lt: after.at } }, { occurredAt: after.at, id: { lt: after.id } }] } : {}),
  };
  const rows = await db.blockEvent.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true,
      occurredAt: true,
      receivedAt: true,
      type: true,
      decision: true,
      agent: true,
      tool: true,
      destination: true,
      rule: true,
      reason: true,
      excerpt: true,
      userName: true,
      policyVersion: true,
      device: { select: { id: true, name: true, owner: { select: { email: true } } } },
    },
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];

  return {
    events: page.map(({ device, ...event }) => ({ ...event, device: { id: device.id, name: device.name, ownerEmail: device.owner?.email ?? null } })),
    nextCursor: rows.length > input.limit && last ? Buffer.from(`${last.occurredAt.toISOString()}|${last.id}`).toString("base64url") : null,
  };
}
