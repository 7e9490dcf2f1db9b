import { protectedProcedure } from "../../trpc";
import { createOrganization } from "../../services/orgs/create-organization";
import { ZCreateOrganizationRequestSchema, ZCreateOrganizationResponseSchema } from "./create-organization.types";

/** `org.create`: any signed-in user may create an organization and becomes its owner. */
export const createOrganizationRoute = protectedProcedure
  .input(ZCreateOrganizationRequestSchema)
  .output(ZCreateOrganizationResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { db, session } = ctx;
    const actor = { userId: session.userId, label: session.email, type: "user" as const };

    return createOrganization({ db, actor, input });
  });
