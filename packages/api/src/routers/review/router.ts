import { createTRPCRouter } from "../../trpc";
import { createRequestRoute } from "./create-request";
import { findEventGroupsRoute } from "./find-event-groups";
import { findFilterOptionsRoute } from "./find-filter-options";
import { findGroupEventsRoute } from "./find-group-events";
import { findMyRequestsRoute } from "./find-my-requests";
import { findRequestQueueRoute } from "./find-request-queue";
import { getEventGroupRoute } from "./get-event-group";
import { proposeAllowRoute } from "./propose-allow";
import { triageEventGroupRoute } from "./triage-event-group";

/** Review: the grouped block queue with triage and "allow this", and the access-request queue. */
export const reviewRouter = createTRPCRouter({
  groups: findEventGroupsRoute,
  group: getEventGroupRoute,
  groupEvents: findGroupEventsRoute,
  filterOptions: findFilterOptionsRoute,
  triage: triageEventGroupRoute,
  proposeAllow: proposeAllowRoute,
  requestQueue: findRequestQueueRoute,
  createRequest: createRequestRoute,
  myRequests: findMyRequestsRoute,
});
