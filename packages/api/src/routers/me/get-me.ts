import { protectedProcedure } from "../../trpc";
import { listMyOrganizations } from "../../services/orgs/list-my-organizations";
import { ZGetMeRequestSchema, ZGetMeResponseSchema } from "./get-me.types";

/** `me.get`: the signed-in user and their memberships (for the org switcher). */
export const getMeRoute = protectedProcedure
  .input(ZGetMeRequestSchema)
  .output(ZGetMeResponseSchema)
  .query(async ({ ctx }) => {
    const { session, db } = ctx;
    const orgs = await listMyOrganizations({ db, userId: session.userId });

    return {
      user: { id: session.userId, email: session.email, name: session.name },
      memberships: orgs.map((o) => ({ orgId: o.id, slug: o.slug, name: o.name, role: o.role })),
    };
  });
