import { createTRPCRouter } from "../../trpc";
import { getMeRoute } from "./get-me";

/** The signed-in user. */
export const meRouter = createTRPCRouter({ get: getMeRoute });
