import { createTRPCRouter } from "../../trpc";
import { createApiTokenRoute } from "./create-api-token";
import { findApiTokensRoute } from "./find-api-tokens";
import { revokeApiTokenRoute } from "./revoke-api-token";

/** Org API tokens for automation (admin REST API). */
export const apiTokensRouter = createTRPCRouter({ list: findApiTokensRoute, create: createApiTokenRoute, revoke: revokeApiTokenRoute });
