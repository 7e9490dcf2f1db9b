import type { Prisma } from "@egress/db";
import { defaultPolicyDocument } from "@egress/policy";

/** The policy scope every organization starts with. */
export const DEFAULT_POLICY_SCOPE = "default";

/** Creates the org's `default` policy scope with the default policy document as its draft. */
export async function createDefaultPolicy({ tx, orgId, actorUserId }: { tx: Prisma.TransactionClient; orgId: string; actorUserId: string | null }) {
  const draftDocument = JSON.parse(JSON.stringify(defaultPolicyDocument())) as Prisma.InputJsonValue;

  return tx.policy.create({
    data: {
      orgId,
      scope: DEFAULT_POLICY_SCOPE,
      name: "Default",
      description: "Policy for every device enrolled without a scope",
      draftDocument,
      draftVersion: 1,
      draftUpdatedAt: new Date(),
      draftUpdatedById: actorUserId,
    },
  });
}
