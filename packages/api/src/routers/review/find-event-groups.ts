import { permissionProcedure } from "../../trpc";
import { findEventGroups } from "../../services/review/find-event-groups";
import { ZFindEventGroupsRequestSchema, ZFindEventGroupsResponseSchema } from "./find-event-groups.types";

/** `review.groups`: the review queue, blocks grouped by destination / connector / command, filtered, keyset-paginated. */
export const findEventGroupsRoute = permissionProcedure("events.read")
  .input(ZFindEventGroupsRequestSchema)
  .output(ZFindEventGroupsResponseSchema)
  .query(async ({ ctx, input: { sort, cursor, limit, ...filter } }) => findEventGroups({ db: ctx.db, actor: ctx.actor, input: { filter, sort, cursor, limit } }));
