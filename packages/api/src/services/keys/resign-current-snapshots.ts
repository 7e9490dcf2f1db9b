import type { Prisma } from "@egress/db";
import { createSnapshot, lockPolicy } from "../publish/create-snapshot";

/** Re-signs the latest snapshot of every scope of an org (same revision, next version), after a key change. */
export async function resignCurrentSnapshots(opts: { tx: Prisma.TransactionClient; orgId: string; kek: Buffer }) {
  const { tx, orgId, kek } = opts;
  const latest = await tx.snapshot.findMany({
    where: { orgId },
    distinct: ["scope"],
    orderBy: [{ scope: "asc" }, { version: "desc" }],
    select: { scope: true, policyId: true, revisionId: true },
  });
  const resigned: { scope: string; version: number }[] = [];
  for (const snapshot of latest) {
    await lockPolicy({ tx, policyId: snapshot.policyId });
    const next = await createSnapshot({ tx, orgId, policyId: snapshot.policyId, revisionId: snapshot.revisionId, kek });
    resigned.push({ scope: snapshot.scope, version: next.version });
  }

  return resigned;
}
