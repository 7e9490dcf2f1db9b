import { AppError, type TEnrollRequest, type TEnrollResponse } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { rootFingerprint } from "@egress/snapshot";
import { SECRET_PREFIXES } from "@egress/contracts";
import { writeAuditEvent } from "../audit/write-audit-event";
import { getCurrentRoot } from "../keys/load-org-keys";
import { createSecret, hashSecret } from "./secrets";

type TToken = { revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number };

/** Why a token cannot enroll now, with a message the developer can act on, or null when it can. */
function getTokenProblem(token: TToken, now: Date): AppError | null {
  if (token.revokedAt) return new AppError("UNAUTHORIZED", "enrollment token was revoked: ask your security team for a new one");
  if (token.expiresAt <= now) return new AppError("TOKEN_EXPIRED", `enrollment token expired at \`${token.expiresAt.toISOString()}\`: ask your security team for a new one`);
  if (token.uses >= token.maxUses) return new AppError("TOKEN_EXHAUSTED", `enrollment token was already used ${token.uses} of ${token.maxUses} time(s): ask your security team for a new one`);

  return null;
}

/**
 * Enrolls a device with an enrollment token: checks revocation, expiry and uses (distinct errors),
 * consumes one use atomically (a token never admits more devices than `maxUses`, even under
 * concurrent calls), and returns a new `egd_` device credential (shown once, stored as sha256)
 * with the org's current root to pin and its fingerprint.
 */
export async function enrollDevice({ db, input, consoleUrl, now = new Date() }: { db: PrismaClient; input: TEnrollRequest; consoleUrl: string; now?: Date }): Promise<TEnrollResponse> {
  const token = await db.enrollmentToken.findUnique({ where: { tokenHash: hashSecret(input.token) }, include: { org: true } });
  if (!token) throw new AppError("UNAUTHORIZED", "enrollment token is not valid: check that you pasted all of it, or ask for a new one");
  const problem = getTokenProblem(token, now);
  if (problem) throw problem;
  const { secret, hash } = createSecret(SECRET_PREFIXES.deviceCredential);

  return db.$transaction(async (tx) => {
    const consumed = await tx.$executeRaw`UPDATE "EnrollmentToken" SET "uses" = "uses" + 1 WHERE "id" = ${token.id} AND "revokedAt" IS NULL AND "expiresAt" > ${now} AND "uses" < "maxUses"`;
    if (consumed !== 1) {
      const current = await tx.enrollmentToken.findUniqueOrThrow({ where: { id: token.id } });
      throw getTokenProblem(current, now) ?? new AppError("TOKEN_EXHAUSTED", "enrollment token was used up meanwhile: ask your security team for a new one");
    }
    const policy = await tx.policy.findUnique({ where: { orgId_scope: { orgId: token.orgId, scope: token.scope } }, select: { id: true } });
    const device = await tx.device.create({
      data: {
        orgId: token.orgId,
        policyId: policy?.id ?? null,
        scope: token.scope,
        name: input.name,
        hostname: input.hostname ?? null,
        platform: input.platform ?? null,
        cliVersion: input.cliVersion ?? null,
        agents: input.agents ?? [],
        ownerUserId: token.ownerUserId,
        credentialHash: hash,
        enrollmentTokenId: token.id,
        lastSeenAt: now,
      },
    });
    await writeAuditEvent(tx, { userId: null, orgId: token.orgId, label: `device ${input.name}`, type: "device" }, {
      action: "device.enrolled",
      targetType: "device",
      targetId: device.id,
      after: { name: device.name, hostname: device.hostname, scope: device.scope, enrollmentToken: token.prefix, ownerUserId: device.ownerUserId },
    });
    const root = await getCurrentRoot({ db: tx, orgId: token.orgId });

    return {
      deviceId: device.id,
      credential: secret,
      org: { id: token.org.id, slug: token.org.slug, name: token.org.name },
      scope: device.scope,
      root: root.envelope as TEnrollResponse["root"],
      rootVersion: root.version,
      rootFingerprint: rootFingerprint(root.document),
      server: { apiVersion: 1, consoleUrl },
    };
  });
}
