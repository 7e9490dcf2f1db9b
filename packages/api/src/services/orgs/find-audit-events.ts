import { z } from "zod";
import type { Prisma, PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { parseInput } from "./parse-input";

export const ZFindAuditEventsInputSchema = z
  .object({
    /** A user id or an actor label (e-mail, `api-token:<name>`, `admin-cli`). */
    actor: z.string().trim().min(1).max(200).optional(),
    /** An action (`member.removed`) or a prefix of one (`member.`). */
    action: z.string().trim().min(1).max(100).optional(),
    from: z.date().optional(),
    to: z.date().optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TFindAuditEventsInput = z.input<typeof ZFindAuditEventsInputSchema>;

export type TAuditEventRow = {
  id: string;
  createdAt: Date;
  actorType: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
};

const encodeCursor = (row: { createdAt: Date; id: string }) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string): Prisma.AuditEventWhereInput {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) return { id: "__invalid_cursor__" };

  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

/** Audit events of the actor's organization, newest first, filtered, with keyset pagination (`nextCursor`). */
export async function findAuditEvents({ db, actor, input }: { db: PrismaClient; actor: Pick<TActor, "orgId">; input: TFindAuditEventsInput }) {
  const { actor: who, action, from, to, cursor, limit } = parseInput(ZFindAuditEventsInputSchema, input);
  const where: Prisma.AuditEventWhereInput = {
    orgId: actor.orgId,
    ...(who ? { OR: [{ actorUserId: who }, { actorLabel: who }] } : {}),
    ...(action ? { action: action.endsWith(".") ? { startsWith: action } : action } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    ...(cursor ? { AND: [decodeCursor(cursor)] } : {}),
  };
  const rows = await db.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items: TAuditEventRow[] = page.map(({ id, createdAt, actorType, actorUserId, actorLabel, action: a, targetType, targetId, before, after }) => ({
    id, createdAt, actorType, actorUserId, actorLabel, action: a, targetType, targetId, before, after,
  }));

  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
