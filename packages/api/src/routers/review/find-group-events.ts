import { permissionProcedure } from "../../trpc";
import { findGroupEvents } from "../../services/review/find-group-events";
import { ZFindGroupEventsRequestSchema, ZFindGroupEventsResponseSchema } from "./find-group-events.types";

/** `review.groupEvents`: the events of one group, newest first, keyset-paginated. */
export const findGroupEventsRoute = permissionProcedure("events.read")
  .input(ZFindGroupEventsRequestSchema)
  .output(ZFindGroupEventsResponseSchema)
  .query(async ({ ctx, input }) => findGroupEvents({ db: ctx.db, actor: ctx.actor, input }));
