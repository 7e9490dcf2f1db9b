import { permissionProcedure } from "../../trpc";
import { getOrganization } from "../../services/orgs/get-organization";
import { SNAPSHOT_TTL_RANGE, STALE_DEVICE_HOURS_RANGE } from "../../services/orgs/org-schemas";
import { ZGetSettingsRequestSchema, ZGetSettingsResponseSchema } from "./get-settings.types";

/** `settings.get`: the active organization's settings and their allowed ranges. */
export const getSettingsRoute = permissionProcedure("org.read")
  .input(ZGetSettingsRequestSchema)
  .output(ZGetSettingsResponseSchema)
  .query(async ({ ctx }) => {
    const organization = await getOrganization({ db: ctx.db, actor: ctx.actor });

    return { organization, limits: { snapshotTtlSeconds: SNAPSHOT_TTL_RANGE, staleDeviceHours: STALE_DEVICE_HOURS_RANGE } };
  });
