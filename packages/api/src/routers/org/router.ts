import { createTRPCRouter } from "../../trpc";
import { createOrganizationRoute } from "./create-organization";
import { getOrganizationRoute } from "./get-organization";
import { listOrganizationsRoute } from "./list-organizations";

/** Organizations: the user's list, the active one, and creating new ones. */
export const orgRouter = createTRPCRouter({ list: listOrganizationsRoute, get: getOrganizationRoute, create: createOrganizationRoute });
