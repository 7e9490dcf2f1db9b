import { permissionProcedure } from "../../trpc";
import { revokeApiToken } from "../../services/api-tokens/revoke-api-token";
import { ZRevokeApiTokenRequestSchema, ZRevokeApiTokenResponseSchema } from "./revoke-api-token.types";

/** `apiTokens.revoke`: the token stops working at once. */
export const revokeApiTokenRoute = permissionProcedure("apiTokens.manage")
  .input(ZRevokeApiTokenRequestSchema)
  .output(ZRevokeApiTokenResponseSchema)
  .mutation(async ({ ctx, input }) => revokeApiToken({ db: ctx.db, actor: ctx.actor, input }));
