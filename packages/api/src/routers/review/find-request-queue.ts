import { permissionProcedure } from "../../trpc";
import { findRequestQueue } from "../../services/review/find-request-queue";
import { ZFindRequestQueueRequestSchema, ZFindRequestQueueResponseSchema } from "./find-request-queue.types";

/** `review.requestQueue`: access requests with requester, device, justification and the matching recent blocks. */
export const findRequestQueueRoute = permissionProcedure("requests.read")
  .input(ZFindRequestQueueRequestSchema)
  .output(ZFindRequestQueueResponseSchema)
  .query(async ({ ctx, input }) => findRequestQueue({ db: ctx.db, actor: ctx.actor, input }));
