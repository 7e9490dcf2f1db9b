import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { getKek } from "../keys/kek";
import { assertScope } from "../policy/ensure-policy";
import { assertPolicyTestsPass, validatePolicyDocument } from "../policy/policy-engine";
import { createRevision, type TPublishResult } from "./create-revision";

/**
 * Publishes the draft of a scope: validates it (POLICY_INVALID with paths), runs its policy tests
 * (POLICY_TESTS_FAILED with the failing tests), then creates the next revision and, unless the org
 * requires a second approver (then `pending_approval`), the next signed snapshot.
 */
export async function publishPolicy(opts: { db: PrismaClient; actor: TActor; scope: string; note?: string | undefined; kek?: Buffer }): Promise<TPublishResult> {
  const { db, actor, scope, note } = opts;
  assertScope(scope);
  const policy = await db.policy.findUnique({ where: { orgId_scope: { orgId: actor.orgId, scope } } });
  if (!policy?.draftDocument) throw new AppError("NOT_FOUND", `scope \`${scope}\` has no draft to publish: save a draft first`);
  assertPolicyTestsPass(validatePolicyDocument(policy.draftDocument));
  const kek = opts.kek ?? getKek();

  return db.$transaction(async (tx) => createRevision({ tx, actor, policyId: policy.id, document: policy.draftDocument, note, kek }));
}
