import { permissionProcedure } from "../../trpc";
import { getEventGroup } from "../../services/review/get-event-group";
import { ZGetEventGroupRequestSchema, ZGetEventGroupResponseSchema } from "./get-event-group.types";

/** `review.group`: one group with its affected devices, users, agents and rules. */
export const getEventGroupRoute = permissionProcedure("events.read")
  .input(ZGetEventGroupRequestSchema)
  .output(ZGetEventGroupResponseSchema)
  .query(async ({ ctx, input }) => getEventGroup({ db: ctx.db, actor: ctx.actor, groupId: input.groupId }));
