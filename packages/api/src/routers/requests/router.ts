import { createTRPCRouter } from "../../trpc";
import { decideAccessRequestRoute } from "./decide-access-request";
import { findAccessRequestsRoute } from "./find-access-requests";

/** Developers' access requests and their decisions. */
export const requestsRouter = createTRPCRouter({
  list: findAccessRequestsRoute,
  decide: decideAccessRequestRoute,
});
