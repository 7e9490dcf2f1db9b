import type { PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";

/** Ends every session of a user: bumps `sessionEpoch`, so sessions carrying an older epoch stop working. */
export async function signOutEverywhere({ db, userId }: { db: PrismaClient; userId: string }): Promise<{ sessionEpoch: number }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { sessionEpoch: { increment: 1 } } });
    await writeAuditEvent(tx, { userId: null, orgId: null, label: user.email, type: "system" }, {
      action: "user.signed_out_everywhere",
      targetType: "user",
      targetId: user.id,
      before: { sessionEpoch: user.sessionEpoch - 1 },
      after: { sessionEpoch: user.sessionEpoch },
    });

    return { sessionEpoch: user.sessionEpoch };
  });
}
