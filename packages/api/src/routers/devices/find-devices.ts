import { permissionProcedure } from "../../trpc";
import { findDevices } from "../../services/devices/find-devices";
import { ZFindDevicesRequestSchema, ZFindDevicesResponseSchema } from "./find-devices.types";

/** `devices.list`: the fleet with version in use vs latest, last pull, last seen, owner and agents. */
export const findDevicesRoute = permissionProcedure("devices.read")
  .input(ZFindDevicesRequestSchema)
  .output(ZFindDevicesResponseSchema)
  .query(async ({ ctx, input }) => findDevices({ db: ctx.db, actor: ctx.actor, filter: input }));
