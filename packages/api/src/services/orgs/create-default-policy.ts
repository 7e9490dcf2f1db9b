import type { Prisma } from "@egress/db";
import { defaultPolicyDocument } from "@egress/policy";

/** The policy scope every organization starts with. */
export const DEFAULT_POLICY_SCOPE = "default";

/**
 * Creates the org's `default` policy scope. Without `withStarterDraft` the scope has no draft yet
 * (the editor then starts from the starter document); with it (first run) the draft IS the
 * starter document, `defaultPolicyDocument()`.
 */
export async function createDefaultPolicy({ tx, orgId, actorUserId, withStarterDraft = false }: { tx: Prisma.TransactionClient; orgId: string; actorUserId: string | null; withStarterDraft?: boolean }) {
  const draft = withStarterDraft
    ? { draftDocument: JSON.parse(JSON.stringify(defaultPolicyDocument())) as Prisma.InputJsonValue, draftVersion: 1, draftUpdatedAt: new Date(), draftUpdatedById: actorUserId }
    : {};

  return tx.policy.create({
    data: { orgId, scope: DEFAULT_POLICY_SCOPE, name: "Default", description: "Policy for every device enrolled without a scope", ...draft },
  });
}
