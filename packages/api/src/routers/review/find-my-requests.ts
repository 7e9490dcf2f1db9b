import { permissionProcedure } from "../../trpc";
import { findMyRequests } from "../../services/review/find-my-requests";
import { ZFindMyRequestsRequestSchema, ZFindMyRequestsResponseSchema } from "./find-my-requests.types";

/** `review.myRequests`: the caller's own requests and their outcomes (what a developer sees). */
export const findMyRequestsRoute = permissionProcedure("requests.create")
  .input(ZFindMyRequestsRequestSchema)
  .output(ZFindMyRequestsResponseSchema)
  .query(async ({ ctx, input }) => findMyRequests({ db: ctx.db, actor: ctx.actor, limit: input.limit }));
