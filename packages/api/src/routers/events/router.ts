import { createTRPCRouter } from "../../trpc";
import { findEventsRoute } from "./find-events";

/** Decision events uploaded by devices (the review queue reads these). */
export const eventsRouter = createTRPCRouter({
  list: findEventsRoute,
});
