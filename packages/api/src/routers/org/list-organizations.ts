import { protectedProcedure } from "../../trpc";
import { listMyOrganizations } from "../../services/orgs/list-my-organizations";
import { ZListOrganizationsRequestSchema, ZListOrganizationsResponseSchema } from "./list-organizations.types";

/** `org.list`: the organizations the signed-in user belongs to. */
export const listOrganizationsRoute = protectedProcedure
  .input(ZListOrganizationsRequestSchema)
  .output(ZListOrganizationsResponseSchema)
  .query(async ({ ctx }) => listMyOrganizations({ db: ctx.db, userId: ctx.session.userId }));
