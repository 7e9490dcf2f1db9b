import { permissionProcedure } from "../../trpc";
import { createApiToken } from "../../services/api-tokens/create-api-token";
import { ZCreateApiTokenRequestSchema, ZCreateApiTokenResponseSchema } from "./create-api-token.types";

/** `apiTokens.create`: a new org API token, returned once. */
export const createApiTokenRoute = permissionProcedure("apiTokens.manage")
  .input(ZCreateApiTokenRequestSchema)
  .output(ZCreateApiTokenResponseSchema)
  .mutation(async ({ ctx, input }) => createApiToken({ db: ctx.db, actor: ctx.actor, input }));
