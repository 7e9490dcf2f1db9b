import { createTRPCRouter } from "../../trpc";
import { getSettingsRoute } from "./get-settings";
import { updateSettingsRoute } from "./update-settings";

/** Organization settings. */
export const settingsRouter = createTRPCRouter({ get: getSettingsRoute, update: updateSettingsRoute });
