import { permissionProcedure } from "../../trpc";
import { listApiTokens } from "../../services/api-tokens/list-api-tokens";
import { ZFindApiTokensRequestSchema, ZFindApiTokensResponseSchema } from "./find-api-tokens.types";

/** `apiTokens.list`: the organization's API tokens, never their secrets. */
export const findApiTokensRoute = permissionProcedure("apiTokens.manage")
  .input(ZFindApiTokensRequestSchema)
  .output(ZFindApiTokensResponseSchema)
  .query(async ({ ctx }) => listApiTokens({ db: ctx.db, actor: ctx.actor }));
