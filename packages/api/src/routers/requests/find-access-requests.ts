import { permissionProcedure } from "../../trpc";
import { findAccessRequests } from "../../services/requests/find-access-requests";
import { ZFindAccessRequestsRequestSchema } from "./find-access-requests.types";

/** `requests.list`: the org's access requests with requester, device and decision, cursor-paginated. */
export const findAccessRequestsRoute = permissionProcedure("requests.read")
  .input(ZFindAccessRequestsRequestSchema)
  .query(async ({ ctx, input: { cursor, limit, status } }) => findAccessRequests({ db: ctx.db, orgId: ctx.actor.orgId, filter: { status }, cursor, limit }));
