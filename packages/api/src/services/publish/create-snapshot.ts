import { AppError } from "@egress/contracts";
import type { Prisma } from "@egress/db";
import type { TSnapshotDocument } from "@egress/snapshot";
import { signSnapshot, SnapshotSigningError } from "@egress/snapshot/sign";
import { loadSnapshotSigner } from "../keys/load-org-keys";
import { validatePolicyDocument } from "../policy/policy-engine";
import { getEnvelopeDigest } from "./digest";
import { applyGrants, findActiveGrants } from "./temporary-grants";

/** Serializes publishes of one policy (and so of one org + scope): the row lock holds until the transaction ends. */
export async function lockPolicy({ tx, policyId }: { tx: Prisma.TransactionClient; policyId: string }): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Policy" WHERE id = ${policyId} FOR UPDATE`;
}

/**
 * Signs a revision's document (plus active temporary grants) as the next snapshot of its scope:
 * version = highest so far + 1 (the caller holds {@link lockPolicy}; the unique index backs it up),
 * expiry = now + the org's snapshot TTL, signed with the current snapshot key.
 */
export async function createSnapshot(opts: {
  tx: Prisma.TransactionClient;
  orgId: string;
  policyId: string;
  revisionId: string;
  kek: Buffer;
  now?: Date;
}) {
  const { tx, orgId, policyId, revisionId, kek } = opts;
  const now = opts.now ?? new Date();
  const [org, policy, revision] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: orgId } }),
    tx.policy.findFirstOrThrow({ where: { id: policyId, orgId } }),
    tx.policyRevision.findFirstOrThrow({ where: { id: revisionId, orgId, policyId } }),
  ]);
  const parsed = validatePolicyDocument(revision.document);
  const grants = await findActiveGrants({ tx, orgId, scope: policy.scope, now });
  const latest = await tx.snapshot.findFirst({ where: { orgId, scope: policy.scope }, orderBy: { version: "desc" }, select: { version: true } });
  const version = (latest?.version ?? 0) + 1;
  const expiresAt = new Date(now.getTime() + org.snapshotTtlSeconds * 1000);
  const document: TSnapshotDocument = {
    type: "egress-snapshot",
    specVersion: 1,
    org: orgId,
    scope: policy.scope,
    version,
    revision: revision.id,
    issuedAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    policy: applyGrants(parsed, grants),
  };
  const signer = await loadSnapshotSigner({ db: tx, orgId, kek });
  let envelope;
  try {
    envelope = signSnapshot({ document, key: signer.key, root: signer.root });
  } catch (error) {
    if (error instanceof SnapshotSigningError && (error.code === "oversize" || error.code === "invalid_document")) {
      throw new AppError("POLICY_INVALID", `snapshot cannot be signed: ${error.message}`);
    }
    throw error;
  }
  const digest = getEnvelopeDigest(envelope);

  return tx.snapshot.create({
    data: { orgId, policyId, scope: policy.scope, version, revisionId, envelope, digest, issuedAt: now, expiresAt },
  });
}
