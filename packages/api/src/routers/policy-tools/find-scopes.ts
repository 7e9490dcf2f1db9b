import { permissionProcedure } from "../../trpc";
import { findPolicyScopes } from "../../services/policy-tools/find-scopes";
import { ZFindScopesRequestSchema, ZFindScopesResponseSchema } from "./find-scopes.types";

/** `policyTools.scopes`: the org's policy scopes with their published revision, mode and devices. */
export const findScopesRoute = permissionProcedure("policy.read")
  .input(ZFindScopesRequestSchema)
  .output(ZFindScopesResponseSchema)
  .query(async ({ ctx }) => findPolicyScopes({ db: ctx.db, actor: ctx.actor }));
