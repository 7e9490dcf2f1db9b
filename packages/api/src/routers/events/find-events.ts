import { permissionProcedure } from "../../trpc";
import { findEvents } from "../../services/events/find-events";
import { ZFindEventsRequestSchema } from "./find-events.types";

/** `events.list`: the org's decision events, newest first, filtered, cursor-paginated (`nextCursor`). */
export const findEventsRoute = permissionProcedure("events.read")
  .input(ZFindEventsRequestSchema)
  .query(async ({ ctx, input: { cursor, limit, ...filter } }) => findEvents({ db: ctx.db, actor: ctx.actor, filter, cursor, limit }));
