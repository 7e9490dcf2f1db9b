import { createTRPCRouter } from "../../trpc";
import { findDevicesRoute } from "./find-devices";
import { revokeDeviceRoute } from "./revoke-device";

/** Enrolled developer machines. */
export const devicesRouter = createTRPCRouter({
  list: findDevicesRoute,
  revoke: revokeDeviceRoute,
});
