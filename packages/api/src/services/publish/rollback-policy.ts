import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import type { TActor } from "../../trpc";
import { getKek } from "../keys/kek";
import { assertScope } from "../policy/ensure-policy";
import { assertPolicyTestsPass, validatePolicyDocument } from "../policy/policy-engine";
import { createRevision, type TPublishResult } from "./create-revision";

/**
 * Rollback = publish an earlier revision's document again as a NEW revision and a NEW (higher)
 * snapshot version, so devices (which refuse lower versions) move on to it. Same approval rule as publish.
 */
export async function rollbackPolicy(opts: { db: PrismaClient; actor: TActor; scope: string; revisionNumber: number; note?: string | undefined; kek?: Buffer }): Promise<TPublishResult> {
  const { db, actor, scope, revisionNumber } = opts;
  assertScope(scope);
  const old = await db.policyRevision.findFirst({ where: { orgId: actor.orgId, policy: { scope }, number: revisionNumber } });
  if (!old) throw new AppError("NOT_FOUND", `revision ${revisionNumber} of scope \`${scope}\` not found`);
  if (old.status !== "published") throw new AppError("CONFLICT", `revision ${revisionNumber} was never published (\`${old.status}\`): only published revisions can be rolled back to`);
  assertPolicyTestsPass(validatePolicyDocument(old.document));
  const kek = opts.kek ?? getKek();
  const note = opts.note ?? `rollback to revision ${revisionNumber}`;

  return db.$transaction(async (tx) => createRevision({ tx, actor, policyId: old.policyId, document: old.document, note, rollbackOfId: old.id, kek }));
}
