import type { TCreateAccessRequest } from "@egress/contracts";
import { Prisma, type Device, type PrismaClient } from "@egress/db";
import { writeAuditEvent } from "../audit/write-audit-event";
import { getDeviceActor } from "../devices/authenticate-device";

/**
 * Files an access request from a device, on behalf of the device's owner. Idempotent per device
 * and `clientRequestId`: a retry returns the request already filed (`isNew: false`), never a copy.
 */
export async function createAccessRequest({ db, device, input }: { db: PrismaClient; device: Device; input: TCreateAccessRequest }) {
  const existing = await db.accessRequest.findUnique({ where: { deviceId_clientRequestId: { deviceId: device.id, clientRequestId: input.clientRequestId } } });
  if (existing) return { request: existing, isNew: false };
  try {
    const request = await db.$transaction(async (tx) => {
      const created = await tx.accessRequest.create({
        data: { orgId: device.orgId, deviceId: device.id, requesterId: device.ownerUserId, kind: input.kind, target: input.target, reason: input.reason, clientRequestId: input.clientRequestId },
      });
      await writeAuditEvent(tx, getDeviceActor(device), { action: "access_request.created", targetType: "access_request", targetId: created.id, after: { kind: input.kind, target: input.target } });

      return created;
    });

    return { request, isNew: true };
  } catch (error) {
    // A concurrent retry won the unique index: answer with its request
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const request = await db.accessRequest.findUniqueOrThrow({ where: { deviceId_clientRequestId: { deviceId: device.id, clientRequestId: input.clientRequestId } } });

      return { request, isNew: false };
    }
    throw error;
  }
}
