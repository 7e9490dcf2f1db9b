import { permissionProcedure } from "../../trpc";
import { getOrganization } from "../../services/orgs/get-organization";
import { ZGetOrganizationRequestSchema, ZGetOrganizationResponseSchema } from "./get-organization.types";

/** `org.get`: the active organization. */
export const getOrganizationRoute = permissionProcedure("org.read")
  .input(ZGetOrganizationRequestSchema)
  .output(ZGetOrganizationResponseSchema)
  .query(async ({ ctx }) => getOrganization({ db: ctx.db, actor: ctx.actor }));
