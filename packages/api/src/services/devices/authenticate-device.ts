import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { hashSecret } from "../enrollment/secrets";

/**
 * Resolves a device credential (`Authorization: Bearer egd_…`) to its device. Unknown →
 * UNAUTHORIZED; revoked → DEVICE_REVOKED saying so and that the machine must be re-enrolled.
 */
export async function authenticateDevice({ db, bearer }: { db: PrismaClient; bearer: string | null }) {
  if (!bearer) throw new AppError("UNAUTHORIZED", "device credential missing: run `egress-sync enroll` first");
  const device = await db.device.findUnique({ where: { credentialHash: hashSecret(bearer) } });
  if (!device) throw new AppError("UNAUTHORIZED", "device credential is not recognised: re-enroll this machine with `egress-sync enroll`");
  if (device.revokedAt) {
    const reason = device.revokedReason ? ` (${device.revokedReason})` : "";
    throw new AppError("DEVICE_REVOKED", `this device was revoked by your security team on ${device.revokedAt.toISOString().slice(0, 10)}${reason}: re-enroll it with a new token (\`egress-sync enroll\`)`);
  }

  return device;
}

/** The actor a device acts as in audit events. */
export function getDeviceActor(device: { orgId: string; name: string }) {
  return { userId: null, orgId: device.orgId, label: `device ${device.name}`, type: "device" as const };
}
