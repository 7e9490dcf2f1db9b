import { permissionProcedure } from "../../trpc";
import { revokeDevice } from "../../services/devices/revoke-device";
import { ZRevokeDeviceRequestSchema, ZRevokeDeviceResponseSchema } from "./revoke-device.types";

/** `devices.revoke`: the device's credential stops working at once; the reason is shown to the developer. */
export const revokeDeviceRoute = permissionProcedure("devices.manage")
  .input(ZRevokeDeviceRequestSchema)
  .output(ZRevokeDeviceResponseSchema)
  .mutation(async ({ ctx, input }) => revokeDevice({ db: ctx.db, actor: ctx.actor, deviceId: input.deviceId, reason: input.reason }));
