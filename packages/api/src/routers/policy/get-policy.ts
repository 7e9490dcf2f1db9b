import { permissionProcedure } from "../../trpc";
import { getPolicy } from "../../services/policy/get-policy";
import { ZGetPolicyRequestSchema, ZGetPolicyResponseSchema } from "./get-policy.types";

/** `policy.get`: the draft (with its version for optimistic concurrency), what is published, pending approvals. */
export const getPolicyRoute = permissionProcedure("policy.read")
  .input(ZGetPolicyRequestSchema)
  .output(ZGetPolicyResponseSchema)
  .query(async ({ ctx, input }) => getPolicy({ db: ctx.db, actor: ctx.actor, scope: input.scope }));
