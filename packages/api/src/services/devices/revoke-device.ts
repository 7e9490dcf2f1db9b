import { AppError } from "@egress/contracts";
import type { PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import type { TActor } from "../../trpc";

/** Revokes a device: its credential stops working at once (DEVICE_REVOKED). Another org's id is NOT_FOUND. */
export async function revokeDevice({ db, actor, deviceId, reason }: { db: PrismaClient; actor: TActor; deviceId: string; reason: string }) {
  return db.$transaction(async (tx) => {
    const device = await tx.device.findFirst({ where: { id: deviceId, orgId: actor.orgId } });
    if (!device) throw new AppError("NOT_FOUND", `device \`${deviceId}\` not found`);
    if (device.revokedAt) throw new AppError("CONFLICT", `device \`${device.name}\` is already revoked`);
    const revoked = await tx.device.update({ where: { id: device.id }, data: { revokedAt: new Date(), revokedReason: reason } });
    await writeAuditEvent(tx, actor, { action: "device.revoked", targetType: "device", targetId: device.id, after: { name: device.name, reason } });

    return { id: revoked.id, revokedAt: revoked.revokedAt, revokedReason: revoked.revokedReason };
  });
}
