import { permissionProcedure } from "../../trpc";
import { updateOrgSettings } from "../../services/orgs/update-org-settings";
import { ZUpdateSettingsRequestSchema, ZUpdateSettingsResponseSchema } from "./update-settings.types";

/** `settings.update`: change name, snapshot lifetime, approval rules or the stale-device threshold. */
export const updateSettingsRoute = permissionProcedure("org.manage")
  .input(ZUpdateSettingsRequestSchema)
  .output(ZUpdateSettingsResponseSchema)
  .mutation(async ({ ctx, input }) => updateOrgSettings({ db: ctx.db, actor: ctx.actor, input }));
